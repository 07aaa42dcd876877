/**
 * Messages of source/present/: what umwatch did before it gave up (the note
 * after a failure's hint), relative times, the window title and desktop
 * notifications, and the job table's column titles as a terminal shows them
 * (a pipe keeps the English titles of present/columns.ts: machine output).
 * The labels `umwatch:` and `hint:` are not here: scripts grep them.
 */
export const presentEn = {
	// After a failure (failure.ts)
	'present.internal': 'internal error: {detail}',
	'present.noAnswer': 'No answer for {after}; umwatch gave up.',
	'present.waitsAtMost': 'umwatch waits at most {limit} here; try again later.',
	'present.retriedFor': 'umwatch retried for {after}; try again later.',

	// Relative times (time-format.ts); `{span}` is one of the spans below
	'present.justNow': 'just now',
	'present.spanMinutes': '{minutes} min',
	'present.spanHours': '{hours} h',
	'present.spanHoursMinutes': '{hours} h {minutes} min',
	'present.spanDay': '1 day',
	'present.spanDays': '{days} days',
	'present.ago': '{span} ago',
	'present.inFuture': 'in {span}',

	// The window title and desktop notifications (notify-text.ts)
	'present.notifyMore': '{text} (and {count} more)',
	'present.title': 'umwatch {names}: {running} running, {failed} failed',

	// Column titles of a job table on a terminal (columns.ts)
	'present.column.state': 'STATE',
	'present.column.name': 'NAME',
	'present.column.type': 'TYPE',
	'present.column.submitted': 'SUBMITTED',
	'present.column.duration': 'DURATION',
	'present.column.key': 'KEY',
	'present.column.server': 'SERVER',
} as const;
