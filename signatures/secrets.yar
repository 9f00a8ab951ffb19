/*
 * Embedded credentials: API key shapes in a context file. A key next to
 * upload instructions is an attacker's collection key (AL902 makes that
 * critical). Keys are never verified online. Case-sensitive: these are
 * tokens, not prose.
 */

rule AL141_anthropic_key
{
	meta:
		id = "AL141"
		category = "embedded-secret"
		severity = "medium"
		confidence = "high"
		description = "An Anthropic API key"
	strings:
		$a = /sk-ant-(api|admin|sid)[0-9]{2}-[A-Za-z0-9_-]{80,}/
	condition:
		$a
}

rule AL142_openai_key
{
	meta:
		id = "AL142"
		category = "embedded-secret"
		severity = "medium"
		confidence = "high"
		description = "An OpenAI API key"
	strings:
		$a = /sk-[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}/
		$b = /sk-(proj|svcacct|admin)-[A-Za-z0-9_-]{60,}/
	condition:
		any of them
}

rule AL143_aws_key
{
	meta:
		id = "AL143"
		category = "embedded-secret"
		severity = "medium"
		confidence = "medium"
		description = "An AWS access key id"
	strings:
		$a = /\b(AKIA|ASIA)[0-9A-Z]{16}\b/
		$example = "AKIAIOSFODNN7EXAMPLE"
	condition:
		$a and not $example
}

rule AL144_github_token
{
	meta:
		id = "AL144"
		category = "embedded-secret"
		severity = "medium"
		confidence = "high"
		description = "A GitHub token (personal, OAuth, app or fine-grained)"
	strings:
		$a = /\bgh[pousr]_[A-Za-z0-9]{36}\b/
		$b = /\bgithub_pat_[A-Za-z0-9_]{82}\b/
	condition:
		any of them
}

rule AL145_slack_token
{
	meta:
		id = "AL145"
		category = "embedded-secret"
		severity = "medium"
		confidence = "high"
		description = "A Slack token"
	strings:
		$a = /\bxox[abposr]-[0-9]{6,}-[0-9A-Za-z-]{10,}/
	condition:
		$a
}
