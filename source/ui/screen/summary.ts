import type { ConnectionState, Snapshot } from '../../engine/types.js';
import { describeSummary, failureLines } from '../../present/failure.js';
import { formatLiveDuration } from '../../present/time-format.js';
import { lastFailure } from './error-view.js';

/** Why the watch screen ended. */
export type UiExitReason = 'quit' | 'signal' | 'error';

/** The one line printed after the screen is gone, e.g. "umwatch: watched um01 for 12m; 143 jobs, 4 failed". */
export function exitSummary(
	host: string,
	snapshot: Pick<Snapshot, 'jobs' | 'counts'>,
	elapsedMs: number,
	reason: UiExitReason,
	detail?: string,
): string {
	const failed = snapshot.counts.ERROR + snapshot.counts.PARTIAL_FAILURES + snapshot.counts.ABORTED;
	const jobs = snapshot.jobs.length;
	const base = `umwatch: watched ${host} for ${formatLiveDuration(elapsedMs)}; ${jobs} job${jobs === 1 ? '' : 's'}, ${failed} failed`;
	if (reason === 'quit') return base;
	if (reason === 'signal') return `${base} (ended by ${detail ?? 'a signal'})`;
	return `${base} (stopped by an unexpected error${detail ? `: ${detail}` : ''})`;
}

/**
 * The failure the view ended with, in full, for standard error once the screen
 * is gone (the header's line was cut at the width: a changed certificate's new
 * fingerprint and the advice sit at its end); null when it ended without one.
 */
export function failureReport(connection: ConnectionState): string | null {
	const error = lastFailure(connection);
	const text = error === null ? '' : failureLines(describeSummary(error));
	return text === '' ? null : text;
}
