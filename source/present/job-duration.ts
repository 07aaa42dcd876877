import type { Job } from '../api/job.js';

/**
 * How long a job took (over) or has taken so far (not over, measured at `now`),
 * from its submission; null without a submit time, or when a job that is over
 * has no completion time. The DURATION of `list`, its JSON `duration_ms`, and
 * the `duration` sort order all read it.
 */
export function jobDurationMs(job: Job, now: number): number | null {
	if (job.submitTime === null) return null;
	const end = job.over ? job.completeTime : now;
	if (end === null) return null;
	return Math.max(0, end - job.submitTime);
}
