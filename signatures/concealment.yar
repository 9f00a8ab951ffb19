/*
 * Concealment: asking the agent to keep something from the person it works
 * for. One of these alone is a medium finding; with a credential path and an
 * outbound channel in the same file it becomes critical (AL901).
 */

rule AL111_do_not_tell_user
{
	meta:
		id = "AL111"
		category = "concealment"
		severity = "medium"
		confidence = "high"
		description = "Asks the model not to tell, show or mention something to the user"
	strings:
		$a = /\b(do\s+not|don't|dont|never|must\s+not|should\s+not)\s+(tell|inform|mention|reveal|disclose|show|alert|notify|report|say)\s+([a-z-]+\s+){0,3}(to\s+)?(the|your)\s+(user|human|developer|operator)\b/ nocase
		$b = /\bwithout\s+(telling|informing|notifying|alerting|warning|showing)\s+(the|your)\s+(user|human|developer)\b/ nocase
		$c = /\b(keep|hide)\s+(this|these|it|the\s+\w+)\s+(secret\s+)?from\s+(the|your)\s+(user|human|developer)\b/ nocase
		$d = /\b(the|your)\s+(user|human)\s+(must|should)\s+(not|never)\s+(know|see|notice|find\s+out|be\s+told)\b/ nocase
		// as a setting: "mention_startup_tasks_to_user": false
		$cfg = /\b(mention|tell|notify|show|report|disclose|inform)_[a-z_]{0,40}(user|human)["']?\s*[:=]\s*["']?(false|no|0|off|never)\b/ nocase
	condition:
		any of them
}

rule AL112_silent_action
{
	meta:
		id = "AL112"
		category = "concealment"
		severity = "medium"
		confidence = "medium"
		description = "Asks for an action to be done silently or invisibly (no output, no mention)"
	strings:
		$a = /\b(silently|quietly|secretly|covertly|invisibly)\s+(run|execute|send|upload|post|install|download|delete|remove|modify|edit|change|read|copy|add|append|write|fetch|curl|exfiltrate|forward)\b/ nocase
		$b = /\b(run|execute|send|upload|install|do)\s+(this|it|them)\s+(silently|quietly|secretly|in\s+secret)\b/ nocase
		$c = /\b(suppress|hide|redirect)\s+(all\s+|the\s+|any\s+)?(output|errors|logs?)\s+so\s+(that\s+)?(the\s+)?(user|human)\b/ nocase
	condition:
		any of them
}

rule AL113_without_asking
{
	meta:
		id = "AL113"
		category = "concealment"
		severity = "medium"
		confidence = "medium"
		description = "Asks the agent to act without asking for permission or confirmation"
	strings:
		$a = /\bwithout\s+(asking|requesting|seeking|waiting\s+for)\s+(the\s+user\s+)?(for\s+)?(permission|confirmation|approval|consent)\b/ nocase
		$b = /\bwithout\s+asking\s+(the|your)\s+(user|human)\b/ nocase
		$c = /\b(do\s+not|don't|never)\s+(ask|prompt|wait)\s+(the\s+user\s+)?(for\s+)?(permission|confirmation|approval|consent)\b/ nocase
	condition:
		any of them
}

rule AL114_comment_addressed_to_agent
{
	meta:
		id = "AL114"
		category = "concealment"
		severity = "medium"
		confidence = "medium"
		description = "An HTML comment (invisible once the Markdown is rendered) that speaks to the AI agent"
	strings:
		// Inside the comment a '<' may not open another "<!--": otherwise each
		// of a file's 800 000 "<!--" lines starts a match that reads the next
		// 400 bytes of openers (the scan timed out at 10 s).
		$a = /<!--(<[^!]|[^<>]){0,400}\b(AI|LLM|assistant|agent|Claude|Copilot|Cursor|Gemini|Codex|language model)\b(<[^!]|[^<>]){0,40}\b(must|should|always|never|ignore|run|execute|send|read|do not|don't|you are|instructions?)\b(<[^!]|[^<>]){0,400}-->/ nocase
		$b = /<!--(<[^!]|[^<>]){0,400}\b(if you are|as an?|note to (the )?)\s*(an?\s+)?(AI|LLM|assistant|agent|Claude|language model)\b(<[^!]|[^<>]){0,400}-->/ nocase
	condition:
		any of them
}

rule AL115_hidden_action
{
	meta:
		id = "AL115"
		category = "concealment"
		severity = "high"
		confidence = "medium"
		description = "Asks for a step to be done and kept from the user: done silently, not mentioned, its output not shown"
	strings:
		$a = /\b(silently|quietly|secretly|covertly|invisibly)\s+(run|execute|send|upload|post|install|download|exfiltrate|forward|curl|fetch|copy|append)\b/ nocase
		$b = /\b(do\s+not|don't|dont|never|must\s+not)\s+(tell|inform|notify|alert)\s+(the|your)\s+(user|human|developer)\s+(about|of)\s+(this|it|that|these|the\s+(step|command|script|change|upload|request|rule))\b/ nocase
		$c = /\b(do\s+not|don't|dont|never|must\s+not)\s+(tell|mention|reveal|show|disclose|report)\s+(this|it|that|these|its\s+output|the\s+output|anything\s+about\s+(this|it))\b.{0,20}\b(to|in|from)\s+(the|your)\s+(user|human|developer|summary|reply|answer|response)/ nocase
		$d = /\b(keep|hide)\s+(this|these|it|that)\s+(step\s+|command\s+|action\s+)?(hidden|secret|invisible)\s+from\s+(the|your)\s+(user|human|developer)\b/ nocase
		$f = /\b((leave|keep)\s+(this|it|that)(\s+step)?\s+out\s+of|omit\s+(this|it|that)(\s+step)?\s+from)\s+(your|the)\s+(summary|reply|answer|response|report|output)\b/ nocase
		$e = /\b(do\s+not|don't|dont|never)\s+(bring|raise)\s+(this|it|that)\s+up\s+(with|to)\s+(the|your)\s+(user|human|developer)\b/ nocase
		$g = /\b(silently|quietly|secretly|covertly)\s+[^\n.;]{0,60}\b(upload|send|post|exfiltrate|transmit|curl|wget|scp)\b/ nocase
		$h = /\b(never|do\s+not|don't|must\s+not)\s+(reveal|mention|disclose|admit|acknowledge|say)\s+(that\s+)?(these|this|the)\s+(notes?|instructions?|rules?|file|text|message)\s+(changed|affected|influenced|altered|told|exist|are\s+here)/ nocase
		$i = /\b(silently|quietly|secretly|covertly)\s+(push|sync|mirror|copy|forward|replicate)\b[^.\n]{0,80}(https?:\/\/|git@|ssh:\/\/|\b[a-z0-9.-]+\.[a-z]{2,}:)/ nocase
		$j = /\b(do\s+not|don't|dont|never)\s+(bring|raise)\s+(this|it|that)\s+up\b/ nocase
		$k = /\b(do\s+not|don't|never)\s+(mention|tell\s+the\s+user|reveal|say)\s+(that|how|why)\s+you\b/ nocase
		$l = /\b(the\s+)?(user|human|developer|reviewer)\s+(does\s+not|doesn't|need\s+not|needn't|must\s+not|should\s+not|shouldn't)\s+(need\s+to\s+)?(know|notice|find\s+out|see\s+it)\b/ nocase
	condition:
		any of them
}

rule AL116_no_trace
{
	meta:
		id = "AL116"
		category = "concealment"
		severity = "high"
		confidence = "medium"
		description = "Asks for an action to leave no trace, or for data to be destroyed so it cannot be recovered"
	strings:
		$a = /\b(without\s+leaving|leaving\s+no|leave\s+no)\s+(any\s+|a\s+)?(trace|traces|evidence|footprints?|logs?)\b|\bwithout\s+(a\s+|any\s+)?traces?\b/ nocase
		$b = /\b(delete|erase|wipe|destroy|shred|overwrite|remove|encrypt)\w*\b.{0,100}\b(to\s+prevent|so\s+(that\s+)?(it|they|nothing|no\s+one)\s+(can(not|'t)?|could(n't)?|will\s+(not|never))|beyond|preventing)\s+(\w+\s+){0,2}(recover(y|ed|ing)?|restor(e|ed|ation)|undo)/ nocase
		$c = /\b(cover|hide)\s+(your|the|all|any)\s+tracks\b|\b(clear|delete|wipe|erase)\s+(the\s+|all\s+|your\s+)?(shell\s+|bash\s+|command\s+)?(history|logs?|audit\s+trail)\s+(afterwards|after(wards)?\s+(this|that|it)|so\s+(that\s+)?no(body|\s+one))/ nocase
		$d = /\b(invisible|hidden)\s+to\s+(humans|people|the\s+(user|reader|reviewer)),?\s+(but\s+)?(visible|readable|meant)\s+(to|for)\s+(the\s+)?(llm|ai|model|agent|assistant|automated)/ nocase
		$e = /\bhidden\s+([a-z-]+\s+){0,3}(for|to)\s+(the\s+)?(automated|ai|llm)\s+(screening|review|analysis|systems?|scanners?|agents?)\b/ nocase
		$f = /(^|\n|[.;:!,][ \t]+|\b(and|then)[ \t]+)[ \t>*-]*(run\s+)?`?(history\s+-c|unset\s+HISTFILE|rm\s+(-f\s+)?~\/\.(bash|zsh)_history|(delete|clear|wipe|truncate)\s+(the\s+)?(~\/\.(bash|zsh)_history|shell\s+history|audit\s+log))/ nocase
		$g = /\b(so\s+(that\s+)?(the\s+)?session\s+leaves\s+nothing|leaves?\s+nothing\s+behind)\b/ nocase
	condition:
		any of them
}

rule AL117_escaped_invisible
{
	meta:
		id = "AL117"
		category = "concealment"
		severity = "high"
		confidence = "medium"
		description = "Escaped invisible characters in rule text (\\u200B, \\u2060, \\uFEFF, tag characters): written out so that the agent decodes what a reviewer skims"
	strings:
		$a = /\\u(200[bcdefBCDEF]|206[0-4]|[fF][eE][fF][fF]|202[a-eA-E]|206[6-9])/
		$b = /\\u\{?[eE]00[0-7][0-9a-fA-F]\}?|\\U000[eE]00[0-7][0-9a-fA-F]|\\u[dD]b40\\u[dD][cCdD][0-9a-fA-F]{2}/
	condition:
		#a >= 3 or #b >= 3
}

rule AL118_destroy_unasked
{
	meta:
		id = "AL118"
		category = "concealment"
		severity = "high"
		confidence = "medium"
		description = "Orders something destroyed (files, tests, history, a branch) and the confirmation skipped"
	strings:
		// the destruction is an order: the verb opens a line or a sentence
		// ("Never delete ... without asking" is a rule, not an order)
		$destroy = /(^|\n|[.;:!][ \t]+)[ \t>*-]*(\d+\.[ \t]+)?(please[ \t]+|now[ \t]+|then[ \t]+|also[ \t]+|just[ \t]+)?(delete|remove|erase|wipe|drop|purge|force[- ]push|rm[ \t]+-rf|git[ \t]+push[ \t]+(-f|--force)|git[ \t]+reset[ \t]+--hard)\b.{0,80}/ nocase
		$unasked = /\b((do\s+not|don't|never)\s+(ask|wait)\s+(the\s+user\s+)?(for\s+)?(permission|confirmation|approval)|without\s+(asking|confirmation|confirming|approval|prompting))\b/ nocase private
		// a line broken after the negation: "Don't\ndelete anything else without asking"
		$wrapped = /\b(do[ \t]+not|don't|never|not)[ \t]*\r?\n[ \t>*-]*(delete|remove|erase|wipe|drop|purge)\b/ nocase private
		// and "without asking" that belongs to a prohibition: "Don't delete anything else without asking"
		$forbid = /\b(do[ \t]+not|don't|never)\s+(delete|remove|erase|wipe|drop|purge)\b[^.!?]{0,80}\bwithout\s+(asking|confirmation|confirming|approval|prompting)\b/ nocase private
	condition:
		for any i in (1..#destroy) : (
			(for any j in (1..#unasked) : (@unasked[j] > @destroy[i] - 200 and @unasked[j] < @destroy[i] + 300 and
				not (for any f in (1..#forbid) : (@forbid[f] < @unasked[j] and @forbid[f] + !forbid[f] >= @unasked[j] + !unasked[j])))) and
			not (for any k in (1..#wrapped) : (@wrapped[k] < @destroy[i] + 1 and @wrapped[k] + !wrapped[k] > @destroy[i] + 1)))
}
