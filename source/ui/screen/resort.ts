import { type Job, jobId } from '../../api/job.js';
import { compareJobsBy, type SortOrder, sortJobs } from '../../present/sort.js';

/** Beyond this many changed jobs a whole sort is as cheap. */
const PATCH_LIMIT = 32;

/** The last sort: its input, order, server order and output. */
export interface SortMemo {
	readonly input: readonly Job[];
	readonly order: SortOrder;
	readonly servers: readonly string[];
	readonly output: readonly Job[];
}

/**
 * `jobs` in `order`, reusing the last sort when only a few jobs changed in
 * place (a poll that moved a job to another state, say): the changed jobs are
 * taken out of the last output and put back where the order puts them. That
 * touches the arrays, not the 10,000 jobs a whole sort reads. Only for the
 * orders that do not depend on the time (`state`, `name`): a running job's
 * duration grows between two sorts. Anything else (jobs added, dropped or
 * moved) sorts the whole list.
 */
export function sortReusing(
	memo: SortMemo | null,
	jobs: readonly Job[],
	order: SortOrder,
	now: number,
	servers: readonly string[],
): readonly Job[] {
	if (memo !== null && memo.order === order && sameNames(memo.servers, servers)) {
		if (memo.input === jobs) return memo.output;
		if (order === 'state' || order === 'name') {
			const patched = patchSorted(memo, jobs, compareJobsBy(order, now, servers));
			if (patched !== null) return patched;
		}
	}
	return sortJobs(jobs, order, now, servers);
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
	return a === b || (a.length === b.length && a.every((name, i) => name === b[i]));
}

function patchSorted(
	memo: SortMemo,
	jobs: readonly Job[],
	compare: (a: Job, b: Job) => number,
): Job[] | null {
	const before = memo.input;
	if (before.length !== jobs.length) return null;
	const changed: [Job, Job][] = [];
	for (let i = 0; i < jobs.length; i++) {
		const old = before[i] as Job;
		const job = jobs[i] as Job;
		if (old === job) continue;
		// Another job in this place: jobs came, went or moved.
		if (changed.length >= PATCH_LIMIT || jobId(old) !== jobId(job)) return null;
		changed.push([old, job]);
	}
	const out = memo.output.slice();
	for (const [old, job] of changed) {
		const at = out.indexOf(old);
		if (at < 0) return null;
		out.splice(at, 1);
		out.splice(lowerBound(out, job, compare), 0, job);
	}
	return out;
}

/** The first position in sorted `list` whose job sorts after `job`. */
function lowerBound(list: readonly Job[], job: Job, compare: (a: Job, b: Job) => number): number {
	let low = 0;
	let high = list.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (compare(list[mid] as Job, job) < 0) low = mid + 1;
		else high = mid;
	}
	return low;
}
