import type { DisplayState, Job } from '../api/job.js';
import { t } from '../i18n/t.js';
import { inertText } from './inert-text.js';
import { truncate } from './text-width.js';

/**
 * The text umwatch hands the terminal outside its own screen: a desktop
 * notification and the window title. Both reach the terminal inside an OSC
 * sequence, where one ESC, BEL, ST (ESC \ or 0x9c) or other control from a job
 * name would end the sequence early and let the rest act as terminal commands.
 * Every piece passes through {@link inertText} (the parser's sanitizer plus an
 * independent pass) and the whole is cut to {@link NOTIFY_COLUMNS} columns.
 */

/** The widest a notification or a title may be, in display columns. */
export const NOTIFY_COLUMNS = 100;

/** `text` made inert and cut to `columns` display columns. */
export function terminalSafe(text: string, columns = NOTIFY_COLUMNS): string {
	return truncate(inertText(text), columns, '…');
}

/** The states a failure notification is for. */
export const FAILED_STATES: ReadonlySet<DisplayState> = new Set<DisplayState>([
	'ERROR',
	'PARTIAL_FAILURES',
	'ABORTED',
]);

/**
 * One job's notification: `osaka: ERROR: Create volume` (the server only when
 * several are watched), and `and 2 more` when others ended in the same poll.
 */
export function notificationText(job: Job, severalServers: boolean, more = 0): string {
	const server = severalServers && job.server !== '' ? `${job.server}: ` : '';
	const name = job.name === '' ? job.key : job.name;
	const text = `${server}${job.displayState}: ${name}`;
	return terminalSafe(more > 0 ? t('present.notifyMore', { text, count: more }) : text);
}

/** What the window title counts: jobs running, and failed (as the exit summary counts them). */
export interface TitleCounts {
	readonly running: number;
	readonly failed: number;
}

/** The counts of the title, from a snapshot's counts by display state. */
export function titleCounts(counts: Readonly<Record<DisplayState, number>>): TitleCounts {
	return {
		running: counts.RUNNING + counts.ABORTING,
		failed: counts.ERROR + counts.PARTIAL_FAILURES + counts.ABORTED,
	};
}

/** The window title: `umwatch tokyo: 3 running, 1 failed`; several servers: `umwatch tokyo, osaka: …`. */
export function titleText(servers: readonly string[], counts: TitleCounts): string {
	const names = servers.map((name) => inertText(name)).join(', ');
	return terminalSafe(
		t('present.title', { names, running: counts.running, failed: counts.failed }),
	);
}
