import { ExitCode, type ExitCodeValue, exitCodeForJob } from '../api/exit-codes.js';
import type { Job } from '../api/job.js';
import { formatDuration } from '../present/duration-format.js';
import { type Glyphs, stateStyle } from '../present/theme.js';
import { stateLabel } from './job-text.js';
import { inertText } from './safe-text.js';
import type { JobWatch } from './wait-group.js';

/**
 * How bad each way a job can end is for `wait` with several keys, worst
 * last: normal, warning, partial failures, error, aborted, then a state umwatch
 * does not know (12): it may hide any of them, so a script must look.
 */
const OUTCOME_RANK: readonly ExitCodeValue[] = [
	ExitCode.Normal,
	ExitCode.Warning,
	ExitCode.PartialFailures,
	ExitCode.Error,
	ExitCode.Aborted,
	ExitCode.UnknownOutcome,
];

/** The exit code of the worst outcome among `jobs` (all over), by {@link OUTCOME_RANK}. */
export function worstOutcomeCode(jobs: readonly Job[]): ExitCodeValue {
	let worst: ExitCodeValue = ExitCode.Normal;
	for (const job of jobs) {
		const code = exitCodeForJob(job);
		if (OUTCOME_RANK.indexOf(code) > OUTCOME_RANK.indexOf(worst)) worst = code;
	}
	return worst;
}

function elapsedText(elapsedMs: number): string {
	// Whole seconds: the line ticks once a second and never shows milliseconds.
	return `elapsed ${elapsedMs < 1000 ? '0s' : formatDuration(elapsedMs)}`;
}

/** The progress line while waiting for one job: its state and name, or its key before the first answer. */
function describeOne(watch: JobWatch, elapsed: string, glyphs: Glyphs): string {
	const retry = watch.retry === null ? '' : `  retrying: ${watch.retry}`;
	if (watch.job === null) return `waiting for ${inertText(watch.key)}  ${elapsed}${retry}`;
	const job = watch.job;
	const style = stateStyle(job.displayState, inertText(job.rawState), glyphs);
	return `${style.glyph} ${style.word}  ${inertText(job.name)}  ${elapsed}${retry}`;
}

/** Where one job of several stands, as the summary counts it. */
function stage(watch: JobWatch): 'done' | 'running' | 'queued' | 'not seen yet' {
	if (watch.ended || watch.job?.over === true) return 'done';
	if (watch.job === null) return 'not seen yet';
	const state = watch.job.displayState;
	return state === 'QUEUED' || state === 'WAITING' ? 'queued' : 'running';
}

const STAGES = ['running', 'queued', 'not seen yet', 'done'] as const;

/**
 * The progress line: one job as today; several as a summary,
 * `waiting for 3 jobs: 1 running, 1 queued, 1 done  elapsed 12s`, with the
 * first retried failure among them.
 */
export function describeWait(
	watches: readonly JobWatch[],
	elapsedMs: number,
	glyphs: Glyphs,
): string {
	const elapsed = elapsedText(elapsedMs);
	const [only] = watches;
	if (watches.length === 1 && only !== undefined) return describeOne(only, elapsed, glyphs);
	const counts = STAGES.map((name) => {
		const count = watches.filter((watch) => stage(watch) === name).length;
		return count === 0 ? '' : `${count} ${name}`;
	}).filter((part) => part !== '');
	const retrying = watches.find((watch) => watch.retry !== null && !watch.ended);
	const retry = retrying === undefined ? '' : `  retrying: ${retrying.retry}`;
	return `waiting for ${watches.length} jobs: ${counts.join(', ')}  ${elapsed}${retry}`;
}

/** What was last seen of one job, for the timeout message: ` (last seen RUNNING; last error: …)` or ''. */
function lastSeen(watch: JobWatch): string {
	const seen = watch.job === null ? [] : [`last seen ${stateLabel(watch.job)}`];
	if (watch.retry !== null) seen.push(`last error: ${watch.retry}`);
	return seen.length === 0 ? '' : ` (${seen.join('; ')})`;
}

/**
 * The timeout message: one job as today; several name each job not over,
 * `umwatch: timed out after 30m waiting for 2 of 3 jobs: K1 (last seen RUNNING), K2`.
 */
export function timeoutText(watches: readonly JobWatch[], timeoutMs: number): string {
	const after = formatDuration(timeoutMs);
	const [only] = watches;
	if (watches.length === 1 && only !== undefined) {
		return `umwatch: timed out after ${after} waiting for job ${inertText(only.key)}${lastSeen(only)}\n`;
	}
	const open = watches.filter((watch) => !watch.ended);
	const each = open.map((watch) => `${inertText(watch.key)}${lastSeen(watch)}`).join(', ');
	return `umwatch: timed out after ${after} waiting for ${open.length} of ${watches.length} jobs: ${each}\n`;
}
