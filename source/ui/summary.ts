import type { Snapshot } from '../engine/types.js';
import { formatDuration } from './format-time.js';

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
	const base = `umwatch: watched ${host} for ${formatDuration(elapsedMs)}; ${jobs} job${jobs === 1 ? '' : 's'}, ${failed} failed`;
	if (reason === 'quit') return base;
	if (reason === 'signal') return `${base} (ended by ${detail ?? 'a signal'})`;
	return `${base} (stopped by an unexpected error${detail ? `: ${detail}` : ''})`;
}
