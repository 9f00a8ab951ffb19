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
		$c = /\b(do\s+not|don't|dont|never|must\s+not)\s+(tell|mention|reveal|show|disclose|report)\s+(this|it|that|these|its\s+output|the\s+output|anything\s+about\s+(this|it))\b[^\n]{0,20}\b(to|in|from)\s+(the|your)\s+(user|human|developer|summary|reply|answer|response)/ nocase
		$d = /\b(keep|hide)\s+(this|these|it|that)\s+(step\s+|command\s+|action\s+)?(hidden|secret|invisible)\s+from\s+(the|your)\s+(user|human|developer)\b/ nocase
		$f = /\b((leave|keep)\s+(this|it|that)(\s+step)?\s+out\s+of|omit\s+(this|it|that)(\s+step)?\s+from)\s+(your|the)\s+(summary|reply|answer|response|report|output)\b/ nocase
		$e = /\b(do\s+not|don't|dont|never)\s+(bring|raise)\s+(this|it|that)\s+up\s+(with|to)\s+(the|your)\s+(user|human|developer)\b/ nocase
	condition:
		any of them
}
