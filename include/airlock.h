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
 *   - The library never prints and never exits.
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

#define AIRLOCK_VERSION       "0.1.0"
#define AIRLOCK_VERSION_MAJOR 0
#define AIRLOCK_VERSION_MINOR 1
#define AIRLOCK_VERSION_PATCH 0

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
	AIRLOCK_EBLOCKED = -7    /* findings at or above the block threshold */
};

/* The message of the last failure on this thread, one line, no trailing
 * newline; "" when there was none. Borrowed: valid until the next libairlock
 * call on this thread. */
AIRLOCK_EXTERN const char *airlock_error_last(void);

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

/* Version 2 appended everything after max_file_size; a version-1 struct
 * (version and max_file_size only) is still accepted, with defaults for the
 * rest. */
#define AIRLOCK_OPTIONS_VERSION 2

/* How bad a finding is (impact); ordered, so thresholds compare with >=. */
typedef enum airlock_severity {
	AIRLOCK_SEVERITY_INFO = 1,
	AIRLOCK_SEVERITY_LOW,
	AIRLOCK_SEVERITY_MEDIUM,
	AIRLOCK_SEVERITY_HIGH,
	AIRLOCK_SEVERITY_CRITICAL
} airlock_severity;

/* airlock_options.flags */
#define AIRLOCK_OPT_ALL_FILES (1u << 0) /* scan every text file, not only the surfaces */

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
} airlock_options;

/* clang-format off */
#define AIRLOCK_OPTIONS_INIT { AIRLOCK_OPTIONS_VERSION, 0, NULL, NULL, 0, 0, 0 }
/* clang-format on */

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

/*
 * Why an entry has no content, or deserves attention. Bit flags; an entry
 * with any of the AIRLOCK_REASON_UNREAD bits set was not read (no hash).
 */
#define AIRLOCK_REASON_SYMLINK         (1u << 0) /* a symlink inside the project; not followed */
#define AIRLOCK_REASON_SYMLINK_OUTSIDE (1u << 1) /* a symlink pointing outside; not followed */
#define AIRLOCK_REASON_NOT_REGULAR     (1u << 2) /* FIFO, device, socket or directory */
#define AIRLOCK_REASON_TOO_LARGE       (1u << 3) /* over the per-file or total size cap */
#define AIRLOCK_REASON_UNREADABLE      (1u << 4) /* open or read failed */
#define AIRLOCK_REASON_CHANGED         (1u << 5) /* replaced or modified while it was read */
#define AIRLOCK_REASON_WRITABLE        (1u << 6) /* executable file writable by group or others */
#define AIRLOCK_REASON_BAD_NAME        (1u << 7) /* name is not valid UTF-8 (shown escaped) */
#define AIRLOCK_REASON_LIMIT           (1u << 8) /* walk limit (depth or count) reached here */

#define AIRLOCK_REASON_UNREAD                                                                      \
	(AIRLOCK_REASON_SYMLINK | AIRLOCK_REASON_SYMLINK_OUTSIDE | AIRLOCK_REASON_NOT_REGULAR |    \
	 AIRLOCK_REASON_TOO_LARGE | AIRLOCK_REASON_UNREADABLE | AIRLOCK_REASON_CHANGED |           \
	 AIRLOCK_REASON_LIMIT)

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

AIRLOCK_EXTERN void airlock_project_free(airlock_project *p);

/* The canonical absolute path of the directory as opened. Borrowed (p). */
AIRLOCK_EXTERN const char *airlock_project_path(const airlock_project *p);

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
/* Bitwise OR of AIRLOCK_REASON_* flags; 0 for a clean, read entry. */
AIRLOCK_EXTERN unsigned int airlock_entry_reasons(const airlock_entry *e);
/* For a symlink entry, its target as stored in the link (never resolved);
 * NULL otherwise. Borrowed (the project). */
AIRLOCK_EXTERN const char *airlock_entry_link_target(const airlock_entry *e);

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

typedef struct airlock_report airlock_report;
typedef struct airlock_finding airlock_finding;

/*
 * Scans the project's snapshot: every context file's bytes as they were read
 * and hashed (YARA signatures, on the text and on its normalized view, and
 * the Unicode analysis), and every entry that could not be read (a symlink
 * out of the project, a FIFO, an over-size file) becomes a finding itself.
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

AIRLOCK_EXTERN void airlock_report_free(airlock_report *r);

/* Findings, deduplicated and sorted by file, line, column and rule. Borrowed
 * (r); NULL when out of range. */
AIRLOCK_EXTERN size_t airlock_report_finding_count(const airlock_report *r);
AIRLOCK_EXTERN const airlock_finding *airlock_report_finding(const airlock_report *r, size_t i);

/* The highest severity found, or 0 when there are no findings. */
AIRLOCK_EXTERN airlock_severity airlock_report_max_severity(const airlock_report *r);

/* True when a finding is at or above the block threshold of the options the
 * scan ran with. */
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

#ifdef __cplusplus
}
#endif

#endif /* AIRLOCK_H */
