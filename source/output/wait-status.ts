import { ExitCode, type ExitCodeValue, exitCodeForJob } from '../api/exit-codes.js';
import type { Job } from '../api/job.js';
import { t } from '../i18n/t.js';
import { formatDuration } from '../present/duration-format.js';
import { FAILURE_TEXT } from '../present/failure.js';
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
	return t('output.wait.elapsed', { time: elapsedMs < 1000 ? '0s' : formatDuration(elapsedMs) });
}

/** The progress line while waiting for one job: its state and name, or its key before the first answer. */
function describeOne(watch: JobWatch, elapsed: string, glyphs: Glyphs): string {
	const retry = watch.retry === null ? '' : `  ${t('output.retrying', { error: watch.retry })}`;
	if (watch.job === null) {
		return `${t('output.wait.one', { key: inertText(watch.key) })}  ${elapsed}${retry}`;
	}
	const job = watch.job;
	const style = stateStyle(job.displayState, inertText(job.rawState), glyphs);
	return `${style.glyph} ${style.word}  ${inertText(job.name)}  ${elapsed}${retry}`;
}

/** Where one job of several stands, as the summary counts it. */
function stage(watch: JobWatch): 'done' | 'running' | 'queued' | 'notSeen' {
	if (watch.ended || watch.job?.over === true) return 'done';
	if (watch.job === null) return 'notSeen';
	const state = watch.job.displayState;
	return state === 'QUEUED' || state === 'WAITING' ? 'queued' : 'running';
}

const STAGES = ['running', 'queued', 'notSeen', 'done'] as const;

/** Each stage's count as the summary says it (a function: the language is chosen at start). */
function stageCount(stage: (typeof STAGES)[number], count: number): string {
	if (stage === 'running') return t('output.wait.running', { count });
	if (stage === 'queued') return t('output.wait.queued', { count });
	if (stage === 'done') return t('output.wait.done', { count });
	return t('output.wait.notSeen', { count });
}

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
		return count === 0 ? '' : stageCount(name, count);
	}).filter((part) => part !== '');
	const retrying = watches.find((watch) => watch.retry !== null && !watch.ended);
	const retry =
		retrying?.retry == null ? '' : `  ${t('output.retrying', { error: retrying.retry })}`;
	const summary = t('output.wait.several', {
		count: watches.length,
		counts: counts.join(t('output.listSeparator')),
	});
	return `${summary}  ${elapsed}${retry}`;
}

/** What was last seen of one job, for the timeout message: ` (last seen RUNNING; last error: …)` or ''. */
function lastSeen(watch: JobWatch): string {
	const state = watch.job === null ? null : stateLabel(watch.job);
	const error = watch.retry;
	if (state !== null && error !== null) return t('output.timeout.seenBoth', { state, error });
	if (state !== null) return t('output.timeout.seenState', { state });
	if (error !== null) return t('output.timeout.seenError', { error });
	return '';
}

/**
 * The timeout message: one job as today; several name each job not over,
 * `umwatch: timed out after 30m waiting for 2 of 3 jobs: K1 (last seen RUNNING), K2`.
 */
export function timeoutText(watches: readonly JobWatch[], timeoutMs: number): string {
	const after = formatDuration(timeoutMs);
	const [only] = watches;
	if (watches.length === 1 && only !== undefined) {
		const message = t('output.timeout.one', {
			after,
			key: inertText(only.key),
			seen: lastSeen(only),
		});
		return `${FAILURE_TEXT.messageLabel}${message}\n`;
	}
	const open = watches.filter((watch) => !watch.ended);
	const each = open
		.map((watch) => `${inertText(watch.key)}${lastSeen(watch)}`)
		.join(t('output.listSeparator'));
	const message = t('output.timeout.several', {
		after,
		open: open.length,
		total: watches.length,
		each,
	});
	return `${FAILURE_TEXT.messageLabel}${message}\n`;
}
