import { MAX_PAGE_RECORDS, ORDER_NEWEST_FIRST } from '../api/contract.js';
import { isFatal, toApiError } from '../api/errors.js';
import { type Job, type JobId, jobId, splitJobId } from '../api/job.js';
import { type Requester, walkJobPages } from '../api/pages.js';
import type { AiqumClient, JobsPage } from '../api/types.js';
import { compareJobs } from './job-store.js';

/** Keys per refresh request are limited so the URL stays well under common proxy limits (8 KB). */
export const MAX_KEY_FILTER_CHARS = 6000;

/** What a poll needs to know about the jobs already held. */
export interface HeldJobs {
	get(id: JobId): Job | undefined;
	/** Ids of held jobs that are not over (requests name them by their key: {@link splitJobId}). */
	readonly activeIds: ReadonlySet<JobId>;
}

/** Inputs of one poll. */
export interface PollInput {
	readonly client: AiqumClient;
	readonly request: Requester;
	readonly held: HeldJobs;
	/** The newest job earlier list polls reached (their high-water mark), or null before any. */
	readonly highWater: Job | null;
	readonly pageSize: number;
	/** Reading stops after this many records even if known jobs were not reached. */
	readonly maxRecords: number;
}

/** What one poll fetched, not yet merged. */
export interface PollOutput {
	/** Every job fetched, pages first, then the by-key refreshes. */
	readonly jobs: readonly Job[];
	readonly highWater: Job | null;
	readonly requests: number;
	readonly skipped: number;
	/** A problem met on the way that did not fail the poll (a `next` link not followed), or null. */
	readonly warning: string | null;
	/** Held jobs asked for by key this poll, by id. */
	readonly asked: readonly JobId[];
	/** Those of `asked` the server's answer left out (deleted or purged, or its cache lags). */
	readonly missing: readonly JobId[];
}

/**
 * Whether a page has reached jobs an earlier poll already covered: a held job
 * at or below the high-water mark, or any job submitted strictly before it
 * (which also ends the walk when the server purged the jobs held).
 */
export function reachesKnown(page: JobsPage, held: HeldJobs, highWater: Job | null): boolean {
	if (highWater === null) return false;
	return page.jobs.some((job) => {
		if (held.get(jobId(job)) !== undefined && compareJobs(job, highWater) >= 0) return true;
		return (
			job.submitTime !== null &&
			highWater.submitTime !== null &&
			job.submitTime < highWater.submitTime
		);
	});
}

/** The newer of two jobs in list order. */
function newer(a: Job | null, b: Job | undefined): Job | null {
	if (b === undefined) return a;
	return a === null || compareJobs(b, a) < 0 ? b : a;
}

/**
 * One poll: page 1 of the jobs newest first, following `next` until a page
 * reaches known jobs (so a burst of any size between two polls is found
 * whole), then every held in-progress job that was not on those pages,
 * refreshed by key in as few requests as the URL length allows (one, in
 * practice). Steady state is thus two requests however many jobs run.
 */
export async function runPollCycle(input: PollInput): Promise<PollOutput> {
	const { client, request, held } = input;
	const jobs: Job[] = [];
	const seen = new Set<JobId>();
	let skipped = 0;
	let highWater = input.highWater;
	let warning: string | null = null;
	let requests = await walkJobPages({
		client,
		request,
		query: { orderBy: ORDER_NEWEST_FIRST, maxRecords: input.pageSize },
		onPage: (page) => {
			skipped += page.skipped;
			for (const job of page.jobs) {
				jobs.push(job);
				seen.add(jobId(job));
				highWater = newer(highWater, job);
			}
			return jobs.length >= input.maxRecords || reachesKnown(page, held, input.highWater);
		},
		onNotFollowed: (text) => {
			warning = text;
		},
	});
	const stale = [...held.activeIds].filter((id) => !seen.has(id));
	// The server knows its jobs by key; the engine by id (server and key).
	const keyOf = new Map(stale.map((id) => [splitJobId(id).key, id]));
	const returned = new Set<JobId>();
	for (const chunk of chunkKeys([...keyOf.keys()])) {
		const refreshed = await request((signal) =>
			client.listJobsPage({
				filters: { key: chunk.join('|') },
				maxRecords: MAX_PAGE_RECORDS,
				signal,
			}),
		);
		requests += 1;
		skipped += refreshed.skipped;
		// A key filter may match more than asked (a `*` in a key); keep only what was asked.
		const wanted = new Set(chunk);
		for (const job of refreshed.jobs) {
			if (!wanted.has(job.key)) continue;
			jobs.push(job);
			returned.add(keyOf.get(job.key) as JobId);
		}
	}
	const missing = stale.filter((id) => !returned.has(id));
	return { jobs, highWater, requests, skipped, warning, asked: stale, missing };
}

/**
 * The first load: the newest `count` jobs (history, no events), in pages of
 * up to {@link MAX_PAGE_RECORDS}, plus every job still in progress (one more
 * request). With `count` 0 it reads only the newest job, to learn where the
 * next poll may stop.
 */
export async function loadHistory(
	input: Pick<PollInput, 'client' | 'request'> & { readonly count: number },
): Promise<PollOutput> {
	const { client, request } = input;
	const count = Math.max(0, Math.floor(input.count));
	const jobs: Job[] = [];
	let skipped = 0;
	let highWater: Job | null = null;
	const pageSize = Math.min(MAX_PAGE_RECORDS, Math.max(1, count));
	let warning: string | null = null;
	const requests = await walkJobPages({
		client,
		request,
		query: { orderBy: ORDER_NEWEST_FIRST, maxRecords: pageSize },
		onPage: (page) => {
			skipped += page.skipped;
			for (const job of page.jobs) highWater = newer(highWater, job);
			jobs.push(...page.jobs);
			return jobs.length >= count;
		},
		onNotFollowed: (text) => {
			warning = text;
		},
	});
	const history = jobs.slice(0, count);
	if (count === 0) {
		return { jobs: history, highWater, requests, skipped, warning, asked: [], missing: [] };
	}
	const active = await loadActive(request, client);
	return {
		jobs: [...history, ...active.jobs],
		highWater,
		requests: requests + 1,
		skipped: skipped + active.skipped,
		warning,
		asked: [],
		missing: [],
	};
}

/** Every lifecycle value of a job in progress, in both spellings servers use. */
export const IN_PROGRESS_FILTER = 'queued|waiting|running|aborting|QUEUED|WAITING|RUNNING|ABORTING';

/**
 * Jobs still in progress, however old: a job that started before the history
 * window must still be followed to its end. Best effort: a server that
 * refuses the filter (or fails now) costs only these jobs, never the start;
 * errors retrying cannot fix still stop the start.
 */
async function loadActive(
	request: Requester,
	client: AiqumClient,
): Promise<{ jobs: readonly Job[]; skipped: number }> {
	try {
		const page = await request((signal) =>
			client.listJobsPage({
				filters: { state: IN_PROGRESS_FILTER },
				orderBy: ORDER_NEWEST_FIRST,
				maxRecords: MAX_PAGE_RECORDS,
				signal,
			}),
		);
		return { jobs: page.jobs.filter((job) => !job.over), skipped: page.skipped };
	} catch (thrown) {
		const error = toApiError(thrown);
		if (error.kind === 'aborted' || isFatal(error)) throw error;
		return { jobs: [], skipped: 0 };
	}
}

/** Splits keys into groups whose `|`-joined, URL-encoded form fits {@link MAX_KEY_FILTER_CHARS}. */
export function chunkKeys(keys: readonly string[]): string[][] {
	const chunks: string[][] = [];
	let current: string[] = [];
	let length = 0;
	for (const key of keys) {
		const cost = encodeURIComponent(key).length + 3; // `%7C` between keys
		if (
			current.length > 0 &&
			(length + cost > MAX_KEY_FILTER_CHARS || current.length >= MAX_PAGE_RECORDS)
		) {
			chunks.push(current);
			current = [];
			length = 0;
		}
		current.push(key);
		length += cost;
	}
	if (current.length > 0) chunks.push(current);
	return chunks;
}
