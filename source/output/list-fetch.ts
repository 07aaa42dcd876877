import { compareNewestFirst, MAX_PAGE_RECORDS, ORDER_NEWEST_FIRST } from '../api/contract.js';
import type { Job } from '../api/job.js';
import { type Requester, walkJobPages } from '../api/pages.js';
import type { AiqumClient, JobFilterField } from '../api/types.js';
import { UsageError } from '../api/usage-error.js';
import type { JobPredicate } from './state-filter.js';

/** How many jobs `list` prints when `--limit` is not given. */
export const DEFAULT_LIST_LIMIT = 100;

/** An endless `next` chain (every link new) stops here: a million jobs at full pages. */
const MAX_PAGES = 1000;

/** What `list` asks the server for. */
export interface ListQuery {
	/** AIQUM patterns (`|` or, `*` wildcard), sent to the server as they are. */
	readonly name?: string;
	readonly type?: string;
	/** Applied on the client (see state-filter.ts). */
	readonly state?: JobPredicate;
	/** At most this many jobs; Infinity for all. */
	readonly limit: number;
	readonly signal?: AbortSignal;
	/**
	 * Runs each page's GET, with whatever retrying the mode wants, passing the
	 * signal that cancels it; by default once, with `signal`.
	 */
	readonly request?: Requester;
}

/** Checks a pattern the server will see; AIQUM filter values must not contain `?`. */
export function checkServerPattern(flag: string, value: string): void {
	if (value.trim() === '') throw new UsageError(`${flag} needs a value, e.g. ${flag} 'Create*'`);
	if (value.includes('?')) {
		throw new UsageError(
			`${flag} must not contain '?' (AIQUM filters do not allow it); use * as a wildcard`,
		);
	}
}

/**
 * Newest submitted first across servers: a tie in submit time goes to the
 * server named first, then to the key (so the merged order is stable).
 * `order` is the servers' names in the order they were named.
 */
export function compareAcrossServers(order: readonly string[]): (a: Job, b: Job) => number {
	const rank = new Map(order.map((name, i) => [name, i]));
	const rankOf = (job: Job) => rank.get(job.server) ?? order.length;
	return (a, b) =>
		a.submitTime === b.submitTime
			? rankOf(a) - rankOf(b) || compareNewestFirst(a, b)
			: compareNewestFirst(a, b);
}

/**
 * Fetches the jobs `list` prints: newest first, following `_links.next` past the
 * server's 1000-record page until `limit` jobs match or the history ends. With a
 * state filter whole pages are read and filtered here. A job seen twice (the
 * pages shift while new jobs arrive) is kept once.
 */
export async function fetchJobsForList(client: AiqumClient, query: ListQuery): Promise<Job[]> {
	const filters: Partial<Record<JobFilterField, string>> = {};
	if (query.name !== undefined) filters.name = query.name;
	if (query.type !== undefined) filters.type = query.type;
	const pageSize =
		query.state === undefined && Number.isFinite(query.limit)
			? Math.max(1, Math.min(MAX_PAGE_RECORDS, query.limit))
			: MAX_PAGE_RECORDS;
	const seen = new Set<string>();
	const found: Job[] = [];
	const request: Requester =
		query.request ?? ((run) => run(query.signal ?? new AbortController().signal));
	await walkJobPages({
		client,
		request,
		query: { filters, orderBy: ORDER_NEWEST_FIRST, maxRecords: pageSize },
		onPage: (page, index) => {
			for (const job of page.jobs) {
				if (seen.has(job.key)) continue;
				seen.add(job.key);
				if (query.state === undefined || query.state(job)) found.push(job);
			}
			return found.length >= query.limit || index >= MAX_PAGES || page.jobs.length === 0;
		},
	});
	found.sort(compareNewestFirst);
	return found.slice(0, query.limit);
}
