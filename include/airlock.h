/*
 * airlock.h - the public interface of libairlock.
 *
 * airlock stands between an AI coding agent and the project folder it is about
 * to open. A project's agent configuration (hooks, MCP servers, instruction
 * files) is attacker-controlled input; libairlock takes a snapshot of it that
 * is read exactly once, hashed, and never interpreted before trust.
 *
 * Conventions
 *   - Fallible functions return int: 0 on success or a negative AIRLOCK_E*
 *     code. Outputs come first and are named `out`. After a failure,
 *     airlock_error_last() returns a one-line message for this thread.
 *   - Types are opaque. Every airlock_x_free() accepts NULL.
 *   - Ownership is stated on each function: "new" means the caller frees it
 *     with the named function; "borrowed" means valid until the named owner is
 *     freed.
 *   - Options structs start with their version: set them up with their
 *     AIRLOCK_*_OPTIONS_INIT macro or *_options_init() function, then set
 *     fields by name, so that a field added later never breaks a caller.
 *   - Callbacks take `void *payload` last and return int: non-zero cancels
 *     the operation, which then returns AIRLOCK_EUSER.
 *   - The library never prints and never exits. Which calls may run at once,
 *     what forks and where callbacks run: see "Threads and processes".
 */
#ifndef AIRLOCK_H
#define AIRLOCK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(AIRLOCK_BUILDING) && defined(__GNUC__)
#define AIRLOCK_EXTERN __attribute__((visibility("default")))
#else
#define AIRLOCK_EXTERN
#endif

/* ------------------------------------------------------------------------ */
/* Version                                                                  */
/* ------------------------------------------------------------------------ */

/* The one place the version is written (the Makefile reads it from here). */
#define AIRLOCK_VERSION_MAJOR 0
#define AIRLOCK_VERSION_MINOR 1
#define AIRLOCK_VERSION_PATCH 0

#define AIRLOCK__STR(x)  #x
#define AIRLOCK__XSTR(x) AIRLOCK__STR(x)
#define AIRLOCK_VERSION                                                                            \
	AIRLOCK__XSTR(AIRLOCK_VERSION_MAJOR)                                                       \
	"." AIRLOCK__XSTR(AIRLOCK_VERSION_MINOR) "." AIRLOCK__XSTR(AIRLOCK_VERSION_PATCH)

/* The library's version string; compare with AIRLOCK_VERSION to detect a
 * header/library mismatch. Static storage. */
AIRLOCK_EXTERN const char *airlock_version(void);

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */
/* ------------------------------------------------------------------------ */

/* Codes a caller can act on. Anything else is AIRLOCK_ERROR (-1). */
enum {
	AIRLOCK_OK = 0,
	AIRLOCK_ERROR = -1,      /* I/O, memory or another failure; see message */
	AIRLOCK_EINVALID = -2,   /* bad argument or malformed input */
	AIRLOCK_ENOTFOUND = -3,  /* the project or object does not exist */
	AIRLOCK_EUNTRUSTED = -4, /* no trust decision recorded */
	AIRLOCK_ECHANGED = -5,   /* executable content changed since trust */
	AIRLOCK_EDENIED = -6,    /* the project was denied */
	AIRLOCK_EBLOCKED = -7,   /* findings at or above the block threshold */
	AIRLOCK_EUSER = -8       /* a callback returned non-zero: cancelled */
};

/* The message of the last failure on this thread, one line, no trailing
 * newline; "" when there was none. Borrowed: valid until the next libairlock
 * call on this thread. */
AIRLOCK_EXTERN const char *airlock_error_last(void);

/* ------------------------------------------------------------------------ */
/* Threads and processes                                                    */
/* ------------------------------------------------------------------------ */

/*
 * Threads
 *   - Objects: nothing is locked inside an object. An airlock_project is
 *     not thread-safe: airlock_project_status, _trust, _inspect and _load
 *     add entries to its snapshot (the files a hook runs, @imports), which
 *     may move the entries and change the digest earlier calls returned,
 *     and _load replaces the report airlock_project_report() returns. Use a
 *     project from one thread at a time (a lock of your own, or one project
 *     per thread). A report, configuration, rule catalogue, status,
 *     inspection or record list is not changed after it is returned: any
 *     number of threads may read one at once, none may free it meanwhile.
 *   - Different objects may be used in different threads at once, trust
 *     store and state files included (writes are atomic, under flock).
 *   - Errors: airlock_error_last() is per thread (thread-local storage).
 *   - The environment (HOME, XDG_*, AIRLOCK_TRUST_DIR, AIRLOCK_SIGNATURES)
 *     is read during calls: do not setenv() in another thread meanwhile.
 *   - libgit2: every call that uses git (airlock_project_open_git,
 *     airlock_repo_*, and airlock_project_trust for the remote it records)
 *     calls git_libgit2_init() and git_libgit2_shutdown() itself; both are
 *     reference-counted and thread-safe, so a program that uses libgit2
 *     too should hold its own init for its lifetime. No global libgit2
 *     option is changed (owner validation stays as the program left it).
 *   - libyara: yr_initialize()/yr_finalize() are reference-counted without
 *     a lock; libairlock calls them under a lock of its own. A program that
 *     also uses libyara should call yr_initialize() once before using
 *     libairlock from several threads, and yr_finalize() at exit.
 *   - tree-sitter: the first parse sets tree-sitter's allocator
 *     (ts_set_allocator) to libc's malloc family, counted per thread, so a
 *     parse can be stopped at its memory bound. A program that uses
 *     tree-sitter too keeps working if it uses the default allocator (the
 *     same functions underneath); one that sets its own allocator must not
 *     use libairlock in the same process.
 *
 * Processes
 *   - Scanning forks: airlock_project_scan, airlock_file_scan,
 *     airlock_project_load (its scan step) and airlock_memory_scan run the
 *     parsers in a child made with fork(), confined by seccomp (no exec, no
 *     sockets, no file writes or opens for writing, no ptrace) and by
 *     Landlock where the kernel has it. The parent waits for that child
 *     with waitpid() on its pid: a SIGCHLD set to SIG_IGN, or a handler that
 *     reaps every child, makes the scan fail (never pass). The child has
 *     only the forking thread; it creates its own threads. Flags
 *     AIRLOCK_OPT_NO_SANDBOX / AIRLOCK_MEMORY_NO_SANDBOX scan in the calling
 *     process instead (debugging only).
 *   - libcurl: the first scan (or, scanning in the calling process, the
 *     first URL read) loads libcurl.so.4 with dlopen(RTLD_NOW | RTLD_LOCAL)
 *     for its URL parser, once for the process (thread-safe), before any
 *     fork, and never unloads it. A program that links libcurl itself shares
 *     that copy. Without libcurl.so.4 a scan that reads a URL fails, naming
 *     libcurl; nothing else needs it.
 *   - atfork: libairlock registers one pthread_atfork() handler, the first
 *     time a scan loads its rules, that holds its libyara lock across every
 *     fork() of the process, so no child inherits libyara half set up, and
 *     one, at the first tree-sitter parse, that frees its parse slots in a
 *     child. They are never removed. Handlers the program registered run on each scan's
 *     fork() as on any other.
 *   - Callbacks: the progress callbacks of airlock_repo_fetch and
 *     airlock_memory_scan run in the calling thread. The memory scan's
 *     sandboxed child says on a pipe of its own how far it is after each
 *     file, and the calling thread, waiting for it, calls the callback (one
 *     call per file, in order); what the callback changes is the caller's
 *     to keep. It must not call libairlock. Returning non-zero stops the
 *     scan (the child is killed, no state is saved) and airlock_memory_scan
 *     returns AIRLOCK_EUSER. With AIRLOCK_MEMORY_NO_SANDBOX (debugging) it
 *     runs on one of the scanning threads instead, one call at a time.
 */

/* ------------------------------------------------------------------------ */
/* Showing untrusted text                                                   */
/* ------------------------------------------------------------------------ */

/*
 * Escapes s[0..len) so that nothing in it hides or reorders what a person
 * sees: control characters become \n, \t or \xNN; bytes that are not UTF-8
 * become \xNN; invisible and bidirectional-control characters (zero-width,
 * Unicode tags, bidi overrides, ...) become <U+XXXX>. Returns a new string
 * (free it with free()), or NULL when memory runs out.
 */
AIRLOCK_EXTERN char *airlock_escape(const char *s, size_t len);

/* ------------------------------------------------------------------------ */
/* Options                                                                  */
/* ------------------------------------------------------------------------ */

/* Version 2 appended everything after max_file_size, version 3 the
 * disabled rules; an older struct (version 1: version and max_file_size
 * only; version 2: up to trust_dir) is still accepted, and the fields it
 * does not have are never read: they take their defaults. The version
 * changes only when the layout does. */
#define AIRLOCK_OPTIONS_VERSION 4

/* How bad a finding is (impact); ordered, so thresholds compare with >=. */
typedef enum airlock_severity {
	AIRLOCK_SEVERITY_INFO = 1,
	AIRLOCK_SEVERITY_LOW,
	AIRLOCK_SEVERITY_MEDIUM,
	AIRLOCK_SEVERITY_HIGH,
	AIRLOCK_SEVERITY_CRITICAL
} airlock_severity;

/* airlock_options.flags */
#define AIRLOCK_OPT_ALL_FILES  (1u << 0) /* scan every text file, not only the surfaces */
/* Scan in the calling process instead of a confined child (debugging only:
 * a parser bug then runs with the caller's rights). */
#define AIRLOCK_OPT_NO_SANDBOX (1u << 1)
/* The path may be a subfolder of a project: open the nearest folder at or
 * above it (on the same file system) that holds an agent's executable
 * configuration (.claude, .mcp.json, .codex, ...) or a git work tree's .git,
 * the unit agents load from and trust is decided for; the path itself when
 * there is none, or when that folder is $HOME or / (a dotfiles repository is
 * no project). airlock's own gate commands set it. */
#define AIRLOCK_OPT_REPO_ROOT  (1u << 2)
/* Neither read nor write the verdict cache: scan every file. Without it,
 * the findings of a file already scanned (same bytes, same name and kind,
 * same signatures and library) are taken from $AIRLOCK_CACHE_DIR, else
 * $XDG_CACHE_HOME/airlock/verdicts, else ~/.cache/airlock/verdicts (a
 * private directory; AIRLOCK_CACHE_DIR set empty turns the cache off). Any
 * doubt about the cache is a miss, never an error. */
#define AIRLOCK_OPT_NO_CACHE   (1u << 3)

/* Progress of a fetch, a memory scan or the walk of a project (airlock_options): `done` of `total` (objects or
 * files) and the bytes so far; `payload` is the pointer given with it.
 * Return 0 to go on, non-zero to cancel (the call returns AIRLOCK_EUSER).
 * Where it runs: see "Threads and processes". */
typedef int (*airlock_progress_cb)(size_t done, size_t total, uint64_t bytes, void *payload);

typedef struct airlock_options {
	unsigned int version;   /* AIRLOCK_OPTIONS_VERSION */
	uint64_t max_file_size; /* per-file read cap in bytes; 0 = default (4 MiB) */
	/* Compiled signatures to load; NULL = $AIRLOCK_SIGNATURES, else the file
	 * installed under PREFIX/share/airlock. Never taken from a project. */
	const char *signatures;
	/* A folder of the user's own YARA rule sources (*.yar, *.yara), compiled
	 * when a scan starts, with `include` disabled; NULL = none. */
	const char *rules_dir;
	unsigned int scan_timeout;        /* seconds per file; 0 = default (10) */
	unsigned int flags;               /* AIRLOCK_OPT_* */
	airlock_severity block_threshold; /* 0 = AIRLOCK_SEVERITY_HIGH */
	/* The trust store directory; NULL = $AIRLOCK_TRUST_DIR, else
	 * $XDG_DATA_HOME/airlock/trust, else ~/.local/share/airlock/trust. */
	const char *trust_dir;
	/* Version 3. Rule ids ("AL409") whose findings are dropped from every
	 * report (scan, load, trust, memory): they neither show nor block. Each
	 * must be in the catalogue the scan loads (airlock_rules_find), else the
	 * scan fails with AIRLOCK_EINVALID. The caller's choice, never a
	 * project's: libairlock reads no suppression from the files it judges.
	 * The strings are copied when the options are used. */
	const char *const *disabled_rules;
	size_t ndisabled;
	/* Version 4. Called by airlock_project_open, in the calling thread,
	 * every 4 096 entries the walk of the folder reads (done: entries so
	 * far; total and bytes: 0), so that a large tree is not silent; a
	 * non-zero return stops the open (AIRLOCK_EUSER). NULL: none. */
	airlock_progress_cb walk_progress;
	void *walk_payload;
} airlock_options;

/* The version set, every other field zero (its default). In C the field is
 * named, so that -Wmissing-field-initializers stays quiet. */
/* clang-format off */
#ifdef __cplusplus
#define AIRLOCK_OPTIONS_INIT { AIRLOCK_OPTIONS_VERSION }
#else
#define AIRLOCK_OPTIONS_INIT { .version = AIRLOCK_OPTIONS_VERSION }
#endif
/* clang-format on */

/*
 * AIRLOCK_OPTIONS_INIT as a function, for language bindings: zeroes the
 * struct of that `version` (for versions 1 and 2 only their fields) and sets
 * the version. Returns 0, or AIRLOCK_EINVALID when `opts` is NULL or `version`
 * is not one this library knows (0, or newer than AIRLOCK_OPTIONS_VERSION).
 */
AIRLOCK_EXTERN int airlock_options_init(airlock_options *opts, unsigned int version);

/* "info", "low", "medium", "high", "critical". Static; "unknown" when out of
 * range. */
AIRLOCK_EXTERN const char *airlock_severity_name(airlock_severity s);

/* Parses a severity name (case-insensitive). Returns 0 or AIRLOCK_EINVALID. */
AIRLOCK_EXTERN int airlock_severity_parse(airlock_severity *out, const char *name);

/* ------------------------------------------------------------------------ */
/* Surfaces: what counts as an agent's persistent context                   */
/* ------------------------------------------------------------------------ */

/* How a context file's content is to be read. */
typedef enum airlock_kind {
	AIRLOCK_KIND_JSON = 1, /* strict JSON */
	AIRLOCK_KIND_JSONC,    /* JSON with comments (VS Code, devcontainer) */
	AIRLOCK_KIND_TOML,
	AIRLOCK_KIND_YAML,
	AIRLOCK_KIND_MARKDOWN,
	AIRLOCK_KIND_SCRIPT,   /* shell or other program text */
	AIRLOCK_KIND_TEXT,     /* anything else read as text */
	AIRLOCK_KIND_DIRECTORY /* a directory entry (e.g. where a walk limit hit) */
} airlock_kind;

/* executable: makes a program run or redirects traffic or credentials; any
 * change after trust invalidates it. instructions: text the model reads;
 * rescanned on every load instead. */
typedef enum airlock_class {
	AIRLOCK_CLASS_EXECUTABLE = 1,
	AIRLOCK_CLASS_INSTRUCTIONS
} airlock_class;

/* Lower-case names ("json", "markdown", "executable", ...). Static storage;
 * "unknown" for values out of range. */
AIRLOCK_EXTERN const char *airlock_kind_name(airlock_kind kind);
AIRLOCK_EXTERN const char *airlock_class_name(airlock_class cls);

/* ------------------------------------------------------------------------ */
/* Projects and their manifest                                              */
/* ------------------------------------------------------------------------ */

typedef struct airlock_project airlock_project;
typedef struct airlock_entry airlock_entry;
typedef struct airlock_report airlock_report; /* findings of a scan (see "Scanning") */

/*
 * Why an entry has no content, or deserves attention. Bit flags; an entry
 * with any of the AIRLOCK_REASON_UNREAD bits set was not read (no hash). A
 * MISSING entry has no content either: it binds the absence of a file.
 */
#define AIRLOCK_REASON_SYMLINK         (1u << 0)  /* a symlink inside the project; not read */
#define AIRLOCK_REASON_SYMLINK_OUTSIDE (1u << 1)  /* a symlink pointing outside; not followed */
#define AIRLOCK_REASON_NOT_REGULAR     (1u << 2)  /* FIFO, device, socket or directory */
#define AIRLOCK_REASON_TOO_LARGE       (1u << 3)  /* over the per-file or total size cap */
#define AIRLOCK_REASON_UNREADABLE      (1u << 4)  /* open or read failed */
#define AIRLOCK_REASON_CHANGED         (1u << 5)  /* replaced or modified while it was read */
#define AIRLOCK_REASON_WRITABLE        (1u << 6)  /* executable file writable by group or others */
#define AIRLOCK_REASON_BAD_NAME        (1u << 7)  /* name is not valid UTF-8 (shown escaped) */
#define AIRLOCK_REASON_LIMIT           (1u << 8)  /* walk limit (depth or count) reached here */
#define AIRLOCK_REASON_MISSING         (1u << 9)  /* named by a hook or server, but absent */
#define AIRLOCK_REASON_SUBMODULE       (1u << 10) /* a git submodule: listed, not followed */
#define AIRLOCK_REASON_HARDLINK        (1u << 11) /* a regular file with other names (links > 1) */
#define AIRLOCK_REASON_CASE_VARIANT    (1u << 12) /* named like a context file but for letter case */
/* A symlink to a regular file inside the project (CLAUDE.md -> AGENTS.md),
 * read as that file through the same safe opens: its content and hash are
 * the target's, its link target is kept. Not an UNREAD reason. */
#define AIRLOCK_REASON_SYMLINK_READ    (1u << 13)

#define AIRLOCK_REASON_UNREAD                                                                      \
	(AIRLOCK_REASON_SYMLINK | AIRLOCK_REASON_SYMLINK_OUTSIDE | AIRLOCK_REASON_NOT_REGULAR |    \
	 AIRLOCK_REASON_TOO_LARGE | AIRLOCK_REASON_UNREADABLE | AIRLOCK_REASON_CHANGED |           \
	 AIRLOCK_REASON_LIMIT | AIRLOCK_REASON_SUBMODULE)

/* A short phrase for one reason bit ("symlink to outside", "too large", ...).
 * Static storage; NULL when `reason` is not exactly one known bit. */
AIRLOCK_EXTERN const char *airlock_reason_name(unsigned int reason);

/*
 * Opens the project directory at `path` and takes its snapshot: every context
 * file the surfaces table names is read once (regular files only, never
 * following a symlink, size-capped) and hashed with SHA-256. Nothing is
 * parsed. `opts` may be NULL for defaults.
 *
 * *out is new: free it with airlock_project_free(). Returns 0,
 * AIRLOCK_ENOTFOUND when `path` does not exist, AIRLOCK_EINVALID when it is not
 * a directory or `opts` is malformed, or AIRLOCK_ERROR.
 */
AIRLOCK_EXTERN int airlock_project_open(airlock_project **out, const char *path,
					const airlock_options *opts);

/*
 * Takes the snapshot of a commit of the git repository at `repo` (a working
 * tree or a bare repository; `rev` NULL means HEAD) from its object database:
 * nothing is checked out, no filter, hook or submodule runs. Symlink entries
 * are recorded with their targets, submodules listed. Such a project can be
 * scanned and listed, not trusted or loaded (AIRLOCK_EINVALID).
 * Returns 0, AIRLOCK_ENOTFOUND (not a repository), AIRLOCK_EINVALID (no such
 * revision) or AIRLOCK_ERROR (a corrupt repository).
 */
AIRLOCK_EXTERN int airlock_project_open_git(airlock_project **out, const char *repo,
					    const char *rev, const airlock_options *opts);

AIRLOCK_EXTERN void airlock_project_free(airlock_project *p);

/* For a project opened from git, the full commit id (hex); NULL otherwise. */
AIRLOCK_EXTERN const char *airlock_project_commit(const airlock_project *p);

/* The canonical absolute path of the directory as opened. Borrowed (p). */
AIRLOCK_EXTERN const char *airlock_project_path(const airlock_project *p);

/* The folder `path` named, relative to the project's directory, when
 * AIRLOCK_OPT_REPO_ROOT opened a folder above it ("src/lib"); "" when the
 * folder named is the project's own (and for a git snapshot). Borrowed (p). */
AIRLOCK_EXTERN const char *airlock_project_subdir(const airlock_project *p);

/*
 * Changes the calling process's working directory to the folder the project
 * was opened for, reached from the directory descriptor its snapshot was
 * read through, never by its path again: the project's own directory, or
 * the subfolder of airlock_project_subdir() beneath it, opened one name at a
 * time without following a link. So a program started next (an agent after
 * airlock_project_load said yes) runs in the folder that was judged, even
 * if a path to it was swapped meanwhile. The process's working directory is
 * process-wide: no other thread may rely on it meanwhile.
 * Returns 0, AIRLOCK_EINVALID (no project, or a git snapshot),
 * AIRLOCK_ENOTFOUND (the subfolder is no longer a folder beneath the
 * project: removed, or replaced by a link) or AIRLOCK_ERROR.
 */
AIRLOCK_EXTERN int airlock_project_chdir(const airlock_project *p);

/* Hex SHA-256 over the executable-class entries (path, content hash or the
 * reasons it was not read), in path order. Borrowed (p). */
AIRLOCK_EXTERN const char *airlock_project_digest(const airlock_project *p);

/* Entries in byte order of their paths. Borrowed (p); NULL when i is out of
 * range. */
AIRLOCK_EXTERN size_t airlock_project_entry_count(const airlock_project *p);
AIRLOCK_EXTERN const airlock_entry *airlock_project_entry(const airlock_project *p, size_t i);

/* Path relative to the project, '/'-separated, as raw bytes from the file
 * system (check AIRLOCK_REASON_BAD_NAME before treating it as UTF-8).
 * Borrowed (the project). */
AIRLOCK_EXTERN const char *airlock_entry_path(const airlock_entry *e);
/* The agent whose surface this is ("Claude Code", "Codex", ...). Static. */
AIRLOCK_EXTERN const char *airlock_entry_agent(const airlock_entry *e);
AIRLOCK_EXTERN airlock_kind airlock_entry_kind(const airlock_entry *e);
AIRLOCK_EXTERN airlock_class airlock_entry_class(const airlock_entry *e);
/* Size in bytes as reported by the file system (0 for links and limits). */
AIRLOCK_EXTERN uint64_t airlock_entry_size(const airlock_entry *e);
/* Hex SHA-256 of the bytes read, or NULL when the entry was not read. */
AIRLOCK_EXTERN const char *airlock_entry_sha256(const airlock_entry *e);
/* The bytes read, the very buffer that was hashed, scanned and parsed (not
 * NUL-safe: use *len); NULL with *len 0 when the entry was not read. A
 * program that hands a file to an agent can give it these bytes instead of
 * letting it read the file again. Borrowed (the project): valid until the
 * next call that adds entries (status, trust, inspect, load) or
 * airlock_project_free(). `len` may be NULL. */
AIRLOCK_EXTERN const char *airlock_entry_data(const airlock_entry *e, size_t *len);
/* Bitwise OR of AIRLOCK_REASON_* flags; 0 for a clean, read entry. */
AIRLOCK_EXTERN unsigned int airlock_entry_reasons(const airlock_entry *e);
/* For a symlink entry, its target as stored in the link (never resolved);
 * NULL otherwise. Borrowed (the project). */
AIRLOCK_EXTERN const char *airlock_entry_link_target(const airlock_entry *e);

/* ------------------------------------------------------------------------ */
/* Trust                                                                    */
/* ------------------------------------------------------------------------ */

/*
 * One record per project in the user's trust store binds a decision to the
 * executable content a person reviewed. A store that is not owned by the
 * user, is writable by others, or is reached through a symlink is refused:
 * the call fails (AIRLOCK_ERROR) and nothing is ever reported as trusted.
 */

typedef enum airlock_state {
	AIRLOCK_STATE_UNTRUSTED = 1, /* no (usable) decision recorded */
	AIRLOCK_STATE_TRUSTED,
	AIRLOCK_STATE_RESTRICTED, /* instructions only: nothing executable is loaded */
	AIRLOCK_STATE_CHANGED,    /* executable content differs from what was trusted */
	AIRLOCK_STATE_DENIED,
	/* No decision recorded and none needed: the project holds no executable
	 * configuration (no hook, server, env or settings file, no walk limit
	 * reached). Its instruction files, if any, are scanned on every load and
	 * block on findings as for a trusted project. */
	AIRLOCK_STATE_NONE
} airlock_state;

typedef enum airlock_decision {
	AIRLOCK_DECISION_TRUSTED = 1,
	AIRLOCK_DECISION_RESTRICTED,
	AIRLOCK_DECISION_DENIED
} airlock_decision;

typedef enum airlock_change {
	AIRLOCK_CHANGE_ADDED = 1,
	AIRLOCK_CHANGE_REMOVED,
	AIRLOCK_CHANGE_MODIFIED
} airlock_change;

typedef struct airlock_status airlock_status;

/* "untrusted", "trusted", ...; "added", ...; static, "unknown" when out of range. */
AIRLOCK_EXTERN const char *airlock_state_name(airlock_state state);
AIRLOCK_EXTERN const char *airlock_decision_name(airlock_decision decision);
AIRLOCK_EXTERN const char *airlock_change_name(airlock_change change);

/*
 * The project's trust state, decided from its record and its snapshot. Files
 * a trusted hook runs (recorded at trust time) are read as bytes and compared
 * too. Nothing is parsed for a project whose record matches.
 *
 * *out is new: free it with airlock_status_free(). Returns 0 or AIRLOCK_ERROR
 * (the trust store failed a check, or I/O failed).
 */
AIRLOCK_EXTERN int airlock_project_status(airlock_status **out, airlock_project *p);
AIRLOCK_EXTERN void airlock_status_free(airlock_status *s);

AIRLOCK_EXTERN airlock_state airlock_status_state(const airlock_status *s);
/* One line saying why (e.g. "trust record is corrupt: ..."). Borrowed (s). */
AIRLOCK_EXTERN const char *airlock_status_reason(const airlock_status *s);
/* The recorded decision's time (ISO 8601, UTC) and manifest digest; NULL
 * when there is no usable record. Borrowed (s). */
AIRLOCK_EXTERN const char *airlock_status_recorded_time(const airlock_status *s);
AIRLOCK_EXTERN const char *airlock_status_recorded_digest(const airlock_status *s);
/* On AIRLOCK_STATE_CHANGED: the executable files added, removed or modified
 * since the decision, in path order. Borrowed (s). */
AIRLOCK_EXTERN size_t airlock_status_change_count(const airlock_status *s);
AIRLOCK_EXTERN const char *airlock_status_change_path(const airlock_status *s, size_t i);
AIRLOCK_EXTERN airlock_change airlock_status_change_kind(const airlock_status *s, size_t i);
/* The findings the recorded decision accepted (rule and file), and the
 * reviewed summary it was made on (airlock_status_review_*, below: the
 * inspection's items then, to compare with airlock_project_inspect now).
 * Borrowed (s); NULL or 0 when i is out of range. */
AIRLOCK_EXTERN size_t airlock_status_accepted_count(const airlock_status *s);
AIRLOCK_EXTERN const char *airlock_status_accepted_rule(const airlock_status *s, size_t i);
AIRLOCK_EXTERN const char *airlock_status_accepted_file(const airlock_status *s, size_t i);

/*
 * Records a decision for the project, replacing any earlier one. Before
 * recording, the executable configuration is inspected (never run) to find
 * the files inside the project that hooks run; they are bound too.
 *
 * With `expect_digest`, nothing is recorded unless the manifest digest (see
 * airlock_project_digest(), after inspection) equals it: AIRLOCK_ECHANGED.
 * AIRLOCK_DECISION_TRUSTED is refused (AIRLOCK_EINVALID) while an executable
 * entry could not be read (a symlink, FIFO, over-size file, walk limit): its
 * content cannot be bound. Returns 0, those codes, or AIRLOCK_ERROR.
 */
AIRLOCK_EXTERN int airlock_project_trust(airlock_project *p, airlock_decision decision,
					 const char *expect_digest);

/*
 * airlock_project_trust with flags. AIRLOCK_DECISION_TRUSTED is refused
 * (AIRLOCK_EINVALID, nothing recorded) while the inspection has an
 * AIRLOCK_ITEM_UNBOUND item, or a PROBLEM item for an executable file that
 * could not be understood with its agent's grammar (what it runs is
 * unknown): with AIRLOCK_TRUST_ACCEPT_UNBOUND the person accepts them and
 * the decision is recorded. airlock_project_trust() is this with flags 0.
 */
#define AIRLOCK_TRUST_ACCEPT_UNBOUND (1u << 0)
AIRLOCK_EXTERN int airlock_project_trust_flags(airlock_project *p, airlock_decision decision,
					       const char *expect_digest, unsigned int flags);

/*
 * A decision that airlock_project_load would refuse is never recorded: for
 * AIRLOCK_DECISION_TRUSTED and _RESTRICTED, trust follows and scans the
 * project (as airlock_project_scan), and every finding at or above the block
 * threshold in the files the decision lets the agent read must be accepted
 * first, one by one, with airlock_project_accept; otherwise AIRLOCK_EBLOCKED
 * (nothing recorded, the message names the first one). Accepted findings are
 * recorded with their file's SHA-256 and do not block later loads of the
 * same bytes; a change to the file, another rule, or a rule added since
 * blocks again. The record also keeps the reviewed summary (each hook,
 * server, env override, permission), which airlock_status_review_* return.
 *
 * `spec` is "RULE" (every file) or "RULE:FILE" (one project-relative file),
 * e.g. "AL210:scripts/format.sh". Call before airlock_project_trust*.
 * Returns 0, AIRLOCK_EINVALID for a malformed spec, or AIRLOCK_ERROR.
 */
AIRLOCK_EXTERN int airlock_project_accept(airlock_project *p, const char *spec);

/* 1 when what airlock_project_accept was given covers `rule` in `file`
 * (the same matching trust applies), else 0. */
AIRLOCK_EXTERN int airlock_project_accepts(const airlock_project *p, const char *rule,
					   const char *file);

/* Forgets the project's decision. AIRLOCK_ENOTFOUND when there was none. */
AIRLOCK_EXTERN int airlock_project_revoke(airlock_project *p);

/* ------------------------------------------------------------------------ */
/* Inspection: what trusting would allow                                    */
/* ------------------------------------------------------------------------ */

typedef enum airlock_item_type {
	AIRLOCK_ITEM_HOOK = 1,   /* name: event[/matcher]; value: the command or URL */
	AIRLOCK_ITEM_MCP_SERVER, /* name: server; value: command line or URL */
	AIRLOCK_ITEM_ENV,        /* name: variable; value: its value */
	AIRLOCK_ITEM_HELPER,     /* name: setting (apiKeyHelper, statusLine, ...); value: command */
	AIRLOCK_ITEM_PERMISSION, /* name: allow/deny/ask/defaultMode/...; value: the rule */
	AIRLOCK_ITEM_SETTING,    /* other settings that widen what runs (e.g. MCP auto-approval) */
	AIRLOCK_ITEM_PROBLEM,    /* the file could not be inspected; value: why */
	AIRLOCK_ITEM_COMMAND,    /* a command the agent or editor runs (a task, a language
				  * server, tool discovery, notify); name: the key */
	AIRLOCK_ITEM_UNBOUND     /* something the entry `name` runs that airlock cannot pin (a
				  * glob, a variable, a Makefile recipe); value: in plain words.
				  * Trust refuses it unless AIRLOCK_TRUST_ACCEPT_UNBOUND */
} airlock_item_type;

typedef struct airlock_inspection airlock_inspection;

/*
 * Parses the project's executable JSON configuration (duplicate keys
 * rejected) and lists every hook, MCP server, env override, helper command
 * and permission rule in it. Inspection only: nothing is run, and a file
 * that cannot be parsed is an AIRLOCK_ITEM_PROBLEM, not an error.
 * *out is new: free it with airlock_inspection_free().
 */
AIRLOCK_EXTERN int airlock_project_inspect(airlock_inspection **out, airlock_project *p);
AIRLOCK_EXTERN void airlock_inspection_free(airlock_inspection *in);
AIRLOCK_EXTERN size_t airlock_inspection_count(const airlock_inspection *in);
/* Item i's fields; borrowed (in). NULL when i is out of range. */
AIRLOCK_EXTERN const char *airlock_inspection_file(const airlock_inspection *in, size_t i);
AIRLOCK_EXTERN airlock_item_type airlock_inspection_type(const airlock_inspection *in, size_t i);
AIRLOCK_EXTERN const char *airlock_inspection_name(const airlock_inspection *in, size_t i);
AIRLOCK_EXTERN const char *airlock_inspection_value(const airlock_inspection *in, size_t i);
AIRLOCK_EXTERN const char *airlock_item_type_name(airlock_item_type type);
/* Nonzero when item i keeps a trusted decision from being recorded without
 * AIRLOCK_TRUST_ACCEPT_UNBOUND: an AIRLOCK_ITEM_UNBOUND item, or the PROBLEM
 * of an executable file that could not be understood. */
AIRLOCK_EXTERN int airlock_inspection_blocks(const airlock_inspection *in, size_t i);

/* The reviewed summary recorded with the decision (see airlock_status_accepted_count). */
AIRLOCK_EXTERN size_t airlock_status_review_count(const airlock_status *s);
AIRLOCK_EXTERN airlock_item_type airlock_status_review_type(const airlock_status *s, size_t i);
AIRLOCK_EXTERN const char *airlock_status_review_file(const airlock_status *s, size_t i);
AIRLOCK_EXTERN const char *airlock_status_review_name(const airlock_status *s, size_t i);
AIRLOCK_EXTERN const char *airlock_status_review_value(const airlock_status *s, size_t i);

/* ------------------------------------------------------------------------ */
/* The trust store as a whole                                               */
/* ------------------------------------------------------------------------ */

typedef struct airlock_record_list airlock_record_list;

/* Every record in the store (`opts` may be NULL), in path order; records that
 * cannot be read are listed with a problem. *out is new: free it with
 * airlock_record_list_free(). */
AIRLOCK_EXTERN int airlock_trust_list(airlock_record_list **out, const airlock_options *opts);
AIRLOCK_EXTERN void airlock_record_list_free(airlock_record_list *l);
/* Removes the records whose project folder no longer exists (lstat says
 * ENOENT; a folder that cannot be looked at is kept). *out lists what was
 * removed: free it with airlock_record_list_free(). */
AIRLOCK_EXTERN int airlock_trust_prune(airlock_record_list **out, const airlock_options *opts);
AIRLOCK_EXTERN size_t airlock_record_list_count(const airlock_record_list *l);
/* Borrowed (l); NULL when out of range or not readable from the record. */
AIRLOCK_EXTERN const char *airlock_record_list_path(const airlock_record_list *l, size_t i);
AIRLOCK_EXTERN const char *airlock_record_list_time(const airlock_record_list *l, size_t i);
AIRLOCK_EXTERN const char *airlock_record_list_problem(const airlock_record_list *l, size_t i);
/* 0 when the record is unreadable. */
AIRLOCK_EXTERN airlock_decision airlock_record_list_decision(const airlock_record_list *l,
							     size_t i);

/* ------------------------------------------------------------------------ */
/* Loading: gate, then scan, then parse                                     */
/* ------------------------------------------------------------------------ */

typedef struct airlock_config airlock_config;
typedef struct airlock_hook airlock_hook;
typedef struct airlock_mcp_server airlock_mcp_server;

typedef enum airlock_permission_list {
	AIRLOCK_PERMISSION_ALLOW = 1,
	AIRLOCK_PERMISSION_DENY,
	AIRLOCK_PERMISSION_ASK,
	AIRLOCK_PERMISSION_ADDITIONAL_DIRECTORIES
} airlock_permission_list;

/* A settings key that makes the agent run a helper program. New helpers are
 * added at the end: the values of the others never change. */
typedef enum airlock_helper {
	AIRLOCK_HELPER_API_KEY = 1,           /* apiKeyHelper */
	AIRLOCK_HELPER_STATUS_LINE,           /* statusLine.command */
	AIRLOCK_HELPER_OTEL_HEADERS,          /* otelHeadersHelper */
	AIRLOCK_HELPER_AWS_AUTH_REFRESH,      /* awsAuthRefresh */
	AIRLOCK_HELPER_AWS_CREDENTIAL_EXPORT, /* awsCredentialExport */
	AIRLOCK_HELPER_GCP_AUTH_REFRESH,      /* gcpAuthRefresh */
	AIRLOCK_HELPER_MCP_HEADERS            /* an MCP server's headersHelper */
} airlock_helper;

/*
 * The surfaces table: every file an agent loads or runs that airlock knows,
 * one row per path pattern ('*' within a name, '**' any depth), in the order
 * rows are matched. Index 0 .. airlock_surface_count() - 1; out of range
 * returns AIRLOCK_EINVALID. `format` names what the file's keys mean ("Claude
 * settings", "MCP servers", "front matter", ...; "" for plain instructions
 * or scripts). Every string is static.
 */
AIRLOCK_EXTERN size_t airlock_surface_count(void);
AIRLOCK_EXTERN int airlock_surface_info(size_t i, const char **pattern, const char **agent,
					airlock_kind *kind, airlock_class *cls,
					const char **format);

/*
 * The command-line programs of the agents whose files the surfaces table
 * knows ("claude", "codex", "opencode", ...), for wrapping each one with
 * `airlock exec` (`airlock shell-init`). Index 0 .. n-1; NULL past the end.
 * Editors without a command-line agent (VS Code, Zed, ...) have none.
 */
AIRLOCK_EXTERN const char *airlock_agent_program(size_t i);

/* The helpers this library knows are 1 .. airlock_helper_count(). */
AIRLOCK_EXTERN size_t airlock_helper_count(void);

/* The settings key of helper `h` ("apiKeyHelper", "statusLine",
 * "headersHelper"); static; NULL when out of range. */
AIRLOCK_EXTERN const char *airlock_helper_name(airlock_helper h);

/*
 * What an agent CLI calls before it opens a project:
 *   1. gate: UNTRUSTED -> AIRLOCK_EUNTRUSTED, CHANGED -> AIRLOCK_ECHANGED,
 *      DENIED -> AIRLOCK_EDENIED; no byte of any context file is parsed;
 *      NONE (no executable configuration, no record) goes on: steps 2 and 3
 *      still apply to its instruction files and the user's memory;
 *   2. read the user's and the project's memory files (instructions kept
 *      outside the tree) and the files @imports name, through the same safe
 *      reads; an import that leaves the project is not followed (a finding);
 *   3. scan every context file: findings at or above the block threshold
 *      give AIRLOCK_EBLOCKED (see airlock_project_report()); so does any
 *      context file that could not be read, whatever the threshold, since
 *      the agent would read what airlock could not scan;
 *   4. parse the snapshot's bytes (jansson, duplicate keys rejected, nesting
 *      bounded) into one effective configuration: Claude Code's
 *      .claude/settings.local.json over .claude/settings.json, plus .mcp.json.
 * A malformed file is AIRLOCK_EINVALID, never a partial configuration.
 * RESTRICTED gives the instruction files only. *out is new: free it with
 * airlock_config_free(). Returns 0 or one of the codes above, or
 * AIRLOCK_ERROR (the trust store failed a check, or I/O failed).
 */
AIRLOCK_EXTERN int airlock_project_load(airlock_config **out, airlock_project *p);

/* The scan report of the last airlock_project_load on `p` that got as far as
 * the scan (after AIRLOCK_EBLOCKED, the findings that blocked it); NULL
 * otherwise. Borrowed: valid until the next load or airlock_project_free(). */
AIRLOCK_EXTERN const airlock_report *airlock_project_report(const airlock_project *p);
AIRLOCK_EXTERN void airlock_config_free(airlock_config *c);

/* AIRLOCK_STATE_TRUSTED, AIRLOCK_STATE_RESTRICTED when everything
 * executable was dropped, or AIRLOCK_STATE_NONE when the project has no
 * executable configuration (instructions only, scanned; no decision needed). */
AIRLOCK_EXTERN airlock_state airlock_config_state(const airlock_config *c);

/* Every accessor below returns borrowed data (valid until
 * airlock_config_free), and NULL or 0 when an index is out of range or a
 * field is absent. */

AIRLOCK_EXTERN size_t airlock_config_hook_count(const airlock_config *c);
AIRLOCK_EXTERN const airlock_hook *airlock_config_hook(const airlock_config *c, size_t i);
AIRLOCK_EXTERN const char *airlock_hook_event(const airlock_hook *h);   /* "PreToolUse" */
AIRLOCK_EXTERN const char *airlock_hook_matcher(const airlock_hook *h); /* may be NULL */
AIRLOCK_EXTERN const char *airlock_hook_type(const airlock_hook *h);    /* "command", "http" */
AIRLOCK_EXTERN const char *airlock_hook_command(const airlock_hook *h); /* command or URL */
/* The hook's url when it has one (NULL otherwise), even when its type picks
 * the command: a review shows both. */
AIRLOCK_EXTERN const char *airlock_hook_url(const airlock_hook *h);
AIRLOCK_EXTERN double airlock_hook_timeout(const airlock_hook *h); /* seconds; 0: none */

AIRLOCK_EXTERN size_t airlock_config_mcp_count(const airlock_config *c);
AIRLOCK_EXTERN const airlock_mcp_server *airlock_config_mcp(const airlock_config *c, size_t i);
AIRLOCK_EXTERN const char *airlock_mcp_name(const airlock_mcp_server *m);
/* "stdio", "http" or "sse" */
AIRLOCK_EXTERN const char *airlock_mcp_transport(const airlock_mcp_server *m);
AIRLOCK_EXTERN const char *airlock_mcp_command(const airlock_mcp_server *m);
AIRLOCK_EXTERN size_t airlock_mcp_arg_count(const airlock_mcp_server *m);
AIRLOCK_EXTERN const char *airlock_mcp_arg(const airlock_mcp_server *m, size_t i);
AIRLOCK_EXTERN const char *airlock_mcp_url(const airlock_mcp_server *m);
AIRLOCK_EXTERN size_t airlock_mcp_env_count(const airlock_mcp_server *m);
AIRLOCK_EXTERN const char *airlock_mcp_env_name(const airlock_mcp_server *m, size_t i);
AIRLOCK_EXTERN const char *airlock_mcp_env_value(const airlock_mcp_server *m, size_t i);
AIRLOCK_EXTERN size_t airlock_mcp_header_count(const airlock_mcp_server *m);
AIRLOCK_EXTERN const char *airlock_mcp_header_name(const airlock_mcp_server *m, size_t i);
AIRLOCK_EXTERN const char *airlock_mcp_header_value(const airlock_mcp_server *m, size_t i);
/* The server's helper command `h` (AIRLOCK_HELPER_MCP_HEADERS); NULL for a
 * helper that is not the server's, or absent. */
AIRLOCK_EXTERN const char *airlock_mcp_helper(const airlock_mcp_server *m, airlock_helper h);

AIRLOCK_EXTERN size_t airlock_config_env_count(const airlock_config *c);
AIRLOCK_EXTERN const char *airlock_config_env_name(const airlock_config *c, size_t i);
AIRLOCK_EXTERN const char *airlock_config_env_value(const airlock_config *c, size_t i);

AIRLOCK_EXTERN size_t airlock_config_permission_count(const airlock_config *c,
						      airlock_permission_list list);
AIRLOCK_EXTERN const char *airlock_config_permission(const airlock_config *c,
						     airlock_permission_list list, size_t i);
AIRLOCK_EXTERN const char *airlock_config_default_mode(const airlock_config *c);

/* A helper of the settings (not AIRLOCK_HELPER_MCP_HEADERS: see airlock_mcp_helper). */
AIRLOCK_EXTERN const char *airlock_config_helper(const airlock_config *c, airlock_helper h);

/* Instruction files: the project's (in path order, with the files their
 * @imports pull in), then the user's and the project's memory from the home
 * directory, whose paths start with "~/". Texts are not NUL-safe: use len. */
AIRLOCK_EXTERN size_t airlock_config_instruction_count(const airlock_config *c);
AIRLOCK_EXTERN const char *airlock_config_instruction_path(const airlock_config *c, size_t i);
AIRLOCK_EXTERN const char *airlock_config_instruction_text(const airlock_config *c, size_t i,
							   size_t *len);

/* ------------------------------------------------------------------------ */
/* Rules: the signatures and built-in checks a scan applies                 */
/* ------------------------------------------------------------------------ */

typedef struct airlock_rules airlock_rules;
typedef struct airlock_rule airlock_rule;

/*
 * Loads the rule catalogue: the built-in checks, the compiled signatures and
 * the rules of opts->rules_dir. *out is new: free it with airlock_rules_free().
 * Returns 0, AIRLOCK_ENOTFOUND when the signatures file is missing, or
 * AIRLOCK_ERROR (unreadable, wrong YARA version, a user rule that does not
 * compile).
 */
AIRLOCK_EXTERN int airlock_rules_load(airlock_rules **out, const airlock_options *opts);
AIRLOCK_EXTERN void airlock_rules_free(airlock_rules *r);

/* Hex SHA-256 naming the signature set: the compiled signatures and the user
 * rule sources. The trust store records it. Borrowed (r). */
AIRLOCK_EXTERN const char *airlock_rules_version(const airlock_rules *r);

/* Rules sorted by id. Borrowed (r); NULL when out of range / not found. */
AIRLOCK_EXTERN size_t airlock_rules_count(const airlock_rules *r);
AIRLOCK_EXTERN const airlock_rule *airlock_rules_get(const airlock_rules *r, size_t i);
AIRLOCK_EXTERN const airlock_rule *airlock_rules_find(const airlock_rules *r, const char *id);

/* A rule's fields. Strings are borrowed (the catalogue). */
AIRLOCK_EXTERN const char *airlock_rule_id(const airlock_rule *rule); /* "AL101" */
AIRLOCK_EXTERN const char *airlock_rule_name(const airlock_rule *rule);
AIRLOCK_EXTERN const char *airlock_rule_category(const airlock_rule *rule);
AIRLOCK_EXTERN airlock_severity airlock_rule_severity(const airlock_rule *rule);
AIRLOCK_EXTERN const char *airlock_rule_confidence(const airlock_rule *rule);
AIRLOCK_EXTERN const char *airlock_rule_description(const airlock_rule *rule);
/* "builtin" (checks in C), "signature" (compiled YARA) or "user" (rules_dir). */
AIRLOCK_EXTERN const char *airlock_rule_source(const airlock_rule *rule);

/* ------------------------------------------------------------------------ */
/* Scanning and findings                                                    */
/* ------------------------------------------------------------------------ */

typedef struct airlock_finding airlock_finding;

/*
 * Scans the project's snapshot: every context file's bytes as they were read
 * and hashed (YARA signatures, on the text and on its normalized view, and
 * the Unicode analysis), and every entry that could not be read (a symlink
 * out of the project, a FIFO, an over-size file) becomes a finding itself.
 * The programs that hooks, helpers and MCP servers run are followed first,
 * as airlock_project_trust binds them (from the directory, or from the
 * commit of a project opened with airlock_project_open_git), and scanned
 * with the rest; a command whose target cannot be pinned is a finding
 * (AL422). The snapshot grows by those files: the digest is recomputed.
 * Inspects only: no trust decision is needed and nothing is run.
 *
 * *out is new: free it with airlock_report_free(). A scan error (a YARA
 * error, a timeout) is a failure, never a clean report: AIRLOCK_ERROR.
 */
AIRLOCK_EXTERN int airlock_project_scan(airlock_report **out, airlock_project *p);

/*
 * Scans one file named by the caller, read as the project's files are (no
 * symlink as the last component, regular files only, size-capped, read once).
 * Its kind comes from its name: *.md instructions, settings.json and
 * .mcp.json settings, *.sh scripts. Returns as airlock_project_scan, or
 * AIRLOCK_ENOTFOUND / AIRLOCK_EINVALID for a missing or non-regular file.
 */
AIRLOCK_EXTERN int airlock_file_scan(airlock_report **out, const char *path,
				     const airlock_options *opts);

/*
 * The same for bytes the caller holds (e.g. read from standard input):
 * `name` picks how they are read, as a path would ("CLAUDE.md",
 * ".claude/settings.json", "notes.txt") and names them in the report; over
 * the size cap they are reported as too large, not scanned. The bytes are
 * not kept. Returns 0, AIRLOCK_EINVALID or AIRLOCK_ERROR.
 */
AIRLOCK_EXTERN int airlock_buffer_scan(airlock_report **out, const char *name, const void *data,
				       size_t len, const airlock_options *opts);

AIRLOCK_EXTERN void airlock_report_free(airlock_report *r);

/* Findings, deduplicated and sorted by file, line, column and rule. Borrowed
 * (r); NULL when out of range. */
AIRLOCK_EXTERN size_t airlock_report_finding_count(const airlock_report *r);
AIRLOCK_EXTERN const airlock_finding *airlock_report_finding(const airlock_report *r, size_t i);

/* The highest severity found, or 0 when there are no findings. */
AIRLOCK_EXTERN airlock_severity airlock_report_max_severity(const airlock_report *r);

/* True when a finding is at or above the block threshold of the options the
 * scan ran with, and was not accepted with the trust decision. */
AIRLOCK_EXTERN int airlock_report_blocks(const airlock_report *r);

/* The files looked at: path (relative to the project, or as given for
 * airlock_file_scan), its kind, and whether its content was scanned (0 for
 * entries that could not be read or were skipped as binary). Borrowed (r). */
AIRLOCK_EXTERN size_t airlock_report_file_count(const airlock_report *r);
AIRLOCK_EXTERN const char *airlock_report_file_path(const airlock_report *r, size_t i);
AIRLOCK_EXTERN airlock_kind airlock_report_file_kind(const airlock_report *r, size_t i);
AIRLOCK_EXTERN int airlock_report_file_scanned(const airlock_report *r, size_t i);

/* The catalogue the scan used (for rule descriptions). Borrowed (r). */
AIRLOCK_EXTERN const airlock_rules *airlock_report_rules(const airlock_report *r);

/* A finding's fields; strings are borrowed (the report). Positions are
 * 1-based, columns count characters (code points), not bytes. */
AIRLOCK_EXTERN const char *airlock_finding_rule(const airlock_finding *f);
AIRLOCK_EXTERN const char *airlock_finding_category(const airlock_finding *f);
AIRLOCK_EXTERN airlock_severity airlock_finding_severity(const airlock_finding *f);
AIRLOCK_EXTERN const char *airlock_finding_confidence(const airlock_finding *f);
AIRLOCK_EXTERN const char *airlock_finding_file(const airlock_finding *f);
AIRLOCK_EXTERN unsigned int airlock_finding_line(const airlock_finding *f);
AIRLOCK_EXTERN unsigned int airlock_finding_column(const airlock_finding *f);
AIRLOCK_EXTERN unsigned int airlock_finding_end_line(const airlock_finding *f);
AIRLOCK_EXTERN unsigned int airlock_finding_end_column(const airlock_finding *f);
AIRLOCK_EXTERN const char *airlock_finding_message(const airlock_finding *f);
/* The line around the match, escaped (invisible characters as <U+200B>);
 * "" for findings about a file as a whole. */
AIRLOCK_EXTERN const char *airlock_finding_excerpt(const airlock_finding *f);
/* Decoded hidden text (Unicode tags, the text as the rules saw it after
 * hidden characters were removed), escaped; NULL when not relevant. */
AIRLOCK_EXTERN const char *airlock_finding_hidden(const airlock_finding *f);
/* 1 when the project's trust decision accepted this finding (its rule, in
 * this file, holding these bytes: see airlock_project_accept): it is
 * reported and does not block the load. */
AIRLOCK_EXTERN int airlock_finding_accepted(const airlock_finding *f);

/* ------------------------------------------------------------------------ */
/* Repositories: judge before checkout                                      */
/* ------------------------------------------------------------------------ */

/*
 * Clones `url` (any URL libgit2 supports, or a local path) into `dir`, which
 * must not exist, WITHOUT checking anything out: dir/.git holds the objects
 * and the working tree stays empty. `progress` (may be NULL) is called in
 * this thread as objects arrive through a transport (a plain local path is
 * copied without calls), with objects received, objects in all and bytes
 * received; non-zero from it stops the fetch and `dir` is removed.
 * Returns 0, AIRLOCK_EINVALID (dir exists), AIRLOCK_EUSER (cancelled), or
 * AIRLOCK_ERROR (unreachable, not a repository).
 */
AIRLOCK_EXTERN int airlock_repo_fetch(const char *url, const char *dir,
				      airlock_progress_cb progress, void *payload);

/* Checks out HEAD into the (empty) working tree of `dir`. libgit2 runs no
 * hooks, external filter drivers or submodule commands. */
AIRLOCK_EXTERN int airlock_repo_checkout(const char *dir);

/* The commits of `range` in the repository at `repo`, oldest first, as hex
 * ids: "A..B" is every commit reachable from B and not from A; anything else
 * names one commit (NULL: HEAD). *out is new: airlock_strings_free(). */
AIRLOCK_EXTERN int airlock_repo_commits(char ***out, size_t *count, const char *repo,
					const char *range);

/* The first parent of `commit` (hex into out[41]); AIRLOCK_ENOTFOUND for a
 * root commit. */
AIRLOCK_EXTERN int airlock_repo_parent(char out[41], const char *repo, const char *commit);

AIRLOCK_EXTERN void airlock_strings_free(char **s, size_t n);

/* ------------------------------------------------------------------------ */
/* Memory: scheduled, incremental scans of agents' memory                   */
/* ------------------------------------------------------------------------ */

/* The memory locations a scan without folders looks at, relative to $HOME
 * ("*" stands for every project); one row per location. Static strings;
 * NULL when i is out of range. */
AIRLOCK_EXTERN size_t airlock_memory_location_count(void);
AIRLOCK_EXTERN const char *airlock_memory_location_agent(size_t i);
AIRLOCK_EXTERN const char *airlock_memory_location_path(size_t i);

#define AIRLOCK_MEMORY_OPTIONS_VERSION 1

/* airlock_memory_options.flags */
#define AIRLOCK_MEMORY_NO_CACHE   (1u << 0) /* read and scan every file */
#define AIRLOCK_MEMORY_NEW_ONLY   (1u << 1) /* report only findings no earlier run saw */
#define AIRLOCK_MEMORY_NO_SANDBOX (1u << 2) /* scan in this process (debugging only) */

typedef struct airlock_memory_options {
	unsigned int version; /* AIRLOCK_MEMORY_OPTIONS_VERSION */
	unsigned int flags;   /* AIRLOCK_MEMORY_* */
	/* The state directory; NULL = $XDG_STATE_HOME/airlock, else
	 * ~/.local/state/airlock. */
	const char *state_dir;
	unsigned int threads; /* 0 = one per available core */
	/* Called after each file scanned with the files done, the files to scan
	 * and the bytes scanned; may be NULL. It runs in the calling thread:
	 * see "Threads and processes". */
	airlock_progress_cb progress;
	void *progress_payload;
} airlock_memory_options;

/* As AIRLOCK_OPTIONS_INIT: the version set, every other field zero. */
/* clang-format off */
#ifdef __cplusplus
#define AIRLOCK_MEMORY_OPTIONS_INIT { AIRLOCK_MEMORY_OPTIONS_VERSION }
#else
#define AIRLOCK_MEMORY_OPTIONS_INIT { .version = AIRLOCK_MEMORY_OPTIONS_VERSION }
#endif
/* clang-format on */

/* AIRLOCK_MEMORY_OPTIONS_INIT as a function, for language bindings. Returns
 * 0, or AIRLOCK_EINVALID when `opts` is NULL or `version` is unknown. */
AIRLOCK_EXTERN int airlock_memory_options_init(airlock_memory_options *opts, unsigned int version);

/*
 * Scans memory: the folders `dirs` (every file in them, as instructions,
 * but for files that are not text by their content: see
 * airlock_report_files_skipped), or with ndirs 0 every location of
 * airlock_memory_location_*. A file whose device, inode, size, mtime and
 * ctime and the signature set are those the state recorded is not read: its
 * findings are carried over. Every finding is marked known (an earlier run
 * saw it) or new. The state is then written atomically, never larger than
 * the size it is read back at (files are left out instead, with a warning);
 * a state file that is corrupt, truncated, a symlink, not the user's or
 * writable by others is discarded (see airlock_report_warning()), never
 * trusted. Files are never modified. `opts` and `mopts` may be NULL.
 * *out is new: airlock_report_free(). Returns as airlock_project_scan,
 * AIRLOCK_ENOTFOUND for a folder that does not exist, or AIRLOCK_EUSER when
 * mopts->progress cancelled (nothing is reported and no state is saved).
 */
AIRLOCK_EXTERN int airlock_memory_scan(airlock_report **out, const char *const *dirs, size_t ndirs,
				       const airlock_options *opts,
				       const airlock_memory_options *mopts);

/* After a memory scan: a one-line warning (the state file was discarded,
 * could not be written, or left files out), or NULL. Borrowed (r). */
AIRLOCK_EXTERN const char *airlock_report_warning(const airlock_report *r);

/*
 * After a memory scan, where each of the airlock_report_file_count() files
 * went; the three add up to it:
 *   - scanned: read and scanned this run (airlock_report_file_scanned());
 *   - unchanged: not read, its findings carried over from the state;
 *   - skipped: neither: not text by its content (a NUL byte, or a gzip, zip,
 *     PNG... magic number; never a .md or .txt file), too large, not a
 *     regular file, unreadable, past a bound (the last four are findings).
 * files_read counts the files whose content was read this run: the scanned
 * ones and those skipped as binary.
 */
AIRLOCK_EXTERN size_t airlock_report_files_read(const airlock_report *r);
AIRLOCK_EXTERN size_t airlock_report_files_unchanged(const airlock_report *r);
AIRLOCK_EXTERN size_t airlock_report_files_skipped(const airlock_report *r);

/* 1 when an earlier memory scan reported this finding, 0 when it is new (and
 * for every finding of other scans). */
AIRLOCK_EXTERN int airlock_finding_known(const airlock_finding *f);

/*
 * Moves the regular file `file` (never a symlink) into the quarantine folder
 * of the state directory, with a note of where it came from (origin, size,
 * mode, and the time as ISO 8601 UTC); *out (new, free()) is its id, which
 * names it for airlock_memory_restore(). Only a file inside one of the
 * memory locations (airlock_memory_location_path(), under $HOME) is moved:
 * any other is AIRLOCK_EINVALID. Never overwrites and never deletes: the
 * move is a rename (same file system), refused otherwise.
 */
AIRLOCK_EXTERN int airlock_memory_quarantine(char **out, const char *file,
					     const airlock_memory_options *mopts);

/* The quarantined files, oldest first: their ids and where each came from
 * (origins[i] NULL when its note cannot be read). Both arrays are new: free
 * each with airlock_strings_free(arr, *count). No quarantine yet: 0 files. */
AIRLOCK_EXTERN int airlock_memory_quarantine_list(char ***ids, char ***origins, size_t *count,
						  const airlock_memory_options *mopts);

/* Puts quarantined `id` back where it came from; *out (new, free()) is the
 * path of that place. Refused (AIRLOCK_EINVALID) when something is there
 * now. */
AIRLOCK_EXTERN int airlock_memory_restore(char **out, const char *id,
					  const airlock_memory_options *mopts);

#ifdef __cplusplus
}
#endif

#endif /* AIRLOCK_H */
