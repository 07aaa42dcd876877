import type { Job } from '../api/job.js';
import { UsageError } from './usage-error.js';

/**
 * `list --state` filters on what people see, not on the server's fields: AIQUM
 * has two state fields whose meaning depends on the server's version (a lifecycle
 * `state` plus an outcome `status`, or one `state` holding the outcome), so no
 * single server-side filter can express "failed jobs" on every server. The
 * filter therefore runs on the client, after paging, over:
 * - the display state (`error`, `running`, `partial_failures` or `partial-failures`, …),
 * - the raw lifecycle as sent (`completed`, `aborting`, …),
 * - the raw value of a job in an UNKNOWN state,
 * - and the groups `active` (queued, waiting, running, aborting), `failed`
 *   (error, partial failures, aborted) and `finished` (over).
 * `|` separates alternatives and `*` is a wildcard, as in AIQUM's own filters;
 * matching ignores case.
 */
export type JobPredicate = (job: Job) => boolean;

const GROUPS: Readonly<Record<string, JobPredicate>> = {
	active: (job) => !job.over,
	in_progress: (job) => !job.over,
	failed: (job) =>
		job.displayState === 'ERROR' ||
		job.displayState === 'PARTIAL_FAILURES' ||
		job.displayState === 'ABORTED',
	finished: (job) => job.over,
};

function normalize(text: string): string {
	return text.trim().toLowerCase().replaceAll('-', '_');
}

function globToRegExp(pattern: string): RegExp {
	const body = pattern
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${body}$`, 'u');
}

/** Reads a `--state` value into a predicate; throws {@link UsageError} when it is empty. */
export function parseStateFilter(text: string): JobPredicate {
	const alternatives = text.split('|').map(normalize);
	if (alternatives.some((alternative) => alternative === '')) {
		throw new UsageError(
			`--state ${JSON.stringify(text.slice(0, 40))} has an empty alternative: use e.g. error, running, failed, error|warning`,
		);
	}
	const tests = alternatives.map((alternative): JobPredicate => {
		const group = GROUPS[alternative];
		if (group !== undefined) return group;
		const re = globToRegExp(alternative);
		return (job) =>
			re.test(job.displayState.toLowerCase()) ||
			(job.state !== null && re.test(normalize(job.state))) ||
			(job.displayState === 'UNKNOWN' && re.test(normalize(job.rawState)));
	});
	return (job) => tests.some((test) => test(job));
}
