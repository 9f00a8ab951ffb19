/*
 * limits.h - every bound airlock puts on what it reads, in one place.
 *
 * A project folder is attacker-controlled: each walk, read and parse has a
 * ceiling, and reaching one is reported (fail closed), never ignored.
 */
#ifndef AIRLOCK_COMMON_LIMITS_H
#define AIRLOCK_COMMON_LIMITS_H

/* Bytes read from one context file; larger files are not read at all. */
#define LIMIT_FILE_SIZE_DEFAULT (4u * 1024 * 1024)

/* Bytes read from all context files of one project together. */
#define LIMIT_SNAPSHOT_BYTES (64u * 1024 * 1024)

/* Directory levels below the project root the walk descends into. */
#define LIMIT_WALK_DEPTH 32

/* Directory entries the walk looks at in one project (all directories). */
#define LIMIT_WALK_ENTRIES 200000

/* Context files (surface matches) kept in one manifest. */
#define LIMIT_SURFACE_FILES 4096

/* Bytes of a relative path inside a project. */
#define LIMIT_PATH_BYTES 4096

/* Bytes of a symlink target that are recorded for display. */
#define LIMIT_LINK_TARGET 4096

/* Seconds one file may take in one rule set (YARA's own timeout); a timeout
 * is a scan failure. Callers may lower it, not raise it past the maximum. */
#define LIMIT_SCAN_TIMEOUT_DEFAULT 10
#define LIMIT_SCAN_TIMEOUT_MAX     300

/* Bytes of a compiled signatures file, and of one user rule source. */
#define LIMIT_SIGNATURES_BYTES  (64u * 1024 * 1024)
#define LIMIT_RULE_SOURCE_BYTES (4u * 1024 * 1024)

/* User rule sources compiled from one --rules folder. */
#define LIMIT_RULE_FILES 1024

/* Findings kept for one file, and for one rule on one file: past these the
 * file gets one LIMIT finding (the scan is not clean, and not endless). */
#define LIMIT_FINDINGS_PER_FILE 1000
#define LIMIT_FINDINGS_PER_RULE 100

/* Bytes of a finding's excerpt taken from the file, before escaping. */
#define LIMIT_EXCERPT_BYTES 160

/* Consecutive blanks on one line, followed by text, that count as pushing
 * text off screen. */
#define LIMIT_BLANK_RUN 100

/* Seconds the sandboxed scanner may take as a whole before it is killed. */
#define LIMIT_SCAN_DEADLINE 900

/* Bytes of findings the sandboxed scanner may send back to the parent. */
#define LIMIT_SCAN_REPORT_BYTES (256u * 1024 * 1024)
/* Bytes of one trust record, and of one quarantine note; a larger one fails
 * its check (an error, never a decision). */
#define LIMIT_RECORD_BYTES      (4u * 1024 * 1024)
#define LIMIT_NOTE_BYTES        (64u * 1024)

/* Directories above a private directory (trust store, state) that are
 * checked on the way to the root; a deeper path is refused, not half
 * checked. */
#define LIMIT_ANCESTOR_DEPTH 256

/* Bytes of the memory scan's state file, and files it records; a larger
 * state is discarded (a full rescan), never partly trusted. */
#define LIMIT_STATE_BYTES (64u * 1024 * 1024)
#define LIMIT_STATE_FILES 200000

/* Threads a memory scan spreads its files over (libyara allows 32). */
#define LIMIT_SCAN_THREADS 16

/* tree-sitter parses: microseconds one parse may take (past it the parse is
 * abandoned and reported), bytes of one command string or instruction file
 * handed to a parser, nesting of `sh -c '...'` analysed inside a command, and
 * nodes visited in one tree. Reaching any of these is a finding. */
#define LIMIT_PARSE_MICROS  (2u * 1000 * 1000)
#define LIMIT_PARSE_BYTES   (4u * 1024 * 1024)
#define LIMIT_SHELL_NESTING 4
#define LIMIT_TREE_NODES    (1u * 1000 * 1000)

/* Syntax nodes the shell analysis may visit for one command string, all
 * walks together (nested substitutions are walked once per level). */
#define LIMIT_SHELL_STEPS (4u * 1000 * 1000)

/* Bytes after an unclosed hiding HTML block (<details>, <div hidden>) that
 * are searched for its closing tag and judged as hidden. */
#define LIMIT_HIDDEN_BYTES (64u * 1024)

#endif
