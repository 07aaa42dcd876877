import type { DisplayState, Job } from '../api/job.js';
import type { SortOrder } from '../api/sort-order.js';
import { jobDurationMs } from './job-duration.js';

export {
	DEFAULT_SORT_ORDER,
	parseSortOrder,
	SORT_ORDERS,
	type SortOrder,
} from '../api/sort-order.js';

/**
 * The `state` order's groups, first shown first: failures (the worst first),
 * then what is still going (running, then queued), then success. UNKNOWN (a
 * value this client does not know) comes last: it is not known to have
 * failed, and a newer server's unfamiliar state on many jobs must not bury
 * the real failures at the top.
 */
export const STATE_SORT_GROUP: Readonly<Record<DisplayState, number>> = {
	ERROR: 0,
	PARTIAL_FAILURES: 1,
	ABORTED: 2,
	WARNING: 3,
	RUNNING: 4,
	ABORTING: 4,
	QUEUED: 5,
	WAITING: 5,
	NORMAL: 6,
	UNKNOWN: 7,
};

/** Names compare as people read them: letters by the locale, digits by value (job2 < job10). */
const collator = new Intl.Collator(undefined, { numeric: true });

/**
 * The default order, newest submitted first, as one comparator: jobs without
 * a submit time last, a tie goes to the server named first in `serverOrder`
 * (a server not named after every named one), then to the key, so the order
 * is total and two rows never swap between polls. With one server (or no
 * `serverOrder`) it is the contract's compareNewestFirst.
 */
export function compareAcrossServers(
	serverOrder: readonly string[] = [],
): (a: Job, b: Job) => number {
	const rank = serverRanks(serverOrder);
	return (a, b) => {
		if (a.submitTime !== b.submitTime) {
			if (a.submitTime === null) return 1;
			if (b.submitTime === null) return -1;
			return b.submitTime - a.submitTime;
		}
		const byServer = rankOf(rank, a.server, serverOrder) - rankOf(rank, b.server, serverOrder);
		if (byServer !== 0) return byServer;
		return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	};
}

/**
 * A comparator for `order` at `now`, for a few jobs (inserting one, a test).
 * Sorting many jobs, use {@link sortJobs}: it reads each job's key once.
 */
export function compareJobsBy(
	order: SortOrder,
	now: number,
	serverOrder: readonly string[] = [],
): (a: Job, b: Job) => number {
	const tie = compareAcrossServers(serverOrder);
	if (order === 'submitted') return tie;
	if (order === 'name') {
		return (a, b) => compareNames(a.name, b.name) || tie(a, b);
	}
	return (a, b) =>
		compareNumbers(primaryKey(order, a, now), primaryKey(order, b, now)) || tie(a, b);
}

/**
 * `jobs` in `order` as a new array (the input is not changed):
 * - `submitted`: newest first (the default);
 * - `state`: by {@link STATE_SORT_GROUP}, newest first within a group;
 * - `duration`: longest first, a job not over measured up to `now`, jobs
 *   without the times to measure last;
 * - `name`: by the locale (digits by value), nameless jobs last.
 * Every tie falls back to the `submitted` order, so the result is total and
 * stable. Each job's keys are read once into typed arrays before sorting, so
 * a comparison allocates nothing and calls no collator: 10,000 jobs sort in a
 * few milliseconds whichever the order.
 */
export function sortJobs(
	jobs: readonly Job[],
	order: SortOrder,
	now: number,
	serverOrder: readonly string[] = [],
): Job[] {
	const n = jobs.length;
	const rank = serverRanks(serverOrder);
	const submit = new Float64Array(n);
	const server = new Int32Array(n);
	const primary = new Float64Array(n);
	const names = order === 'name' ? nameRanks(jobs) : null;
	for (let i = 0; i < n; i++) {
		const job = jobs[i] as Job;
		// Newest first: a larger time sorts earlier; no time sorts last.
		submit[i] = job.submitTime ?? Number.NEGATIVE_INFINITY;
		server[i] = rankOf(rank, job.server, serverOrder);
		primary[i] = names === null ? primaryKey(order, job, now) : (names.get(job.name) ?? 0);
	}
	const index: number[] = new Array(n);
	for (let i = 0; i < n; i++) index[i] = i;
	index.sort((i, j) => {
		const pi = primary[i] as number;
		const pj = primary[j] as number;
		// Not a subtraction: two missing durations are both Infinity.
		if (pi !== pj) return pi < pj ? -1 : 1;
		const si = submit[i] as number;
		const sj = submit[j] as number;
		if (si !== sj) return si > sj ? -1 : 1;
		const s = (server[i] as number) - (server[j] as number);
		if (s !== 0) return s;
		const ki = (jobs[i] as Job).key;
		const kj = (jobs[j] as Job).key;
		return ki < kj ? -1 : ki > kj ? 1 : 0;
	});
	const sorted: Job[] = new Array(n);
	for (let i = 0; i < n; i++) sorted[i] = jobs[index[i] as number] as Job;
	return sorted;
}

/** The number a job sorts by first (smaller first) for `state` and `duration`; 0 otherwise. */
function primaryKey(order: SortOrder, job: Job, now: number): number {
	if (order === 'state') return STATE_SORT_GROUP[job.displayState];
	if (order === 'duration') {
		const ms = jobDurationMs(job, now);
		return ms === null ? Number.POSITIVE_INFINITY : -ms;
	}
	return 0;
}

/** Smaller first; unlike a subtraction, equal infinities are equal. */
function compareNumbers(a: number, b: number): number {
	return a === b ? 0 : a < b ? -1 : 1;
}

/** Locale order with nameless jobs last. */
function compareNames(a: string, b: string): number {
	if (a === b) return 0;
	if (a === '') return 1;
	if (b === '') return -1;
	return collator.compare(a, b);
}

/** Each distinct name's place in locale order: the collator runs over distinct names only. */
function nameRanks(jobs: readonly Job[]): Map<string, number> {
	const distinct = [...new Set(jobs.map((job) => job.name))].sort(compareNames);
	const ranks = new Map<string, number>();
	let place = 0;
	for (let i = 0; i < distinct.length; i++) {
		const name = distinct[i] as string;
		// Names the locale counts equal share a place, so their jobs fall to newest first.
		if (i > 0 && compareNames(distinct[i - 1] as string, name) !== 0) place++;
		ranks.set(name, place);
	}
	return ranks;
}

function serverRanks(serverOrder: readonly string[]): Map<string, number> {
	return new Map(serverOrder.map((name, i) => [name, i]));
}

function rankOf(rank: Map<string, number>, server: string, order: readonly string[]): number {
	return rank.get(server) ?? order.length;
}
