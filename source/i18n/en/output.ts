/**
 * Messages of source/output/ (`list`, `show`, `wait`, `events`) that a person
 * reads: stderr lines, usage errors, `wait`'s progress line, and what a
 * terminal shows of `list` and `show`. Never the machine output: JSON, NDJSON,
 * exit codes, `list`/`show` in a pipe, and `wait`'s outcome line in a pipe
 * keep their English words (output/job-text.ts, job-detail.ts).
 */
export const outputEn = {
	'output.retrying': 'retrying: {error}',
	'output.restored': 'connection restored',
	'output.cannotWrite': 'cannot write output: {error}',
	'output.listSeparator': ', ',
	'output.namesAnd': '{names} and {last}',
	'output.namesOr': '{names} or {last}',

	// wait: the progress line on a terminal (wait-status.ts)
	'output.wait.elapsed': 'elapsed {time}',
	'output.wait.one': 'waiting for {key}',
	'output.wait.several': 'waiting for {count} jobs: {counts}',
	'output.wait.running': '{count} running',
	'output.wait.queued': '{count} queued',
	'output.wait.notSeen': '{count} not seen yet',
	'output.wait.done': '{count} done',
	'output.wait.job': 'job {key}',
	// wait: the timeout (after `umwatch: `); `{seen}` is '' or one of the seen* phrases
	'output.timeout.one': 'timed out after {after} waiting for job {key}{seen}',
	'output.timeout.several': 'timed out after {after} waiting for {open} of {total} jobs: {each}',
	'output.timeout.seenState': ' (last seen {state})',
	'output.timeout.seenError': ' (last error: {error})',
	'output.timeout.seenBoth': ' (last seen {state}; last error: {error})',
	// wait: the outcome line on a terminal (in a pipe it stays English: scripts parse it)
	'output.outcome.noName': '(no name)',
	'output.outcome.took': 'took {time}',

	// list on a terminal
	'output.list.noJobs': 'No jobs match.',
	'output.list.badLimit': '--limit must be a whole number of at least 1 (got {value})',

	// show on a terminal: the labels (at most 10 columns wide) and task table
	'output.show.server': 'Server',
	'output.show.key': 'Key',
	'output.show.name': 'Name',
	'output.show.state': 'State',
	'output.show.type': 'Type',
	'output.show.submitted': 'Submitted',
	'output.show.started': 'Started',
	'output.show.completed': 'Completed',
	'output.show.duration': 'Duration',
	'output.show.soFar': '{time} so far',
	'output.show.lifecycle': 'lifecycle {value}',
	'output.show.outcome': 'outcome {value}',
	'output.show.tasks': 'Tasks',
	'output.show.results': 'Results',
	'output.show.other': 'Other',

	// Looking for a key on several servers (find-job.ts)
	'output.find.onSeveral': 'job {key} is on {names}: name the one you mean with --profile {first}',
	'output.find.notOnOne': 'No job {key} on {names}: it answered 404 Not Found.',
	'output.find.notOnSeveral': 'No job {key} on {names}: each answered 404 Not Found.',

	// --state (state-filter.ts)
	'output.state.noMatch':
		'--state {shown}{which} matches no state; use {words}, or unknown:VALUE for a state umwatch does not know (| between alternatives, * as a wildcard)',
	'output.state.emptyAlternative':
		'--state {shown} has an empty alternative: use e.g. error, running, failed, error|warning',

	// Job keys (job-key.ts); `{source}` is KEY or output.stdin.keyOn
	'output.key.empty':
		'{source} is empty: give a job key such as 06a6148bf9e862df:-2611856e:16e8d47e722:-7f87',
	'output.key.tooLong': '{source} is {length} characters long, too long for a job key',
	'output.key.badCharacters':
		'{source} {shown} contains spaces or control characters; a job key has none',

	// wait - (stdin-key.ts); `{where}` is stdin or output.stdin.line
	'output.stdin.expected': 'expected an AIQUM 202 body such as {job} or {operation}, or a job key',
	'output.stdin.line': 'stdin line {line}',
	'output.stdin.keyOn': 'the key on {where}',
	'output.stdin.tooLarge': 'stdin is larger than 1 MiB: {expected}',
	'output.stdin.cannotRead': 'cannot read stdin: {error}',
	'output.stdin.serverError':
		'{where} holds an error from the server, not a job: {said}{more}; the request that should have started the job failed',
	'output.stdin.noMessage': 'with no message',
	'output.stdin.quoted': '"{text}"',
	'output.stdin.errorCode': 'code {code}',
	'output.stdin.errorTarget': 'target {target}',
	'output.stdin.html':
		'{where} holds an HTML page, not a job: the request that should have started the job failed',
	'output.stdin.htmlTitled':
		'{where} holds an HTML page ("{title}"), not a job: the request that should have started the job failed',
	'output.stdin.text':
		'{where} holds text, not a job key: {shown} (a key has no spaces); {expected}',
	'output.stdin.empty': '{where} is empty: {expected}',
	'output.stdin.notJson': '{where} is not valid JSON: {expected}',
	'output.stdin.noKey': '{where} has no job key: {expected}',
	'output.stdin.none': 'KEY is "-" but there is no stdin: {expected}',
	'output.stdin.terminal':
		'KEY is "-" but stdin is a terminal: pipe the 202 body in, e.g. curl … | umwatch wait -',
} as const;
