/**
 * Reading jobs newest first with a limit and a `--since` cut: `list`'s fetch,
 * and the live view's first load with `--since` (engine/since-load.ts). It
 * lives here, below both, so the cut and its fallbacks are written once.
 */

import { t } from '../i18n/t.js';
import { compareNewestFirst, MAX_PAGE_RECORDS, ORDER_NEWEST_FIRST } from './contract.js';
import { ApiError } from './errors.js';
import type { Job } from './job.js';
import { type Requester, walkJobPages } from './pages.js';
import type { AiqumClient, JobFilterField } from './types.js';
import { UsageError } from './usage-error.js';

/** How many jobs `list` prints when `--limit` is not given. */
export const DEFAULT_LIST_LIMIT = 100;

/** An endless `next` chain (every link new) stops here: a million jobs at full pages. */
const MAX_PAGES = 1000;

/** What `list` asks the server for. */
export interface ListQuery {
	/** AIQUM patterns (`|` or, `*` wildcard), sent to the server as they are. */
	readonly name?: string;
	readonly type?: string;
	/** Applied on the client (`list --state`: output/state-filter.ts). */
	readonly state?: (job: Job) => boolean;
	/** At most this many jobs; Infinity for all. */
	readonly limit: number;
	/** Only jobs submitted at or after this (epoch ms); see {@link fetchJobsForList}. */
	readonly since?: number;
	readonly signal?: AbortSignal;
	/**
	 * Runs each page's GET, with whatever retrying the mode wants, passing the
	 * signal that cancels it; by default once, with `signal`.
	 */
	readonly request?: Requester;
}

/** Checks a pattern the server will see; AIQUM filter values must not contain `?`. */
export function checkServerPattern(flag: string, value: string): void {
	if (value.trim() === '') throw new UsageError(t('api.patternEmpty', { flag }));
	if (value.includes('?')) throw new UsageError(t('api.patternQuestion', { flag }));
}

/**
 * Fetches the jobs `list` prints: newest first, following `_links.next` past the
 * server's 1000-record page until `limit` jobs match or the history ends. With a
 * state filter whole pages are read and filtered here. A job seen twice (the
 * pages shift while new jobs arrive) is kept once.
 *
 * With `since`, only jobs submitted at or after it: the server is asked to
 * filter on `submit_time` (`>=`, a whole second, in UTC), and every job is cut
 * here as well, and the walk stops at the first page reaching back past the
 * cut, since pages run newest first; so a server that ignores the filter
 * still gives exactly the right jobs. A server that refuses the filter (400),
 * or answers nothing while an unfiltered page shows a job since the cut (it
 * misread the filter), is asked again without it.
 */
export async function fetchJobsForList(client: AiqumClient, query: ListQuery): Promise<Job[]> {
	if (query.since === undefined) return walkForList(client, query, false);
	let found: Job[];
	try {
		found = await walkForList(client, query, true);
	} catch (error) {
		if (!(error instanceof ApiError) || error.status !== 400) throw error;
		return walkForList(client, query, false);
	}
	if (found.length > 0 || !(await newestIsSince(client, query, query.since))) return found;
	return walkForList(client, query, false);
}

function baseFilters(query: ListQuery): Partial<Record<JobFilterField, string>> {
	const filters: Partial<Record<JobFilterField, string>> = {};
	if (query.name !== undefined) filters.name = query.name;
	if (query.type !== undefined) filters.type = query.type;
	return filters;
}

function requesterOf(query: ListQuery): Requester {
	return query.request ?? ((run) => run(query.signal ?? new AbortController().signal));
}

/** The `submit_time` filter for a cut: `>=` the cut's whole second, in UTC. */
export function sinceFilter(since: number): string {
	return `>=${new Date(Math.floor(since / 1000) * 1000).toISOString().replace('.000Z', 'Z')}`;
}

/** Whether the newest job matching the server-side filters (no time filter) is since the cut. */
async function newestIsSince(client: AiqumClient, query: ListQuery, since: number) {
	const page = await requesterOf(query)((signal) =>
		client.listJobsPage({
			filters: baseFilters(query),
			orderBy: ORDER_NEWEST_FIRST,
			maxRecords: 1,
			signal,
		}),
	);
	return page.jobs.some((job) => job.submitTime !== null && job.submitTime >= since);
}

async function walkForList(
	client: AiqumClient,
	query: ListQuery,
	serverCut: boolean,
): Promise<Job[]> {
	const { since } = query;
	const filters = baseFilters(query);
	if (serverCut && since !== undefined) filters.submit_time = sinceFilter(since);
	const pageSize =
		query.state === undefined && Number.isFinite(query.limit)
			? Math.max(1, Math.min(MAX_PAGE_RECORDS, query.limit))
			: MAX_PAGE_RECORDS;
	const seen = new Set<string>();
	const found: Job[] = [];
	await walkJobPages({
		client,
		request: requesterOf(query),
		query: { filters, orderBy: ORDER_NEWEST_FIRST, maxRecords: pageSize },
		onPage: (page, index) => {
			let reachedCut = false;
			for (const job of page.jobs) {
				if (seen.has(job.key)) continue;
				seen.add(job.key);
				if (since !== undefined) {
					// No submit time: not known to be since the cut, so not listed.
					if (job.submitTime === null) continue;
					if (job.submitTime < since) {
						reachedCut = true;
						continue;
					}
				}
				if (query.state === undefined || query.state(job)) found.push(job);
			}
			return (
				reachedCut || found.length >= query.limit || index >= MAX_PAGES || page.jobs.length === 0
			);
		},
	});
	found.sort(compareNewestFirst);
	return found.slice(0, query.limit);
}
