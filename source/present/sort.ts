import { compareNewestAcross } from '../api/contract.js';
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

/** How many groups {@link STATE_SORT_GROUP} has (0 to 7). */
const STATE_GROUPS = 8;

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
	return (a, b) =>
		compareNewestAcross(
			a,
			rankOf(rank, a.server, serverOrder),
			b,
			rankOf(rank, b.server, serverOrder),
		);
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
 * stable. Cheap on 10,000 jobs: the submitted order is checked in one pass
 * (the engine already holds its jobs so) and sorted only when it is not;
 * `state` is then a counting sort in one more pass; `duration` and `name`
 * read each job's key once into a typed array, so a comparison allocates
 * nothing and calls no collator.
 */
export function sortJobs(
	jobs: readonly Job[],
	order: SortOrder,
	now: number,
	serverOrder: readonly string[] = [],
): Job[] {
	if (order === 'state') return byStateGroup(jobs, serverOrder);
	const base = newestFirst(jobs, serverOrder);
	if (order === 'submitted') return base === jobs ? jobs.slice() : (base as Job[]);
	const n = base.length;
	const primary = new Float64Array(n);
	const names = order === 'name' ? nameRanks(base) : null;
	for (let i = 0; i < n; i++) {
		const job = base[i] as Job;
		primary[i] = names === null ? primaryKey(order, job, now) : (names.get(job.name) ?? 0);
	}
	const index: number[] = new Array(n);
	for (let i = 0; i < n; i++) index[i] = i;
	index.sort((i, j) => {
		const pi = primary[i] as number;
		const pj = primary[j] as number;
		// Not a subtraction: two missing durations are both Infinity. A tie keeps
		// the submitted order, which is the position in `base`.
		return pi === pj ? i - j : pi < pj ? -1 : 1;
	});
	const sorted: Job[] = new Array(n);
	for (let i = 0; i < n; i++) sorted[i] = base[index[i] as number] as Job;
	return sorted;
}

/** `jobs` in the submitted order: `jobs` itself when already so (one pass), else a sorted copy. */
function newestFirst(jobs: readonly Job[], serverOrder: readonly string[]): readonly Job[] {
	return inSubmittedOrder(jobs, serverOrder)
		? jobs
		: [...jobs].sort(compareAcrossServers(serverOrder));
}

/** Whether `jobs` are already newest first: one pass, the full comparator only on equal times. */
function inSubmittedOrder(jobs: readonly Job[], serverOrder: readonly string[]): boolean {
	let compare: ((a: Job, b: Job) => number) | null = null;
	let before = Number.POSITIVE_INFINITY;
	for (let i = 0; i < jobs.length; i++) {
		const time = (jobs[i] as Job).submitTime ?? Number.NEGATIVE_INFINITY;
		if (time > before) return false;
		if (time === before) {
			compare ??= compareAcrossServers(serverOrder);
			if (compare(jobs[i - 1] as Job, jobs[i] as Job) > 0) return false;
		}
		before = time;
	}
	return true;
}

/**
 * A counting sort by state group, keeping the submitted order within a
 * group. One pass reads each job once (its state, and its time to check the
 * input is newest first, as the engine holds it), one places them; input in
 * another order is put in the submitted order first.
 */
function byStateGroup(jobs: readonly Job[], serverOrder: readonly string[]): Job[] {
	const n = jobs.length;
	const group = new Uint8Array(n);
	const starts = new Int32Array(STATE_GROUPS + 1);
	let before = Number.POSITIVE_INFINITY;
	let ordered = true;
	let ties = false;
	for (let i = 0; i < n; i++) {
		const job = jobs[i] as Job;
		const time = job.submitTime ?? Number.NEGATIVE_INFINITY;
		if (time > before) ordered = false;
		if (time === before) ties = true;
		before = time;
		const g = STATE_SORT_GROUP[job.displayState];
		group[i] = g;
		starts[g + 1] = (starts[g + 1] as number) + 1;
	}
	// Equal times are rare: only then the full rule (server, key) is asked.
	if (!ordered || (ties && !inSubmittedOrder(jobs, serverOrder))) {
		return byStateGroup(newestFirst(jobs, serverOrder), serverOrder);
	}
	for (let g = 1; g <= STATE_GROUPS; g++) {
		starts[g] = (starts[g] as number) + (starts[g - 1] as number);
	}
	const sorted: Job[] = new Array(n);
	for (let i = 0; i < n; i++) {
		const g = group[i] as number;
		const at = starts[g] as number;
		sorted[at] = jobs[i] as Job;
		starts[g] = at + 1;
	}
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

/**
 * Names already placed in locale order, kept between sorts: the live view
 * sorts the same names again on every poll, and the collator is the costly
 * part (tens of ms for 10,000 names). A sort places only names it has not
 * seen, each by binary search; names no longer held are dropped when they
 * outnumber the ones in use.
 */
const nameCache: { known: string[]; ranks: Map<string, number> } = { known: [], ranks: new Map() };

/** Each distinct name's place in locale order; names the locale counts equal share a place. */
function nameRanks(jobs: readonly Job[]): Map<string, number> {
	let fresh = new Set<string>();
	for (const job of jobs) {
		if (!nameCache.ranks.has(job.name)) fresh.add(job.name);
	}
	if (fresh.size === 0) return nameCache.ranks;
	let known = nameCache.known;
	if (known.length > 4 * Math.max(jobs.length, 1000)) {
		known = [];
		fresh = new Set(jobs.map((job) => job.name));
	}
	if (fresh.size > 64) {
		known = [...known, ...fresh].sort(compareNames);
	} else {
		for (const name of fresh) known.splice(insertionPoint(known, name), 0, name);
	}
	nameCache.known = known;
	const ranks = new Map<string, number>();
	let place = 0;
	for (let i = 0; i < known.length; i++) {
		const name = known[i] as string;
		// Equal names fall to the submitted order.
		if (i > 0 && compareNames(known[i - 1] as string, name) !== 0) place++;
		ranks.set(name, place);
	}
	nameCache.ranks = ranks;
	return ranks;
}

/** Where `name` goes in the locale-ordered `known`. */
function insertionPoint(known: readonly string[], name: string): number {
	let low = 0;
	let high = known.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (compareNames(known[mid] as string, name) <= 0) low = mid + 1;
		else high = mid;
	}
	return low;
}

function serverRanks(serverOrder: readonly string[]): Map<string, number> {
	return new Map(serverOrder.map((name, i) => [name, i]));
}

function rankOf(rank: Map<string, number>, server: string, order: readonly string[]): number {
	return rank.get(server) ?? order.length;
}
