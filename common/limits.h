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

/* Entries between two calls of a walk's progress callback. */
#define LIMIT_WALK_PROGRESS 4096

/* Bytes of a git index read to find tracked context files in pruned
 * folders; a larger index is not read (the walk's result stands). */
#define LIMIT_GIT_INDEX_BYTES (256u * 1024 * 1024)

/* Context files (surface matches) kept in one manifest. */
#define LIMIT_SURFACE_FILES 4096

/* Bytes of a relative path inside a project. */
#define LIMIT_PATH_BYTES 4096

/* Bytes of a symlink target that are recorded for display. */
#define LIMIT_LINK_TARGET 4096

/* Quarantined files `airlock quarantine --list` lists. */
#define LIMIT_QUARANTINE_LIST 100000

/* Links in a chain followed to read a symlinked context file whose target is
 * inside the project (CLAUDE.md -> AGENTS.md); a longer chain or a loop is
 * left unread. */
#define LIMIT_LINK_HOPS 8

/* Seconds one file may take in one rule set (YARA's own timeout); a timeout
 * is a scan failure. Callers may lower it, not raise it past the maximum. */
#define LIMIT_SCAN_TIMEOUT_DEFAULT 10
#define LIMIT_SCAN_TIMEOUT_MAX     300

/* Bytes of a compiled signatures file, and of one user rule source. */
#define LIMIT_SIGNATURES_BYTES  (64u * 1024 * 1024)
#define LIMIT_RULE_SOURCE_BYTES (4u * 1024 * 1024)

/* User rule sources compiled from one --rules folder. */
#define LIMIT_RULE_FILES 1024

/* airlock_options.disabled_rules: how many ids, and the bytes of one. */
#define LIMIT_DISABLED_RULES 1024
#define LIMIT_RULE_ID_BYTES  64

/* Findings kept for one file, and for one rule on one file: past these the
 * file gets one LIMIT finding (the scan is not clean, and not endless). */
#define LIMIT_FINDINGS_PER_FILE 1000
#define LIMIT_FINDINGS_PER_RULE 100

/* Bytes of a finding's excerpt taken from the file, before escaping. */
#define LIMIT_EXCERPT_BYTES 160

/* Consecutive blanks on one line, followed by text, that count as pushing
 * text off screen. */
#define LIMIT_BLANK_RUN  100
/* Bytes looked back for the start of the line of a blank run ending in '|'
 * (a Markdown table row starts with one); further back, it is not a table. */
#define LIMIT_BLANK_LINE 4096

/* Seconds the sandboxed scanner may take as a whole before it is killed. */
#define LIMIT_SCAN_DEADLINE 900

/* Bytes of findings the sandboxed scanner may send back to the parent. */
#define LIMIT_SCAN_REPORT_BYTES (256u * 1024 * 1024)
/* Directories above a private directory (trust store, state) that are
 * checked on the way to the root; a deeper path is refused, not half
 * checked. */
#define LIMIT_ANCESTOR_DEPTH    256

/* The findings' wire format (scan/wire.c): bytes of one string and records
 * of one report the parent accepts from the sandboxed child. The child cuts
 * a longer string to fit; anything past either bound is a failed scan. */
#define LIMIT_WIRE_STRING_BYTES (1u << 20)
#define LIMIT_WIRE_RECORDS      (1u << 20)

/* Bytes of all a project's files below which its scan runs on one thread:
 * threads would cost more than they save on a typical project. A tuning
 * threshold, not a ceiling: every file is scanned either way. */
#define LIMIT_SCAN_PARALLEL_BYTES (512u * 1024)

/* Bytes of one entry of the verdict cache (scan/vcache.c): the findings of
 * one file. A larger entry is not written, and one found larger is a miss. */
#define LIMIT_VCACHE_ENTRY_BYTES (4u * 1024 * 1024)

/* Bytes of the walk's cache of one project's folder listings
 * (snapshot/dircache.c); a larger file is a miss and is not written. */
#define LIMIT_DIRCACHE_BYTES (32u * 1024 * 1024)

/* Bytes of the memory scan's state file, and files it records; a larger
 * state is discarded (a full rescan), never partly trusted, and none is
 * written (the files with the largest records are left out of it). */
#define LIMIT_STATE_BYTES  (64u * 1024 * 1024)
#define LIMIT_STATE_FILES  200000
/* Files one folder of a memory scan judges (LIMIT_SURFACE_FILES is a
 * project's): a memory folder is every file in it. Their bytes still fit in
 * LIMIT_SNAPSHOT_BYTES per run; what does not is read by the next run, once
 * the rest is unchanged. */
#define LIMIT_MEMORY_FILES 100000

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

/* Constructs open at once (brackets, quotes, substitutions, compound
 * commands; JSON arrays and objects) in a buffer handed to the bash or JSON
 * grammar, estimated before parsing (scanners/tsparse.c): tree-sitter
 * 0.20.7 corrupts its heap when a broken parse ends with 65 536 entries on
 * its stack. Past it the buffer is not parsed, a finding. */
#define LIMIT_PARSE_NESTING 256

/* Comments in one bash or JSON buffer (lines with a '#' or '//', and each
 * '/' '*'), counted before parsing for the same reason: a run of 65 536 of
 * them corrupts tree-sitter 0.20.7's heap too. And '[' and '{' anywhere in
 * one JSON buffer, strings included (a few stack entries each): with the
 * comments, well under 65 536 whatever a broken file's recovery makes of
 * it. No agent's settings come near either. */
#define LIMIT_PARSE_COMMENTS 16384
#define LIMIT_JSON_BRACKETS  8192

/* Block quotes and list items one line of Markdown may hold open, estimated
 * the same way: tree-sitter-markdown's scanner overflows tree-sitter's
 * serialization buffer past 254. Honest documents nest a handful. */
#define LIMIT_MD_CONTAINERS 64

/* Bytes of one Python or JavaScript fence handed to its grammar. Python's
 * and JavaScript's syntax nests without brackets too (right-associative
 * operators, prefix operators, one entry a byte on the stack of a broken
 * parse), so the bound for tree-sitter 0.20.7's heap corruption is the
 * size itself: well under 65 536. Real instruction files' fences are under
 * 10 KB; a larger one is not parsed, a finding (AL203). */
#define LIMIT_CODE_BYTES 16384

/* Words of prose the intent analysis weighs together (scanners/intent.c): a
 * longer block is judged in pieces, so every window over it is bounded. */
#define LIMIT_INTENT_WORDS 512

/* Bytes of a line the search for a protection switched off (AL614) reads
 * at once, its spaces and quotes taken out; a longer line is read in
 * windows that overlap by more than the longest pattern, so nothing past
 * the first window goes unread. */
#define LIMIT_WEAKEN_WINDOW 1024

/* Bytes of heap one tree-sitter parse may add (its stack and the tree it
 * builds; scanners/tsparse.c counts them per thread): past it the parse is
 * cancelled, a finding like the time limit. Honest input costs 25-60 bytes
 * a byte, so a megabyte parses; a pathological one (4 KB of "![" took 22 MB)
 * stops here instead of taking hundreds of MB per scanning thread. */
#define LIMIT_PARSE_MEMORY (32u * 1024 * 1024)

/* tree-sitter parses under way at once in one process, whatever the number
 * of scanning threads: with LIMIT_PARSE_MEMORY, parsing takes at most their
 * product. The other threads' YARA scans and walks go on meanwhile. */
#define LIMIT_PARSE_CONCURRENT 2

/* Syntax nodes the shell analysis may visit for one command string, all
 * walks together (nested substitutions are walked once per level). */
#define LIMIT_SHELL_STEPS (4u * 1000 * 1000)

/*
 * '[' and '{' levels of one JSON file, the outermost counting one. The
 * settings scanner (scanners/settings.c: one AL401 finding, high, and the
 * deeper values are not analysed) and the configuration parser
 * (config/parse.c: the load fails, AIRLOCK_EINVALID) both use this one
 * value, so a file is either analysed and parseable or reported and refused
 * by both. That keeps the gate closed whatever the block threshold: content
 * the scanner did not walk is never loaded, because the parser refuses the
 * same file. 32 and not 64 (the scanner's old value): agent configuration
 * nests a handful of levels (a Claude Code hook command sits at level 6:
 * root, "hooks", the event's array, its matcher object, "hooks", the
 * command's object), so 32 refuses nothing real; it is what the loader
 * already accepted, so no project that loaded before is refused now; and it
 * halves the scanner's per-level key path. 64 would have let the scanner
 * pass files the loader then refused.
 */
#define LIMIT_JSON_DEPTH 32

/*
 * A YAML document (formats/yaml.c) with its aliases and merge keys expanded:
 * nodes in the tree (keys and values), and bytes of its keys and strings. An alias is a
 * reference, so a 1 KB document can name 2^30 values ("billion laughs");
 * past either bound the document is refused (AIRLOCK_EINVALID). Agent
 * configuration holds hundreds of nodes; 250000, written back as JSON
 * (formats/doc.c, one per line), stays inside what the settings analysis
 * parses (LIMIT_PARSE_BYTES, LIMIT_TREE_NODES). 8 MB of text is twice the
 * default file cap, so a document without aliases never reaches it. Nesting
 * is LIMIT_JSON_DEPTH, aliases included.
 */
#define LIMIT_YAML_NODES 250000u
#define LIMIT_YAML_BYTES (8u * 1024 * 1024)

/* A repository checked before libgit2 opens it (api/git_files.c): entries
 * of its git folder looked at, bytes of a configuration file read for its
 * includes, and includes (and alternates) followed from one another, as
 * libgit2 follows at most 10. Past one, the repository is refused. */
#define LIMIT_GIT_ENTRIES       (1u * 1000 * 1000)
#define LIMIT_GIT_CONFIG_BYTES  (1u * 1024 * 1024)
#define LIMIT_GIT_INCLUDE_DEPTH 10

/* Bytes of a trust record (trust/store.c); a larger record is an error,
 * never trusted. */
#define LIMIT_TRUST_RECORD_BYTES (4u * 1024 * 1024)

/* Accepted findings, and lines of the reviewed summary, kept in one record;
 * each summary name and value is kept to LIMIT_RECORD_TEXT bytes, so a full
 * record stays well under LIMIT_TRUST_RECORD_BYTES. */
#define LIMIT_RECORD_ITEMS 4096
#define LIMIT_RECORD_TEXT  256

/* Bytes of a quarantined file's note of origin (memory/quarantine.c); a
 * larger note fails its check and the file is not restored. */
#define LIMIT_QUARANTINE_NOTE_BYTES (64u * 1024)

/* Hops of Claude Code @imports followed from an instruction file, Claude
 * Code's own limit: a file further down is neither loaded nor imported by
 * the agent. */
#define LIMIT_IMPORT_DEPTH 5

/* Bytes of the last error message of a thread; a longer one ends in "...". */
#define LIMIT_ERROR_BYTES 512

/*
 * Working sizes of the analysers. Unlike the bounds above these are windows,
 * not ceilings: what lies past them is not analysed, and reaching them is
 * not (yet) a finding of its own.
 *
 * Settings scanner: bytes kept of a key or short value (a longer one is cut,
 * so it never equals a shorter known key).
 */
#define LIMIT_SETTINGS_KEY_BYTES 128

/* Context of a signature match (scanners/context.c): bytes walked back
 * looking for the array or TOML table that holds it, and the longest line
 * read whole. */
#define LIMIT_CONTEXT_SCAN_BYTES 65536
#define LIMIT_CONTEXT_LINE_BYTES 512

/* Filler floods (scanners/flood.c): the longest repeated unit looked for,
 * the copies of it that make a flood, and the fewest bytes one spans. */
#define LIMIT_FLOOD_UNIT_BYTES 16
#define LIMIT_FLOOD_REPEATS    40
#define LIMIT_FLOOD_MIN_BYTES  100

/* Invisible characters (AL503) in one always-loaded instruction file from
 * which they are all raised to high (scanners/finding.c). */
#define LIMIT_SMUGGLED_INVISIBLES 3

/* Shell analysis: children of one command node read (name, arguments,
 * redirects), arguments kept per command and bytes kept of each, and
 * variables and files remembered as holding a secret or a download. */
#define LIMIT_SHELL_CHILDREN  64
#define LIMIT_SHELL_ARGS      32
#define LIMIT_SHELL_ARG_BYTES 256
#define LIMIT_SHELL_NOTES     16

/* Inspection: words of one hook or MCP command line looked at for the
 * programs inside the project it runs (those are bound at trust). */
#define LIMIT_COMMAND_WORDS 64

/* Binding (scanners/runs.c): words of one simple command followed (more is
 * an unbound entry, never a silent cut), nesting of the syntax tree walked,
 * `sh -c` code and project tasks (npm scripts) followed inside each other,
 * and bytes of a command quoted in an unbound entry's message. */
#define LIMIT_RUNS_WORDS   4096
#define LIMIT_RUNS_TREE    256
#define LIMIT_RUNS_NESTING 6
#define LIMIT_RUNS_QUOTE   120

/* Bytes of one value shown in the review; the rest is marked, never
 * dropped silently ("...(3000 more bytes)"). */
#define LIMIT_REVIEW_VALUE_BYTES 200

/* Bytes after an unclosed hiding HTML block (<details>, <div hidden>) that
 * are searched for its closing tag and judged as hidden. */
#define LIMIT_HIDDEN_BYTES (64u * 1024)

/* Attempts at a fresh random name (a trust record's temporary file, a
 * quarantine slot) before giving up: each fails only when the name exists. */
#define LIMIT_CREATE_TRIES 100

#endif
