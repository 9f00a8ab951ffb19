/*
 * codewords.c - what Python and JavaScript callees do, by dotted name.
 */
#include <stdio.h>
#include <string.h>

#include "scanners/codewords.h"

static const char *last_part(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot ? dot + 1 : name;
}

static bool one_of(const char *s, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static unsigned int python_callee(const char *nm)
{
	static const char *const verbs[] = { "get",  "post",    "put",     "patch",  "delete",
					     "head", "request", "options", "stream", NULL };
	static const char *const clients[] = { "requests", "httpx", "urllib3", "aiohttp", NULL };
	static const char *const downloads[] = { "urlopen", "urlretrieve", NULL };
	static const char *const runs[] = { "os.system",
					    "os.popen",
					    "subprocess.run",
					    "subprocess.call",
					    "subprocess.Popen",
					    "subprocess.check_output",
					    "subprocess.check_call",
					    "subprocess.getoutput",
					    "subprocess.getstatusoutput",
					    "check_output",
					    "check_call",
					    "Popen",
					    "getoutput",
					    NULL };
	static const char *const decodes[] = {
		"base64.b64decode", "b64decode",     "base64.decodebytes",
		"base64.b32decode", "codecs.decode", "bytes.fromhex",
		"zlib.decompress",  "marshal.loads", NULL
	};
	static const char *const objs[] = { "requests.Session",
					    "httpx.Client",
					    "httpx.AsyncClient",
					    "aiohttp.ClientSession",
					    "http.client.HTTPConnection",
					    "http.client.HTTPSConnection",
					    "HTTPConnection",
					    "HTTPSConnection",
					    "smtplib.SMTP",
					    "smtplib.SMTP_SSL",
					    "ftplib.FTP",
					    "urllib3.PoolManager",
					    NULL };
	const char *last = last_part(nm);
	char first[48];
	size_t fl = strcspn(nm, ".(");

	snprintf(first, sizeof(first), "%.*s", (int)(fl < sizeof(first) ? fl : sizeof(first) - 1),
		 nm);
	if (one_of(nm, objs))
		return C_NETOBJ;
	if (strcmp(nm, "socket.socket") == 0 || strcmp(nm, "socket.create_connection") == 0 ||
	    strcmp(nm, "ssl.wrap_socket") == 0 || strcmp(nm, "create_connection") == 0)
		return C_NETOBJ | C_SOCKET;
	if (one_of(first, clients) && one_of(last, verbs))
		return C_NET | (strcmp(last, "get") == 0 || strcmp(last, "request") == 0 ||
						strcmp(last, "stream") == 0
					? C_DOWNLOAD
					: 0);
	if (one_of(last, downloads) &&
	    (strcmp(nm, last) == 0 || starts(nm, "urllib") || starts(nm, "request.")))
		return C_NET | C_DOWNLOAD;
	if (strcmp(nm, "urllib.request.Request") == 0 || strcmp(nm, "urllib2.Request") == 0 ||
	    strcmp(nm, "Request") == 0)
		return C_NET;
	if (strcmp(nm, "exec") == 0 || strcmp(nm, "eval") == 0 || strcmp(nm, "compile") == 0 ||
	    strcmp(nm, "builtins.exec") == 0 || strcmp(nm, "builtins.eval") == 0)
		return C_EXEC;
	if (one_of(nm, runs) || starts(nm, "os.exec") || starts(nm, "os.spawn"))
		return C_RUN;
	if (strcmp(nm, "os.dup2") == 0 || strcmp(nm, "dup2") == 0 || strcmp(nm, "pty.spawn") == 0)
		return C_DUP;
	if (one_of(nm, decodes))
		return C_DECODE;
	if (strcmp(nm, "shutil.rmtree") == 0 || strcmp(nm, "rmtree") == 0)
		return C_RMTREE;
	if (strcmp(nm, "open") == 0 || strcmp(nm, "io.open") == 0 ||
	    strcmp(last, "write_text") == 0 || strcmp(last, "write_bytes") == 0 ||
	    (strcmp(first, "shutil") == 0 && starts(last, "copy")) ||
	    strcmp(nm, "shutil.move") == 0 || strcmp(nm, "os.symlink") == 0 ||
	    strcmp(nm, "os.replace") == 0 || strcmp(nm, "os.rename") == 0)
		return C_WRITE;
	if (strcmp(nm, "keyring.get_password") == 0 || strcmp(nm, "keyring.get_credential") == 0)
		return C_KEYCHAIN;
	return 0;
}

static unsigned int js_callee(const char *nm, bool is_new)
{
	static const char *const verbs[] = { "get",    "post", "put",     "patch",
					     "delete", "head", "request", NULL };
	static const char *const clients[] = { "axios", "got", "superagent", "needle", "ky", NULL };
	static const char *const http[] = { "http", "https", NULL };
	static const char *const runs[] = { "exec",     "execSync",     "spawn", "spawnSync",
					    "execFile", "execFileSync", "fork",  NULL };
	static const char *const procs[] = { "child_process", "cp",   "childProcess",
					     "require()",     "proc", NULL };
	static const char *const writes[] = { "writeFileSync",  "appendFileSync",    "writeFile",
					      "appendFile",     "createWriteStream", "copyFileSync",
					      "copyFile",       "symlinkSync",       "symlink",
					      "outputFileSync", "outputFile",        NULL };
	static const char *const removes[] = { "rmSync",     "rmdirSync", "rm",           "rmdir",
					       "removeSync", "remove",    "emptyDirSync", NULL };
	const char *last = last_part(nm);
	char first[48];
	size_t fl = strcspn(nm, ".");

	snprintf(first, sizeof(first), "%.*s", (int)(fl < sizeof(first) ? fl : sizeof(first) - 1),
		 nm);
	if (is_new) {
		if (strcmp(nm, "XMLHttpRequest") == 0 || strcmp(nm, "WebSocket") == 0)
			return C_NETOBJ;
		if (strcmp(nm, "net.Socket") == 0 || strcmp(nm, "Socket") == 0)
			return C_NETOBJ | C_SOCKET;
		if (strcmp(nm, "Function") == 0 || strcmp(nm, "vm.Script") == 0)
			return C_EXEC;
		return 0;
	}
	if (strcmp(nm, "fetch") == 0 || strcmp(nm, "axios") == 0 || strcmp(nm, "got") == 0 ||
	    strcmp(nm, "window.fetch") == 0 || strcmp(nm, "globalThis.fetch") == 0)
		return C_NET | C_DOWNLOAD;
	if (one_of(first, clients) && one_of(last, verbs))
		return C_NET | (strcmp(last, "get") == 0 ? C_DOWNLOAD : 0);
	if (one_of(first, http) && (strcmp(last, "request") == 0 || strcmp(last, "get") == 0))
		return C_NET | C_NETOBJ | C_DOWNLOAD;
	if (strcmp(nm, "navigator.sendBeacon") == 0)
		return C_NET;
	if (strcmp(nm, "net.connect") == 0 || strcmp(nm, "net.createConnection") == 0 ||
	    strcmp(nm, "tls.connect") == 0)
		return C_NETOBJ | C_SOCKET;
	if (strcmp(nm, "eval") == 0 || strcmp(nm, "Function") == 0 || starts(nm, "vm.run") ||
	    strcmp(nm, "vm.compileFunction") == 0)
		return C_EXEC;
	if (one_of(last, runs) && (strcmp(nm, last) == 0 || one_of(first, procs)))
		return C_RUN;
	if (strcmp(nm, "atob") == 0 || strcmp(nm, "Buffer.from") == 0)
		return C_DECODE;
	if ((strcmp(first, "fs") == 0 || strcmp(first, "fse") == 0 || strcmp(first, "fsp") == 0 ||
	     strcmp(first, "require()") == 0) &&
	    one_of(last, writes))
		return C_WRITE;
	if (((strcmp(first, "fs") == 0 || strcmp(first, "fse") == 0 || strcmp(first, "fsp") == 0) &&
	     one_of(last, removes)) ||
	    strcmp(first, "rimraf") == 0)
		return C_RMTREE;
	return 0;
}

unsigned int al_code_callee(const char *nm, bool python, bool is_new)
{
	return python ? python_callee(nm) : js_callee(nm, is_new);
}

/* Identifiers one of which every finding of scanners/code.c needs: a secret
 * read (environ, getenv, process.env, keyring), code or a command run, a
 * socket, a recursive delete. exec* and spawn* by prefix (os.execv). */
static bool wanted_name(const char *s, size_t n)
{
	static const char *const names[] = { "environ",
					     "getenv",
					     "env",
					     "keyring",
					     "eval",
					     "compile",
					     "Function",
					     "vm",
					     "system",
					     "popen",
					     "subprocess",
					     "check_output",
					     "check_call",
					     "Popen",
					     "getoutput",
					     "fork",
					     "socket",
					     "Socket",
					     "connect",
					     "createConnection",
					     "create_connection",
					     "wrap_socket",
					     "dup2",
					     "pty",
					     "rm",
					     "rmSync",
					     "rmdir",
					     "rmdirSync",
					     "rmtree",
					     "remove",
					     "removeSync",
					     "emptyDirSync",
					     "rimraf",
					     NULL };

	if ((n >= 4 && memcmp(s, "exec", 4) == 0) || (n >= 5 && memcmp(s, "spawn", 5) == 0))
		return true;
	for (int i = 0; names[i]; i++)
		if (strlen(names[i]) == n && memcmp(s, names[i], n) == 0)
			return true;
	return false;
}

static bool ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '$';
}

static bool ident_start(char c)
{
	return ident_char(c) && !(c >= '0' && c <= '9');
}

bool al_code_wanted(const char *t, size_t len)
{
	/* what literal_facts() calls a credential or persistence path, as
	 * substrings: al_shell_credential_path's and al_shell_persistence_path's
	 * lists cut to their stems (a superset) */
	static const char *const paths[] = {
		"ssh",        "id_rsa",   "id_ed25519", "id_ecdsa",        ".aws",
		"netrc",      "npmrc",    "pypirc",     "docker",          "kube",
		"credential", "gh/hosts", "gnupg",      "shadow",          ".claude",
		"gcloud",     "azure",    "Keychains",  "vault",           "environ",
		".env",       ".bash",    ".zsh",       "profile",         "cron",
		"systemd",    "Launch",   ".git",       "authorized_keys", "airlock",
		"sudoers",    "ld.so",    "fish",       "/etc/hosts",      NULL
	};

	/* a name starts after anything but a letter, '_' or '$': after a
	 * digit too, where a number ends and a name begins (4444spawn) */
	for (size_t i = 0; i < len; i++) {
		size_t j = i;

		if (!ident_start(t[i]) || (i > 0 && ident_start(t[i - 1])))
			continue;
		while (j < len && ident_char(t[j]))
			j++;
		if (wanted_name(t + i, j - i))
			return true;
	}
	for (int k = 0; paths[k]; k++)
		if (memmem(t, len, paths[k], strlen(paths[k])))
			return true;
	return false;
}
