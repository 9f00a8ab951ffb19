/*
 * Persistence: changes that outlive the session - shell start-up files,
 * scheduled jobs, login agents, the agent's own memory and settings, and the
 * trust store that is supposed to record the user's decisions.
 */

rule AL161_shell_rc_append
{
	meta:
		id = "AL161"
		category = "persistence"
		severity = "high"
		confidence = "high"
		description = "Writes to a shell start-up file (.bashrc, .zshrc, .profile, ...) by redirection or tee"
	strings:
		$a = /(>>?|\btee\s+(-a\s+)?)\s*["']?(~|\$HOME|\$\{HOME\})\/\.(bashrc|bash_profile|bash_login|profile|zshrc|zshenv|zprofile|zlogin|config\/fish\/config\.fish)\b/
	condition:
		$a
}

rule AL166_ssh_authorized_keys
{
	meta:
		id = "AL166"
		category = "persistence"
		severity = "high"
		confidence = "high"
		description = "Adds a key to ~/.ssh/authorized_keys (a way back in)"
	strings:
		$a = /(>>?|\btee\s+(-a\s+)?|\bcp\s+.{1,120}\s)\s*["']?(~|\$HOME|\$\{HOME\})\/\.ssh\/authorized_keys2?\b/
		$b = /\bssh-copy-id\b.{0,80}\blocalhost\b/
		// an order (the verb opens the line), not a description of
		// how admins manage keys
		$c = /(^|\n)[ \t>*-]*(\d+\.\s+)?(please\s+|now\s+|then\s+)?(overwrite|append|add|write|replace|put|insert)\b.{0,60}(~|\$HOME|\/root|\/home\/[a-z_][a-z0-9_-]*)\/\.ssh\/authorized_keys2?\b/ nocase
	condition:
		any of them
}

rule AL167_shell_rc_instruction
{
	meta:
		id = "AL167"
		category = "persistence"
		severity = "medium"
		confidence = "medium"
		description = "Asks for a line to be added to a shell start-up file (common in set-up notes; persistent when an agent does it)"
	strings:
		$a = /\b(append|add|write|insert|put)\b.{0,80}\b(to|into|in)\s+(your\s+|the\s+user's\s+)?[`"']?(~\/|\$HOME\/)\.(bashrc|bash_profile|profile|zshrc|zshenv|zprofile)\b/ nocase
	condition:
		$a
}

rule AL162_scheduled_job
{
	meta:
		id = "AL162"
		category = "persistence"
		severity = "high"
		confidence = "high"
		description = "Installs a scheduled job (crontab, /etc/cron*, systemd timer)"
	strings:
		$a = /\|\s*crontab\s+-(\s|$)/
		$b = /\bcrontab\s+(-l\s*[;|&]|-e\b|[^\s-][^\s]*[ \t]*(\n|$))/
		$c = /(>>?|\btee\s+(-a\s+)?)\s*\/etc\/cron(tab|\.d\/|\.(hourly|daily|weekly|monthly)\/)/
		$d = /\bsystemctl\s+(--user\s+)?enable\s+(--now\s+)?[^\s]+\.timer\b/
	condition:
		any of them
}

rule AL163_login_agent
{
	meta:
		id = "AL163"
		category = "persistence"
		severity = "high"
		confidence = "high"
		description = "Installs a login item (macOS LaunchAgents, systemd user unit, XDG autostart)"
	strings:
		/* a plist written or copied in: a launchctl unload/load of a
		 * project's own service is a restart, not an install */
		$a = /(\b(copy|cp|mv|move|write|save|create|install|ln\s+-s|tee(\s+-a)?)\b|>>?).{0,120}Library\/(LaunchAgents|LaunchDaemons)\// nocase
		/* "add a .plist to LaunchAgents" installs one; "add a variable to
		 * the plist in LaunchAgents" edits the project's own */
		$a2 = /\b(add|put|place)\b.{0,80}\.plist\b.{0,40}Library\/(LaunchAgents|LaunchDaemons)\// nocase
		$b = /\blaunchctl\s+(bootstrap|submit|load\s+-w)\b/
		$c = /(>>?|\btee\s+|\bcp\s+.{1,120}\s).{0,8}(~|\$HOME)\/\.config\/(systemd\/user|autostart)\//
		$d = /\bsystemctl\s+--user\s+enable\b/
	condition:
		any of them
}

rule AL164_agent_memory_write
{
	meta:
		id = "AL164"
		category = "persistence"
		severity = "high"
		confidence = "high"
		description = "Writes to the agent's own instructions, memory or settings outside this project, or by shell redirection"
	strings:
		$a = /(^|[\s;&|)0-9])(>>?|tee\s+(-a\s+)?)\s*["']?[^\s"'|;&(<]*(CLAUDE|AGENTS|GEMINI)(\.local)?\.md\b/
		$b = /(^|[\s;&|)0-9])(>>?|tee\s+(-a\s+)?)\s*["']?[^\s"'|;&(<]*\.(claude\/settings(\.local)?\.json|mcp\.json|cursorrules|windsurfrules|codex\/config\.toml|gemini\/settings\.json)\b/
		$c = /\b(write|append|add|save|store|insert|edit|modify|update)\b.{0,80}(~|\$HOME)\/(\.(claude|codex|gemini|cursor|copilot|codeium|windsurf|continue|aider)\/|Documents\/Cline\/)[^\s]*/ nocase
		$d = /\b(write|append|add|save|store|insert|remember)\b.{0,60}\b(to|in|into)\s+(your\s+)?(persistent\s+|long-term\s+|user\s+|global\s+|permanent\s+)?memory\b.{0,60}\b(always|every\s+session|every\s+project|all\s+projects|from\s+now\s+on|future\s+sessions)\b/ nocase
	condition:
		any of them
}

rule AL165_trust_store_write
{
	meta:
		id = "AL165"
		category = "persistence"
		severity = "critical"
		confidence = "high"
		description = "Writes to airlock's trust store, points airlock at another one, or records trust without a person (forging a trust decision)"
	strings:
		$a = /\b(>>?|tee|cp|mv|mkdir|touch|rm|ln|install|echo|printf|write|create|edit|modify)\b.{0,80}(~|\$HOME|\$\{HOME\}|\$XDG_DATA_HOME|\.local\/share)\/airlock\/trust\b/
		$b = /\bAIRLOCK_TRUST_DIR=\S/
		$c = /\bairlock\s+trust\s+.{0,80}--yes\b/
	condition:
		any of them
}

rule AL168_git_config_hook
{
	meta:
		id = "AL168"
		category = "persistence"
		severity = "high"
		confidence = "high"
		description = "Changes git or npm configuration so that a program runs later (hooksPath, fsmonitor, sshCommand, a pager or editor that is a command line, shell aliases, npm script-shell)"
	strings:
		$a = /\bgit\s+config\s+(--global\s+|--system\s+|--local\s+)?(core\.(hooksPath|fsmonitor|sshCommand)|alias\.[A-Za-z0-9_-]+\s+["']?!|credential\.helper\s+["']?!)/
		$c = /\bnpm\s+config\s+set\s+(script-shell|node-options|onload-script|shell)\b/
		$b = /\bgit\s+config\s+(--global\s+|--system\s+|--local\s+)?core\.(pager|editor)\s+["']?[^\n"']{0,80}([;|&`]|\$\(|\bsh\s+-c\b|\/tmp\/)/
	condition:
		any of them
}

rule AL169_scheduled_or_install_fetch
{
	meta:
		id = "AL169"
		category = "persistence"
		severity = "high"
		confidence = "medium"
		description = "Asks for something that runs later on its own (a cron entry, a postinstall script, an MCP server, a hook) to fetch, run or send to a remote host"
	strings:
		// the trigger, then fetch-and-run from a URL, or a send of secrets/env
		// (the bracketed letters keep yara's atom, the literal it looks for
		// first, on the rare words: "mcp", not "server"; "action", not
		// "github" in every GitHub URL; never "http" in $a and $b; see
		// signatures/README.md)
		$a = /\b(cron\s+(entry|job)|crontab|postinstall|preinstall|install\s+script|launch\s*agent|login\s+item|startup\s+script|mcp\s+se[r]ver|git\s+hook|pre-commit\s+hook|gi[t]hub\s+action|workflow|ci\s+job)\b[^.\n]{0,120}(\b(download\w*|fetch\w*|gets?)\s+(and\s+)?(runs?|executes?)\b[^.\n]{0,40}h[t]tps?:[\/]\/|\b(runs?|executes?|curl|wget)\s+(-[A-Za-z-]+\s+){0,3}[`'"]?h[t]tps?:[\/]\/|\b(posts?|sends?|uploads?)\b[^.\n]{0,60}\b(secrets?|tokens?|env|environment|credentials|diff|repository|source|keys?)\b[^.\n]{0,60}h[t]tps?:[\/]\/|(process\.env|os\.environ))/ nocase
		$c = /\b(add|install|append|put|authori[sz]e)\s+(my|this|the\s+following|our|the\s+attached)\s+(public\s+)?ssh\s+key\s+(to|on|for|into)\b/ nocase
		$b = /\b(download\w*|fetch\w*|posts?|sends?|uploads?|runs?)\b[^.\n]{0,80}(h[t]tps?:[\/]\/)[^.\n]{0,10}[^\s.]{0,80}[^.\n]{0,60}\b(every\s+(hour|day|minute|night|boot|login|session)|hourly|nightly|on\s+(boot|login|startup))\b/ nocase
	condition:
		any of them
}

rule AL170_database_backdoor_account
{
	meta:
		id = "AL170"
		category = "persistence"
		severity = "high"
		confidence = "medium"
		description = "Creates a database account with every right and a fixed password, or grants every right to one (a way back in)"
	strings:
		// CREATE ROLE support_maint LOGIN SUPERUSER PASSWORD 'Maint#2026' (either order)
		$pg = /\bCREATE\s+(ROLE|USER)\s+["`']?\w+["`']?[^;\n]{0,120}\bSUPERUSER\b[^;\n]{0,120}\bPASSWORD\s+'[^'\n]+'/ nocase
		$pg2 = /\bCREATE\s+(ROLE|USER)\s+["`']?\w+["`']?[^;\n]{0,120}\bPASSWORD\s+'[^'\n]+'[^;\n]{0,120}\bSUPERUSER\b/ nocase
		// GRANT ALL PRIVILEGES ON *.* TO 'x'@'%' IDENTIFIED BY '...'
		$my = /\bGRANT\s+ALL\s+(PRIVILEGES\s+)?ON\s+\*\.\*\s+TO\s+[^;\n]{0,80}\bIDENTIFIED\s+BY\s+'/ nocase
	condition:
		any of them
}
