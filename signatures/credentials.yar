/*
 * Credential and secret paths. A path alone is common in honest set-up notes
 * ("put your key in ~/.aws/credentials"), so it is low; the same path next to
 * an action that reads, copies or sends it is high.
 */

rule AL121_credential_path
{
	meta:
		id = "AL121"
		category = "credential-access"
		severity = "low"
		confidence = "medium"
		description = "Names a file that holds credentials (cloud keys, SSH keys, tokens, keychains, agent credentials)"
	strings:
		$a = /~\/\.aws\/(credentials|config)\b/ nocase
		$b = /~\/\.ssh\/(id_[a-z0-9_]+([^a-z0-9_.]|$)|config\b)/ nocase
		$c = /(~\/|\$HOME\/|\/home\/[a-z_][a-z0-9_-]*\/|\/root\/)\.(netrc|git-credentials|npmrc|pypirc|docker\/config\.json|kube\/config|config\/gcloud|azure\/|gnupg\/)/ nocase
		$d = /(~\/|\$HOME\/)\.(claude|codex|gemini)\/(\.credentials\.json|auth\.json|oauth_creds\.json|credentials)/ nocase
		$e = /\bLibrary\/Keychains\b|\bsecurity\s+(find|dump)-(generic|internet)-password\b|\bsecurity\s+dump-keychain\b/ nocase
		$f = /\b(cat|read|open|copy|cp|send|upload|source)\s+[^\s]*\.env(\.local|\.production)?\b/ nocase
		$g = /\$HOME\/\.aws\/credentials|\$HOME\/\.ssh\/id_[a-z0-9_]+([^a-z0-9_.]|$)/ nocase
	condition:
		any of them
}

rule AL122_credential_read_or_send
{
	meta:
		id = "AL122"
		category = "credential-access"
		severity = "high"
		confidence = "high"
		description = "Reads, copies, encodes or sends a credential file (SSH keys, cloud keys, .netrc, .env, keychains, kube config, agent credentials)"
	strings:
		$a = /\b(cat|less|head|tail|read|open|copy|cp|scp|rsync|send|upload|post|exfiltrate|base64|xxd|tar|zip|curl|wget|include|attach|paste|print|output|dump|collect)\b.{0,80}(~|\$HOME|\/home\/[a-z_][a-z0-9_-]*|\/root)\/\.(aws\/credentials|ssh\/id_[a-z0-9_]+([^a-z0-9_.]|$)|netrc|git-credentials|kube\/config|docker\/config\.json|npmrc|pypirc|config\/gcloud|claude\/\.credentials\.json|codex\/auth\.json|gemini\/oauth_creds\.json)/ nocase
		$b = /(~|\$HOME)\/\.(aws\/credentials|ssh\/id_[a-z0-9_]+[^a-z0-9_.\n]|netrc|git-credentials|kube\/config|claude\/\.credentials\.json|codex\/auth\.json).{0,80}\b(to|into)\s+(https?:\/\/|the\s+(url|endpoint|server|webhook))/ nocase
		$c = /\bsecurity\s+(find-generic-password|find-internet-password|dump-keychain)\b.{0,40}\s-[a-z]*[gw]/ nocase
		$d = /\b(cat|base64|curl|send|upload|post)\b.{0,40}(^|[\s"'=@(])\.env(\.local|\.production)?\b.{0,80}(https?:\/\/|\|\s*(curl|nc|base64))/ nocase
	condition:
		any of them
}
