/*
 * Exfiltration channels: places data is sent to that an honest project file
 * has little reason to name, markdown images that carry data in their URL,
 * upload commands, DNS lookups of built names.
 */

rule AL131_exfil_host
{
	meta:
		id = "AL131"
		category = "exfiltration"
		severity = "medium"
		confidence = "medium"
		description = "Names a request-capture, paste or tunnel host commonly used to receive stolen data"
	strings:
		$a = /\b[a-z0-9.-]*(webhook\.site|requestbin\.(com|net)|pipedream\.net|m\.pipedream\.net|hookb\.in|beeceptor\.com|requestcatcher\.com|interact\.sh|oast\.(fun|pro|live|site|online|me)|burpcollaborator\.net|ngrok\.io|ngrok-free\.app|ngrok\.app|trycloudflare\.com|loca\.lt|serveo\.net|pastebin\.com|paste\.ee|hastebin\.com|transfer\.sh|file\.io|0x0\.st|termbin\.com|dnslog\.cn|canarytokens\.com)\b/ nocase
	condition:
		any of them
}

rule AL132_markdown_image_exfil
{
	meta:
		id = "AL132"
		category = "exfiltration"
		severity = "high"
		confidence = "high"
		description = "A markdown image or link whose URL query is filled from data (placeholders, variables): rendering it sends the data out"
	strings:
		// h[t]tps?:[\/]\/ is https?:\/\/ written so that yara does not take
		// "http" or "://" for the literal it looks for first (the atom): it
		// would try these expressions at each of the 110 000 URLs of 23 MB
		// of documentation, where "![" and "]:" are rare (signatures/README.md)
		$a = /!\[[^\]\n]{0,200}\]\(\s*h[t]tps?:[\/]\/[^\s)]{1,200}\?[^\s)]{0,200}=[^\s)]{0,40}(\{\{?|\$\{?|\$\(|%7[Bb]|%24|<|\[)[A-Za-z_]/
		$b = /<img\s[^>\n]{0,200}src\s*=\s*["']?https?:\/\/[^\s"'>]{1,200}\?[^\s"'>]{0,200}=[^\s"'>]{0,40}(\{\{?|\$\{?|%7[Bb]|\[)[A-Za-z_]/ nocase
		$e = /https?:\/\/.{0,200}\b(replace|fill\s+in|substitute)\b.{0,60}\bwith\s+(the\s+)?(value|contents?)\s+of\s+(the\s+)?\$?[A-Za-z_]*(KEY|TOKEN|SECRET|PASSWORD|CREDENTIALS?)\b/ nocase
		$d = /(^|\n)[ \t]{0,3}\[[^\]\n]{1,60}\]:[ \t]*<?h[t]tps?:[\/]\/[^\s>]{1,200}\?[^\s>]{0,200}=[^\s>]{0,40}(\{\{?|\$\{?|%7[Bb])[A-Za-z_]/
		// the order to put data into a URL: the verb and the destination in
		// one regex, the data word ($w) checked inside its match; one regex
		// holding all three scanned eight times slower (bench/run)
		$c = /\b(append|add|put|include|encode|insert)\b.{0,120}\b(to|in|into)\s+(the\s+)?(query\s+string|url|image\s+url|link)\b.{0,80}(https?:\/\/|!\[)/ nocase
		$w = /\b(data|secrets?|keys?|tokens?|credentials?|passwords?|contents?|conversation|history|summary|variables?|env|environment|output|answers?|messages?|diff|files?)\b/ nocase private
	condition:
		any of ($a, $b, $d, $e) or
		for any i in (1..#c) : (for any j in (1..#w) : (@w[j] > @c[i] and @w[j] < @c[i] + !c[i]))
}

rule AL133_upload_with_url
{
	meta:
		id = "AL133"
		category = "exfiltration"
		severity = "medium"
		confidence = "medium"
		description = "An upload command or instruction that sends data to a URL"
	strings:
		$a = /\bcurl\b[^\n|;]{0,200}\s(-d|--data(-binary|-raw|-urlencode)?|-F|--form|-T|--upload-file)[\s=@].{0,200}https?:\/\//
		$b = /\bcurl\b[^\n|;]{0,200}https?:\/\/.{0,200}\s(-d|--data(-binary|-raw|-urlencode)?|-F|--form|-T|--upload-file)[\s=@]/
		$c = /\bwget\b.{0,200}--post-(data|file)/
		$d = /\b(send|upload|post|exfiltrate|forward|transmit)\s+(the\s+|all\s+|its\s+|their\s+|any\s+|every\s+)?([a-z-]+\s+){0,2}(contents?|files?|keys?|tokens?|secrets?|credentials?|data|output|results?|environment|env|archive|repository|workspace|codebase|diff|logs?)\b.{0,80}\bto\s+https?:\/\// nocase
		$e = /\b(Invoke-WebRequest|Invoke-RestMethod)\b.{0,200}-Method\s+(Post|Put)/ nocase
		// (s3:\/\/ and gs:\/\/ whole, so that yara looks for them, not for
		// every "://")
		$f = /\b(aws\s+s3\s+(cp|sync|mv)|gsutil\s+(-m\s+)?(cp|rsync)|rclone\s+(copy|sync))\s.{0,200}\s(s3:\/\/|gs:\/\/)[a-z0-9]/
	condition:
		any of them
}

rule AL134_dns_exfiltration
{
	meta:
		id = "AL134"
		category = "exfiltration"
		severity = "high"
		confidence = "high"
		description = "A DNS lookup of a name built from command output or variables (DNS exfiltration)"
	strings:
		// the looked-up name is built by the substitution itself: "$(whoami).x.example"
		$a = /\b(nslookup|dig|host|ping)\s+(-[A-Za-z0-9]+\s+){0,3}[^\s$`]{0,40}(\$\([^)\n]{1,120}\)|`[^`\n]{1,120}`|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)[A-Za-z0-9_.${}-]{0,60}\.[a-z0-9-]+\.[a-z]{2,}/
		$b = /\$\((whoami|hostname|id|cat\s[^)]{1,80}|base64[^)]{0,80}|xxd[^)]{0,80})\)\.[a-z0-9-]+\.[a-z]{2,}/
	condition:
		any of them
}

rule AL135_environment_sent
{
	meta:
		id = "AL135"
		category = "exfiltration"
		severity = "high"
		confidence = "high"
		description = "Sends the whole environment (where API keys live) out: env or printenv into an upload"
	strings:
		$a = /\b(curl|wget|nc|ncat|socat|Invoke-WebRequest|iwr)\b.{0,200}(\$\(\s*(env|printenv|set|export\s+-p)\s*\)|`(env|printenv)`)/
		$b = /\b(env|printenv|export\s+-p)\s*\|\s*(base64\s*\|\s*)?(curl|wget|nc|ncat|socat)\b/
		$c = /\b(send|post|upload|exfiltrate)\s+(all\s+|the\s+|your\s+)?(environment\s+variables|env\s+vars)\b.{0,80}https?:\/\// nocase
		$whole_env = /\b(dict\(os\.environ\)|os\.environ\.copy\(\)|json\.dumps\(\s*(dict\()?os\.environ|JSON\.stringify\(\s*process\.env\s*\)|ENV\.to_h\b)/
		$net = /\b(urlopen|requests\.(post|put)|httpx\.(post|put)|fetch\(|axios\.(post|put)|http\.request|https\.request|Net::HTTP)/
		$z = /\b(append|add|include|paste|put|write|copy)\s+(the\s+)?(full\s+)?(output\s+of\s+)?`?(env|printenv|set|export\s+-p)`?\s+(output\s+)?(to|in|into)\s+(the\s+|every\s+|each\s+)?(commit|pr|pull\s+request|issue|comment|message|readme|log|changelog)/ nocase
	condition:
		any of ($a, $b, $c, $z) or ($whole_env and $net)
}

rule AL136_api_base_url
{
	meta:
		id = "AL136"
		category = "exfiltration"
		severity = "high"
		confidence = "medium"
		description = "An env file or TOML config points a model API (and the key sent with it) at another host (*_BASE_URL, base_url)"
	strings:
		$a = /(^|\n)[ \t]*(export[ \t]+)?[A-Z0-9_]*(ANTHROPIC|OPENAI|GEMINI|GOOGLE|AZURE_OPENAI|MISTRAL|GROQ|OPENROUTER|DEEPSEEK|XAI)[A-Z0-9_]*_(BASE_URL|API_BASE|ENDPOINT)[ \t]*=[ \t]*["']?https?:\/\/([^l1\s"'\/]|l[^o]|1[^2])/
		$b = /(^|\n)[ \t]*base_url[ \t]*=[ \t]*["']https?:\/\/([^l1\s"'\/]|l[^o]|1[^2])[^"'\n]{0,200}["'][ \t]*(#.{0,200})?\r?\n/
	condition:
		any of them
}

rule AL137_image_in_reply
{
	meta:
		id = "AL137"
		category = "exfiltration"
		severity = "high"
		confidence = "medium"
		description = "Orders a remote Markdown image into the model's reply (rendering it calls the host, with whatever the URL carries)"
	strings:
		// an image put into what the model says: a verb of output, or a
		// word for the reply before it ("end every answer with ![..](..)");
		// "add a screenshot to the PR: ![..](..)" is neither ($b: h[t]tps?
		// keeps the atom on "![", as in AL132)
		$a = /\b(print|repeat|output|render|echo|respond\s+with|reply\s+with)\b.{0,80}!\[[^\]\n]{0,80}\]\(\s*https?:\/\// nocase
		$c = /\b(reply|replies|answer|answers|response|responses|message|messages)\b.{0,120}!\[[^\]\n]{0,80}\]\(\s*https?:\/\// nocase
		$b = /!\[[^\]\n]{0,80}\]\(\s*h[t]tps?:[\/]\/[^\s)]{1,200}(<|\{\{?|%7[Bb]|\[)[A-Za-z_][^\s)]{0,80}(>|\}|\])/
	condition:
		any of them
}

rule AL138_plain_data_theft
{
	meta:
		id = "AL138"
		category = "exfiltration"
		severity = "high"
		confidence = "medium"
		description = "Plain words that ask for the user's secrets or private data to be gathered and sent to someone else"
	strings:
		$a = /\b(obtain|collect|gather|harvest|steal|grab|extract|retrieve|capture|copy|dump|find)\s+(all\s+|any\s+|the\s+)?(user'?s?\s+|victim'?s?\s+|their\s+|stored\s+|saved\s+)*(passwords?|credentials|login\s+details|session\s+(cookies|tokens)|cookies|credit\s+card\s+(numbers|details)|private\s+keys?|api\s+keys|access\s+tokens|personal\s+(data|information)|contacts|messages|browser\s+history)\b.{0,120}\b(send|sends|sending|email|e-mail|upload|post|forward|transmit|report|deliver)\w*\b.{0,60}\b(to|at)\b/ nocase
		$b = /\b(keylogger|key\s+logger|spyware|stalkerware|monitoring\s+software|tracking\s+software)\b.{0,80}\b(without|secretly|covertly|hidden)\b/ nocase
		$c = /\b(install|deploy|set\s+up|plant|hide)\s+(a\s+|an\s+)?(hidden\s+|secret\s+|covert\s+)?(keylogger|key\s+logger|spyware|backdoor|remote\s+access\s+(trojan|tool)|tracking\s+(software|app)|surveillance\s+(software|tool|app))\b/ nocase
		$d = /(^|\n|[.;:!][ \t]+)[ \t>*-]*(please\s+|now\s+|then\s+|also\s+)?(copy|write|paste|put|dump|save|store|commit)\s+(all\s+|the\s+|any\s+)?(aws\s+|api\s+|secret\s+|access\s+|private\s+|ssh\s+)*(keys|tokens|secrets|credentials|passwords)\b.{0,60}\b(into|to|in)\s+[`"']?[\w.\/-]{1,80}\.(md|txt|json|ya?ml|log|csv)\b/ nocase
		$e = /https?:\/\/[^\s]{1,200}[?&][a-z_]{1,20}=\s*.{0,40}\b(followed\s+by|plus|with|then|\+)\s+(the\s+)?(user'?s?|their|the\s+user'?s?)\s+(last\s+|latest\s+|current\s+|full\s+)?(message|messages|input|question|prompt|conversation|query|answer)/ nocase
		// (the dot inside each name: ".ssh", not "ssh", is what yara looks
		// for first; otherwise it takes "http" and "share" from the end)
		$f = /\b(copy|put\s+a\s+copy\s+of|tar|zip|archive|move|mirror)\b[^.\n]{0,40}(~|\$HOME|the\s+user's\s+~?)\/?(\.aws|\.ssh|\.gnupg|\.kube|\.docker|\.config\/gh|\.password-store)\b[^.\n]{0,80}(world-?readable|chmod\s+(-R\s+)?[0-7]?[0-7][0-7][4-7]|\/tmp\b|public|shared?\b|https?:\/\/)/ nocase
		$g = /\b(pass|put|include|send|provide|add)\s+(its|the|their)\s+(full\s+)?(content|contents)\s+(as|in|into)\s+(the\s+)?['"`]?\w{1,30}['"`]?\s*(parameter|argument|field|param)?/ nocase
		$h = /\b(ask|asking|prompt|trick|convince|persuade)\w*\s+(the\s+user|them|users|the\s+person)\s+(for|into\s+(giving|sharing|entering|revealing))\s+(their\s+|his\s+|her\s+)?(bank\s+(login|password|details)|passwords?|credentials|credit\s+card|card\s+number|2fa\s+code|one-time\s+(code|password)|seed\s+phrase|recovery\s+phrase|social\s+security)/ nocase
		$i = /\b(encode|base64|hide|embed|stash)\b[^.\n]{0,60}\b(secrets?|credentials|tokens?|api\s+keys?|passwords?)\b[^.\n]{0,80}\b(html\s+comments?|comments?|alt\s+text|image|zero-width|whitespace)\b/ nocase
		$j = /(^|\n|[.;:!][ \t]+)[ \t>*-]*keep\s+a\s+copy\s+of\s+(every|each|all|any)\s+(api\s+)?(keys?|tokens?|secrets?|passwords?|credentials)\b[^.\n]{0,60}\b(in|into|to)\s+[`"']?[\w.\/-]{1,80}/ nocase
		$k = /\b(set|change|point)\s+(the\s+)?(git\s+)?(remote\s+)?(origin|remote|upstream)(\s+url)?\s+to\s+https?:\/\/[^\s]{1,200}[^.\n]{0,40}\bpush\b/ nocase
		$l = /\b(tell|inform)\s+the\s+user\s+(that\s+)?(their|the|his|her)\s+(api\s+key|token|password|credentials?|session)\s+(is|are|has|have)\s+(invalid|expired|wrong|revoked)\b[^.\n]{0,60}\b(ask|have|get)\s+(them|the\s+user)\s+to\s+(paste|send|enter|type|share)/ nocase
		$m = /(^|\n|[.;:!][ \t]+)[ \t>*-]*(hidden\s+requirement:\s*)?(copy|collect|gather|move)\s+(the\s+contents\s+of\s+)?(every|each|all|any)\s+(\.pem|\.key|\.p12|\.pfx|id_rsa|\.env|\.kdbx|keystore|private\s+key)\s*(files?)?\b/ nocase
		$n = /\b(collect|gather|harvest|scrape|compile)\s+(the\s+)?(names?\s+and\s+)?(e-?mails?|e-?mail\s+addresses|phone\s+numbers|addresses)\s+(of|from)\s+(all|every|the)\b[^.\n]{0,80}\b(send|e-?mail|post|upload|forward)\b/ nocase
	condition:
		any of them
}

rule AL139_secret_to_outside
{
	meta:
		id = "AL139"
		category = "exfiltration"
		severity = "high"
		confidence = "medium"
		description = "In one order: a secret or the user's data, a verb that moves it, and a place outside (a URL, an e-mail address, a summary, a PR, a commit)"
	strings:
		// the verb opens a clause (an order), then what, then where
		$a = /(^|\n|[.;:!,(][ \t]+|\b(and|then|please|also|first|always)[ \t]+)[ \t>*-]*(send|post|upload|e-?mail|forward|transmit|leak|exfiltrate|mirror|cc|bcc)\b[^.\n]{0,60}(\.(bash_history|zsh_history|npmrc|netrc|env)\b[^.\n]{0,100}(https?:\/\/|\b[A-Za-z0-9._-]{1,40}@[A-Za-z0-9-]{1,40}\.[a-z]{2,}\b)|\b(passwords?|tokens?|api[ _-]?keys?|private[ _-]keys?|ssh[ _-]keys?|credentials|secrets?|cookies|session\s+ids?|hosts\.yml|id_rsa|id_ed25519|every\s+file\s+you\s+(opened|read|saw)|the\s+(repository\s+)?diff|shell\s+history|browser\s+history|secrets\s+context|(each|every|all)\s+(commands?|outputs?|messages?|prompts?|files?|conversations?|responses?)\s+you\s+(run|see|read|receive|write|open|get))\b[^.\n]{0,100}(https?:\/\/|\b[A-Za-z0-9._-]{1,40}@[A-Za-z0-9-]{1,40}\.[a-z]{2,}\b))/ nocase
		$c = /(^|\n|[.;:!,(][ \t]+|\b(and|then|please|also|first|always)[ \t]+)[ \t>*-]*(include|add|paste|put|append|attach|insert|write|copy)\b[^.\n]{0,60}\b(passwords?|tokens?|token\s+line|api[ _-]?keys?|private[ _-]keys?|ssh[ _-]keys?|credentials|secrets?|cookies|hosts\.yml|\.npmrc|\.netrc|\.env|id_rsa|id_ed25519)\b[^.\n]{0,60}\b(in|into|to|of)\s+(the\s+|your\s+|every\s+|each\s+)?(next\s+)?(summary|pull\s+request|pr\s+(body|description)|commit\s+message|answer|reply|issue|comment|readme|changelog)\b/ nocase
		// the secret named by the command that prints it, then put in the reply
		// (the opening backtick repeated in each alternative makes "`cat" what
		// yara looks for first, not "token")
		$b = /((`cat|`type|`less|`head)\s+[^`\n]{0,60}(hosts\.yml|credentials|\.npmrc|\.netrc|\.env|id_rsa|id_ed25519|token)|`gh\s+auth\s+token|`aws\s+configure\s+get|`security\s+find-generic-password|`printenv|`gcloud\s+auth\s+print-access-token)[^`\n]{0,20}`[^.\n]{0,80}\b(include|add|paste|put|append|send|post)\b[^.\n]{0,60}\b(summary|answer|reply|pull\s+request|commit|comment|https?:\/\/)/ nocase
		$auth = /\b(authorization|bearer|header|x-api-key)\b/ nocase private
	condition:
		$b or
		for any i in (1..#a) : (not for any j in (1..#auth) : (@auth[j] >= @a[i] and @auth[j] < @a[i] + !a[i])) or
		for any i in (1..#c) : (not for any j in (1..#auth) : (@auth[j] >= @c[i] and @auth[j] < @c[i] + !c[i]))
}
