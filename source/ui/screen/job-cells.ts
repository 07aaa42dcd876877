import type { Job } from '../../api/job.js';
import {
	durationNextChange,
	formatFinalDuration,
	formatLiveDuration,
	formatSubmitted,
} from '../../present/time-format.js';

/** The span a duration is measured over; `end` null while the job still runs. */
export interface JobSpan {
	readonly start: number;
	readonly end: number | null;
}

/**
 * What a job's duration measures: from its start (or submission, as AIQUM
 * rarely sends a start) to its completion, or to now while it is not over.
 * Null when the times needed are missing.
 */
export function jobSpan(job: Job): JobSpan | null {
	const start = job.startTime ?? job.submitTime;
	if (start === null) return null;
	if (!job.over) return { start, end: null };
	return job.completeTime === null ? null : { start, end: job.completeTime };
}

/**
 * The duration text for `job` at `now`: live while it runs (coarse, so a
 * ticking table changes rarely), exact once it is over.
 */
export function durationText(job: Job, now: number): string {
	const span = jobSpan(job);
	if (span === null) return '';
	if (span.end !== null) return formatFinalDuration(span.end - span.start);
	return formatLiveDuration(now - span.start);
}

/** When `job`'s duration text next changes, or null when it never will. */
export function durationChangeAt(job: Job, now: number): number | null {
	const span = jobSpan(job);
	if (span === null || span.end !== null) return null;
	return durationNextChange(span.start, now);
}

/** The clock-derived texts of a row; a row re-renders only when these change. */
export interface RowTimes {
	readonly submitted: string;
	readonly duration: string;
}

/** The clock-derived texts of `job`'s row at `now`. */
export function rowTimes(job: Job, now: number): RowTimes {
	return { submitted: formatSubmitted(job.submitTime, now), duration: durationText(job, now) };
}
