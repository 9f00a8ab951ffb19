/*
 * codewords.h - the names the code analysis knows: what a Python or
 * JavaScript callee does (network calls, code execution, commands, file
 * writes, recursive deletes). Tables, no parsing.
 */
#ifndef AIRLOCK_SCANNERS_CODEWORDS_H
#define AIRLOCK_SCANNERS_CODEWORDS_H

#include <stdbool.h>
#include <stddef.h>

/* What a call's callee is. */
enum {
	C_NET = 1u << 0,      /* sends a request: its arguments go to the network */
	C_DOWNLOAD = 1u << 1, /* returns remote content */
	C_NETOBJ = 1u << 2,   /* makes a socket, connection or client */
	C_SOCKET = 1u << 3,   /* a raw socket */
	C_EXEC = 1u << 4,     /* runs a string as code (exec, eval, Function, vm) */
	C_RUN = 1u << 5,      /* runs a command (os.system, subprocess, child_process) */
	C_DECODE = 1u << 6,
	C_DUP = 1u << 7,   /* os.dup2, pty.spawn: wires a descriptor to a shell */
	C_WRITE = 1u << 8, /* writes the file its path argument names */
	C_RMTREE = 1u << 9,
	C_KEYCHAIN = 1u << 10,
};

/* What the callee with dotted name `nm` (requests.post, os.environ.get,
 * requests.Session().post, require().exec) does: C_* bits, 0 for nothing
 * the analysis follows. `python`: a Python name, else JavaScript; `is_new`:
 * a JavaScript `new` expression. */
unsigned int al_code_callee(const char *nm, bool python, bool is_new);

/* False when t[0..len) (a fence's code) holds none of the names and paths
 * any finding of scanners/code.c needs: it need not be parsed. True is
 * not a finding; false is certain. */
bool al_code_wanted(const char *t, size_t len);

#endif
