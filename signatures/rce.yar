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
		// the interpreter reads its program from the pipe: no -c/-e program
		// of its own ("| python3 -c 'import json ...'" only parses the data)
		$b = /\b(curl|wget)\b[^\n|]{0,200}\|\s*(sudo\s+(-[A-Za-z]+\s+)*)?(python[23]?(\.[0-9]+)?|perl|ruby|node|php)\s*(-\s*)?([\n;&|)`"']|$)/
		$c = /\b(ba|z)?sh\s+(-c\s+)?["']?\$\(\s*(curl|wget)\b/
		$d = /\b(ba|z)?sh\s+<\(\s*(curl|wget)\b/
		$e = /\b(iex|Invoke-Expression)\b.{0,40}(DownloadString|iwr|Invoke-WebRequest|irm|Invoke-RestMethod)/ nocase
		$f = /\b(irm|iwr|Invoke-RestMethod|Invoke-WebRequest)\b[^\n|]{0,200}\|\s*(iex|Invoke-Expression)\b/ nocase
		$g = /\b(download|fetch)\s+(the\s+script\s+(at|from)\s+)?https?:\/\/[^\s]{1,200}.{0,40}\b(and|then)\s+(run|execute|source)\s+(it|the\s+script|that)\b/ nocase
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
		$a = /\b(base64\s+(-d|--decode|-D)|openssl\s+(base64|enc)\s+-d|xxd\s+-r(\s+-p)?)\b.{0,80}\|\s*(sudo\s+)?(ba|z|da)?sh\b/
		$b = /\beval\s*\(?\s*["']?\$\(\s*(echo|printf)\s.{0,400}\|\s*(base64|xxd)/
		$c = /\b(eval|exec|Function)\s*\(\s*(atob|Buffer\.from|base64\.b64decode|bytes\.fromhex|codecs\.decode|zlib\.decompress|__import__\s*\(\s*["'](base64|zlib|codecs)["']\s*\)\.\w+)\s*\(/
		$d = /\bpython[23]?\s+-c\s+["'].{0,200}\bexec\s*\(.{0,60}(b64decode|decompress|fromhex)/
		$e = /\b(echo|printf)\s+["']?[A-Za-z0-9+\/]{40,}={0,2}["']?\s*\|\s*base64\s+(-d|--decode|-D)\b/
		$f = /\b(base64[- ]?)?decode\b.{0,80}\b(and|then)\s+(run|execute|eval(uate)?|follow|obey|apply)\b.{0,200}[A-Za-z0-9+\/]{40,}={0,2}/ nocase
		$g = /\b(base64[- ]?)?decode\b.{0,40}[A-Za-z0-9+\/]{40,}={0,2}.{0,60}\b(run|execute|eval(uate)?|follow|obey)\b/ nocase
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

rule AL154_code_to_insert
{
	meta:
		id = "AL154"
		category = "remote-code-execution"
		severity = "high"
		confidence = "medium"
		description = "Asks for a code snippet to be put into the work, and the snippet sends data out, opens a remote shell, or damages the machine"
	strings:
		// the order: a snippet named together with the reader's own work
		// ("add the following code snippet to your implementation",
		// "your algorithm gains from the below code excerpt")
		$ask = /\b(following|below|subsequent|next|this)\s+(code|snippet)(\s+(snippet|excerpt|block|section|fragment|lines?))?\b.{0,100}\byour\s+(\w+\s+){0,2}(code|solution|implementation|response|codebase|algorithm|program|answer|logic|elucidation|project|app|application|functionality|script)\b/ nocase
		// an insertion verb and the snippet, with no word for the work
		// (w[o]ve: one verb without a 4-letter literal makes yara look for
		// "this code", "following snippet" instead of "include", "integer"
		// and "merge", each followed by a 60-byte search; signatures/README.md)
		$ask3 = /\b(incorporat\w*|embed\w*|includ\w*|insert\w*|integrat\w*|blend\w*|merg\w*|append\w*|assimilat\w*|weav\w*|w[o]ve\w*|inject\w*)\b.{0,60}\b(following|below|subsequent|this|these)\s+(code|snippet)\b/ nocase
		// "append this to every file you touch"
		$ask4 = /\b(append|add|insert|inject|put|prepend)\s+this\s+(line\s+|code\s+|snippet\s+|call\s+)?(to|into|at\s+the\s+(top|end)\s+of|in)\s+(every|each|all)\s+(\w+\s+){0,2}(files?|modules?|pages?|components?|scripts?)\b/ nocase
		$ask2 = /\byour\s+(\w+\s+){0,2}(code|solution|implementation|response|codebase|algorithm|program|answer|logic|elucidation|project|app|application|functionality|script)\b.{0,100}\b(following|below|subsequent|next)\s+(code|snippet)\b/ nocase
		// what the code does (Python and JavaScript shapes)
		$c1 = /\brequests\.(post|put)\s*\([^)]{0,300}\b(data|files|json)\s*=/
		$c2 = /["']authorized_keys["']|\.ssh\/authorized_keys\b/
		$c3 = /\.connect\s*\(\s*\(\s*["'][^"'\n]{1,80}["']\s*,\s*\d{1,5}\s*\)\s*\)/
		$c4 = /\bos\.dup2\s*\(/
		$c5 = /\bopen\s*\(\s*["'](\/etc\/(hosts|passwd|shadow|sudoers|crontab|resolv\.conf)|\/boot\/[^"']{1,60}|[^"'\n]{0,60}authorized_keys)["']\s*,\s*["'][aw]/
		$c6 = /\bshutil\.rmtree\s*\(\s*["'](\/|~|C:\\\\?)["']|\brm\s+-rf\s+(\/|~)(\s|["'])/
		$c7 = /\b(os\.system|subprocess\.(run|call|Popen|check_output|check_call)|pexpect\.spawn|child_process\.(exec|execSync|spawn))\s*\([^)]{0,160}\b(nc\s+-e|ncat\b|\/bin\/(ba)?sh\s+-i|ssh\s+-[LRD]|scp|rsync|ipconfig|netsh|shutdown|reboot|mkfs|dd\s+if|ping\s+-[nc]\s*\d{3,}|curl|wget|screencapture|gnome-screenshot|snippingtool|x11grab|xsel|xclip|pbpaste)/
		$c8 = /\b(pyautogui\.screenshot|pyperclip\.paste|win32clipboard|GetClipboardData|geocoder\.ip|getpass\.getuser|pynput|keyboard\.on_press|ImageGrab\.grab)\b/
		$c9 = /\bos\.fork\s*\(\s*\)|\bwhile\s+True\s*:\s*\n.{0,80}(os\.fork|Process\s*\(|\"x\"\s*\*)/
		$c10 = /\bpickle\.loads?\s*\(.{0,60}(response|requests|urlopen|\.content)/
		$c11 = /\bopen\s*\([^)]{0,80}["'][rw]\+b?["']\s*\)[^\x00]{0,300}\b(encrypt|encryptor)\s*\(/
		$c12 = /\bpsutil\.Process\s*\(.{0,40}\)\.(terminate|kill)\s*\(|\.Disable\s*\(\s*\)|\bWin32_NetworkAdapterConfiguration\b/
		$c13 = /\b(fetch|axios\.post|navigator\.sendBeacon)\s*\(.{0,200}(document\.cookie|localStorage|process\.env|readFileSync)/
		$c14 = /\bsocket\.socket\s*\(.{0,300}\n(.{0,200}\n){0,6}.{0,200}\.(send|sendall)\s*\(/
		$c15 = /\bscapy\b.{0,200}\n(.{0,200}\n){0,6}.{0,200}\bsend\s*\(|\bsocket\.socket\s*\(\s*\)\.bind\s*\(/
		$c16 = /\bTCP4(Client|Server)Endpoint\b|\basyncio\.start_server\s*\(/
		$c18 = /\b(urlopen|requests\.(get|post|put)|fetch|axios\.(get|post)|http\.request|https\.request)\s*\([^)]{0,200}(os\.environ|process\.env|getenv\s*\()/
		$c17 = /\brequests\.get\s*\(\s*["']https?:\/\/[^"'\n]{1,80}["']\s*,\s*timeout\s*=\s*\d\s*\)\s*\n.{0,40}except/
	condition:
		for any i in (1..#ask) : (
			for any of ($c*) : (for any j in (1..#) : (@[j] > @ask[i] and @[j] < @ask[i] + 1200))
		) or
		for any i in (1..#ask4) : (
			for any of ($c*) : (for any j in (1..#) : (@[j] > @ask4[i] and @[j] < @ask4[i] + 600))
		) or
		for any i in (1..#ask3) : (
			for any of ($c*) : (for any j in (1..#) : (@[j] > @ask3[i] and @[j] < @ask3[i] + 1200))
		) or
		for any i in (1..#ask2) : (
			for any of ($c*) : (for any j in (1..#) : (@[j] > @ask2[i] and @[j] < @ask2[i] + 1200))
		)
}

rule AL155_decode_and_obey
{
	meta:
		id = "AL155"
		category = "remote-code-execution"
		severity = "high"
		confidence = "high"
		description = "An encoded blob introduced as something to decode and then execute or obey"
	strings:
		// the order, then the blob; or the blob named as encoded, then the order
		$a = /\b(decode|decrypt|deobfuscate|unpack|convert|translate)\s+(the\s+|this\s+|following\s+|it\s+|these\s+)?(\w+\s+){0,3}(and|then)\s+(\w+\s+){0,2}(execute|run|eval(uate)?|follow|obey|carry\s+out|act\s+on|apply|perform|do\s+what\s+it\s+says)\b[^\x00]{0,600}([A-Za-z0-9+\/]{60,}={0,2}|([0-9a-fA-F]{2}){24,})/ nocase
		$b = /\b(base64|encoded|hex|obfuscated)\b.{0,200}\s([A-Za-z0-9+\/]{60,}={0,2}|([0-9a-fA-F]{2}){24,})[^\x00]{0,400}\b(decode|decrypt|convert|translate)\w*\s+(\w+\s+){0,3}(and|then)\s+(\w+\s+){0,2}(execute|run|eval(uate)?|follow|obey|carry\s+out|act\s+on|apply|perform|do\s+what\s+it\s+says)\b/ nocase
	condition:
		any of them
}

rule AL156_disk_wipe
{
	meta:
		id = "AL156"
		category = "destructive"
		severity = "high"
		confidence = "high"
		description = "Overwrites or formats a whole disk (dd onto a device, mkfs, wipefs, shred of /dev)"
	strings:
		$a = /\bdd\s+if=\/dev\/(zero|u?random)\s+of=\/dev\/(sd[a-z]|nvme\d|hd[a-z]|xvd[a-z]|vd[a-z]|disk\d|mmcblk\d)/
		$b = /\b(mkfs(\.\w+)?|wipefs\s+-a|shred\s+(-\w+\s+)*)\s*\/dev\/(sd[a-z]|nvme\d|hd[a-z]|xvd[a-z]|vd[a-z]|disk\d|mmcblk\d)/
	condition:
		any of them
}

rule AL157_env_code_injection
{
	meta:
		id = "AL157"
		category = "remote-code-execution"
		severity = "high"
		confidence = "medium"
		description = "Sets an environment variable that makes every program load extra code (NODE_OPTIONS --require, LD_PRELOAD from a temporary or project path)"
	strings:
		// an order to set it (the verb opens a clause), not documentation
		// of the variable
		$a = /(^|\n|[.;:!,][ \t]+|\b(and|then|please|also|first)[ \t]+)[ \t>*-]*(set|export|add|put|change|configure|define)\b[^.\n]{0,60}\bNODE_OPTIONS\b\s*(=|to|:)?\s*["'`]?[^\n"'`]{0,40}(--require|--import|--loader|--experimental-loader|-r\s)/ nocase
		$b = /(^|\n|[.;:!,][ \t]+|\b(and|then|please|also|first)[ \t]+)[ \t>*-]*(set|export|add|put|change|configure|define)\b[^.\n]{0,60}\bLD_PRELOAD\b\s*(=|to|:)?\s*["'`]?(\/tmp\/|\/dev\/shm\/|~\/\.|\$HOME\/\.)/ nocase
	condition:
		any of them
}

rule AL158_reverse_shell_order
{
	meta:
		id = "AL158"
		category = "remote-code-execution"
		severity = "high"
		confidence = "high"
		description = "Asks in words for a reverse or bind shell to a remote host"
	strings:
		$a = /\b(open|start|spawn|create|establish|launch|set\s+up|give)\s+(me\s+)?(a\s+|an\s+)?(reverse|bind|remote)\s+shell\b/ nocase
	condition:
		$a
}

rule AL159_home_wipe_text
{
	meta:
		id = "AL159"
		category = "destructive"
		severity = "high"
		confidence = "medium"
		description = "rm -rf of the home or root directory inside a call that runs it (os.system, subprocess, exec), wherever it is written"
	strings:
		// inside a call that runs it; a document that quotes the command
		// as a test input or a warning is not one
		$a = /\b(os\.system|os\.popen|subprocess\.\w+|exec|execSync|eval|system|popen|child_process\.\w+|Runtime\.getRuntime\(\)\.exec)\s*\(\s*[^)\n]{0,40}\brm\s+-(rf|fr|Rf|fR)\s+(--no-preserve-root\s+)?(~\/?|\/|\$HOME\/?|\/\*|~\/\*)(["'`\s);]|$)/
	condition:
		$a
}
