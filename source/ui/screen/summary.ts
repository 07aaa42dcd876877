import type { ConnectionState, Snapshot } from '../../engine/types.js';
import { t } from '../../i18n/t.js';
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
	const duration = formatLiveDuration(elapsedMs);
	const base =
		jobs === 1
			? t('ui.summary.watchedOne', { host, duration, failed })
			: t('ui.summary.watched', { host, duration, jobs, failed });
	return withEnding(base, reason, detail);
}

/** The summary line with how the view ended, when it was not `q`. */
export function withEnding(summary: string, reason: UiExitReason, detail?: string): string {
	if (reason === 'quit') return summary;
	if (reason === 'signal') {
		return t('ui.summary.signal', { summary, signal: detail ?? t('ui.summary.aSignal') });
	}
	return detail
		? t('ui.summary.errorDetail', { summary, detail })
		: t('ui.summary.error', { summary });
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
