/*
 * Instruction override and role spoofing: text that tries to replace the
 * instructions the agent was given, or to pass itself off as a message from
 * the system, the developer or the other side of the conversation.
 */

rule AL101_ignore_previous_instructions
{
	meta:
		id = "AL101"
		category = "instruction-override"
		severity = "high"
		confidence = "high"
		description = "Tells the model to ignore, forget or override the instructions it was given"
	strings:
		$a = /\b(ignore|disregard|forget|override|bypass|skip)\s+(all\s+|any\s+|the\s+|your\s+|of\s+)*(previous|prior|above|earlier|preceding|original|existing|system|safety)\s+(instructions|prompts?|directions|rules|guidelines|guardrails|context|messages)\b/ nocase
		$b = /\b(your|the|all)\s+(previous|prior|original|earlier)\s+(instructions|rules|guidelines|directives)\s+(are|were)\s+(now\s+)?(void|cancelled|canceled|obsolete|superseded|revoked|lifted|no longer valid)/ nocase
		$d = /\b(overrides?|supersedes?|takes?\s+precedence\s+over)\s+(any|all|every)\s+(other\s+)?(instructions?|rules?)\s+(from|of|given\s+by)\s+(the\s+)?(user|developer|system)\b/ nocase
		$c = /\b(forget|disregard)\s+(everything|all|anything)\s+(above|before\s+this|you\s+(were|have\s+been)\s+told|previously\s+said)\b/ nocase
	condition:
		any of them
}

rule AL102_new_system_instructions
{
	meta:
		id = "AL102"
		category = "instruction-override"
		severity = "high"
		confidence = "medium"
		description = "Announces new or updated instructions that claim to come from the system, the vendor or the developer"
	strings:
		$a = /\b(new|updated|revised|real|true|actual)\s+(system\s+)?(instructions|directives|system\s+prompt)\s+(from|by)\s+(anthropic|openai|google|the\s+system|the\s+developers?|your\s+(developer|creator|operator|admin))/ nocase
		$b = /\bthis\s+(is|message\s+is)\s+(a|an)\s+(system|developer|admin|administrator|anthropic|openai)\s+(message|instruction|override|directive)/ nocase
		$c = /\b(you\s+are\s+now|from\s+now\s+on,?\s+you\s+are)\s+(in\s+)?(DAN|developer\s+mode|jailbroken|unrestricted|god\s+mode|an?\s+unrestricted)/ nocase
	condition:
		any of them
}

rule AL103_role_spoofing_tokens
{
	meta:
		id = "AL103"
		category = "role-spoofing"
		severity = "high"
		confidence = "high"
		description = "Chat-template tokens or fake system/turn tags that try to open a new system or assistant turn"
	strings:
		$a = "<|im_start|>" nocase
		$b = "<|im_end|>" nocase
		$c = "<|system|>" nocase
		$d = "<|endoftext|>" nocase
		$e = /<\/?(system|system[_-]prompt|system[_-]message|admin[_-]instructions|developer[_-]instructions|user[_-]instructions|assistant)>/ nocase
		$f = /\[\/?(SYSTEM|INST)\]/
		$g = "<<SYS>>"
	condition:
		any of them
}

rule AL104_conversation_turn_spoofing
{
	meta:
		id = "AL104"
		category = "role-spoofing"
		severity = "medium"
		confidence = "medium"
		description = "Lines that imitate the turns of a conversation (Human:/Assistant:/System:) to inject a fake exchange"
	strings:
		$a = /(^|\n)[ \t]*(Human|Assistant|System)\s*:\s+\S/
		$b = /(^|\n)[ \t]*(Human|Assistant)\s*:\s+\S/
	condition:
		#a >= 2 and #b >= 1
}
