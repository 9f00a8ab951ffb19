/*
 * Remote code execution: fetching a program and running it in one step, or
 * decoding a hidden payload and running it.
 */

rule AL151_pipe_to_shell
{
	meta:
		id = "AL151"
		category = "remote-code-execution"
		severity = "high"
		confidence = "high"
		description = "Downloads a script and pipes it straight into a shell or interpreter"
	strings:
		$a = /\b(curl|wget|fetch|iwr|Invoke-WebRequest)\b\s+[^\n|\s][^\n|]{0,199}\|\s*(sudo\s+(-[A-Za-z]+\s+)*)?(ba|z|da|k|fi)?sh\b/
		$b = /\b(curl|wget)\b[^\n|]{0,200}\|\s*(sudo\s+)?(python[23]?|perl|ruby|node|php)\b/
		$c = /\b(ba|z)?sh\s+(-c\s+)?["']?\$\(\s*(curl|wget)\b/
		$d = /\b(ba|z)?sh\s+<\(\s*(curl|wget)\b/
		$e = /\b(iex|Invoke-Expression)\b[^\n]{0,40}(DownloadString|iwr|Invoke-WebRequest|irm|Invoke-RestMethod)/ nocase
		$f = /\b(irm|iwr|Invoke-RestMethod|Invoke-WebRequest)\b[^\n|]{0,200}\|\s*(iex|Invoke-Expression)\b/ nocase
		$g = /\b(download|fetch)\s+(the\s+script\s+(at|from)\s+)?https?:\/\/[^\s]{1,200}[^\n]{0,40}\b(and|then)\s+(run|execute|source)\s+(it|the\s+script|that)\b/ nocase
	condition:
		any of them
}

rule AL152_decode_and_run
{
	meta:
		id = "AL152"
		category = "remote-code-execution"
		severity = "high"
		confidence = "high"
		description = "Decodes an encoded payload and runs it (base64/hex into a shell, eval of decoded text)"
	strings:
		$a = /\b(base64\s+(-d|--decode|-D)|openssl\s+(base64|enc)\s+-d|xxd\s+-r(\s+-p)?)\b[^\n]{0,80}\|\s*(sudo\s+)?(ba|z|da)?sh\b/
		$b = /\beval\s*\(?\s*["']?\$\(\s*(echo|printf)\s[^\n]{0,400}\|\s*(base64|xxd)/
		$c = /\b(eval|exec|Function)\s*\(\s*(atob|Buffer\.from|base64\.b64decode|bytes\.fromhex|codecs\.decode|zlib\.decompress)\s*\(/
		$d = /\bpython[23]?\s+-c\s+["'][^\n]{0,200}\bexec\s*\([^\n]{0,60}(b64decode|decompress|fromhex)/
		$e = /\b(echo|printf)\s+["']?[A-Za-z0-9+\/]{40,}={0,2}["']?\s*\|\s*base64\s+(-d|--decode|-D)\b/
		$f = /\b(base64[- ]?)?decode\b[^\n]{0,80}\b(and|then)\s+(run|execute|eval(uate)?|follow|obey|apply)\b[^\n]{0,200}[A-Za-z0-9+\/]{40,}={0,2}/ nocase
		$g = /\b(base64[- ]?)?decode\b[^\n]{0,40}[A-Za-z0-9+\/]{40,}={0,2}[^\n]{0,60}\b(run|execute|eval(uate)?|follow|obey)\b/ nocase
	condition:
		any of them
}

rule AL153_codex_mcp_shell
{
	meta:
		id = "AL153"
		category = "remote-code-execution"
		severity = "high"
		confidence = "high"
		description = "A Codex MCP server (config.toml) is a shell, interpreter or netcat one-liner"
	strings:
		$a = /\[mcp_servers\.[^\]\n]{1,80}\][^\[]{0,300}\bcommand\s*=\s*["'](\/[^"']*\/)?(sh|bash|zsh|dash|nc|ncat|netcat|socat|python[23]?|node|perl|ruby|php)["'][^\[]{0,300}\bargs\s*=\s*\[\s*["']-[a-z]*[ce]["']/
	condition:
		any of them
}
