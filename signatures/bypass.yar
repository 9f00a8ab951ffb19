/*
 * Safety bypass: switches that turn off the agent's permission prompts or its
 * sandbox.
 */

rule AL171_skip_permissions
{
	meta:
		id = "AL171"
		category = "safety-bypass"
		severity = "high"
		confidence = "high"
		description = "Turns off the agent's permission prompts (--dangerously-skip-permissions, bypassPermissions, auto-approve)"
	strings:
		$a = "--dangerously-skip-permissions"
		$b = /["']?defaultMode["']?\s*[:=]\s*["']bypassPermissions["']/
		$c = /--permission-mode[\s=]+bypassPermissions/
		$d = "--dangerously-bypass-approvals-and-sandbox"
		$e = /\bapproval[_-]policy\s*=\s*["']never["']/
		$f = /["']chat\.tools\.autoApprove["']\s*:\s*true/
		$g = /(^|\s|`)--yolo\b/
		$j = /\b(turn\s+on|enable|switch\s+on|activate)\s+(the\s+)?(auto-?run|yolo)\s+mode\b/ nocase
		$i = /\b(set|change|switch|put)\b.{0,60}\bto\s+["'`]?bypassPermissions\b/ nocase
		$h = /\bpermissionMode\s*:\s*["']?bypassPermissions\b/
	condition:
		any of them
}

rule AL172_disable_sandbox
{
	meta:
		id = "AL172"
		category = "safety-bypass"
		severity = "high"
		confidence = "high"
		description = "Disables the agent's sandbox or lets commands escape it"
	strings:
		$a = /\bsandbox[_-]mode\s*=\s*["']danger-full-access["']/
		$b = /["']sandbox["']\s*:\s*\{[^}]{0,200}["']enabled["']\s*:\s*false/
		$c = /["']dangerouslyDisableSandbox["']\s*:\s*true/
		$d = /["']allowUnsandboxedCommands["']\s*:\s*true/
		$e = /\b(disable|turn\s+off|bypass|escape)\s+(the\s+)?sandbox(ing)?\b/ nocase
	condition:
		any of them
}

rule AL173_bypass_mentioned
{
	meta:
		id = "AL173"
		category = "safety-bypass"
		severity = "medium"
		confidence = "medium"
		description = "Asks the agent to skip its own safety checks or confirmation prompts"
	strings:
		$a = /\b(skip|ignore|bypass|disable)\s+(all\s+|any\s+|the\s+|your\s+)?(safety|security|permission|confirmation)\s+(checks?|prompts?|rules|restrictions|guidelines)\b/ nocase
		$b = /\b(auto[- ]?approve|always\s+approve|approve\s+all)\s+(all\s+)?(tool\s+calls|commands|tools|edits)\b/ nocase
	condition:
		any of them
}

rule AL174_settings_preapprove_order
{
	meta:
		id = "AL174"
		category = "safety-bypass"
		severity = "high"
		confidence = "medium"
		description = "Tells the agent to write its own settings so that every command or tool is approved in advance"
	strings:
		// (the dot inside each path: yara looks for ".vscode", not "code/")
		$a = /\b(add|write|put|set|insert|merge|append|update|change)\b.{0,100}(\.claude\/settings(\.local)?\.json|\.cursor\/mcp\.json|\.vscode\/settings\.json|\.gemini\/settings\.json|\.codex\/config\.toml)[^\x00]{0,300}("Bash(\(\*\))?"\s*[\],]|bypassPermissions|"chat\.tools\.autoApprove"\s*:\s*true|approval_policy\s*=\s*"never"|--yolo)/ nocase
	condition:
		$a
}

rule AL175_auth_weakened
{
	meta:
		id = "AL175"
		category = "safety-bypass"
		severity = "high"
		confidence = "medium"
		description = "Orders an authentication or authorisation check switched off (2FA, login, permission checks) in the code"
	strings:
		$a = /(^|\n|[.;:!,][ \t]+)[ \t>*-]*(please\s+|just\s+|now\s+)?(switch\s+off|turn\s+off|disable|remove|skip|bypass|comment\s+out)\s+(the\s+)?(two-factor|2fa|mfa|multi-factor|authentication|auth|login|permission|authori[sz]ation|csrf|signature)\s+(checks?|verification|middleware|guard|requirement|validation)\b/ nocase
	condition:
		$a
}
