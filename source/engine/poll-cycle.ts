import { MAX_PAGE_RECORDS, ORDER_NEWEST_FIRST } from '../api/contract.js';
import { isFatal, toApiError } from '../api/errors.js';
import { type Job, type JobId, jobId, splitJobId } from '../api/job.js';
import { type Requester, walkJobPages } from '../api/pages.js';
import type { AiqumClient, JobsPage } from '../api/types.js';
import { askByKey, type ByKeyAnswer, NO_ANSWER, oneRequest } from './by-key.js';
import { compareJobs } from './job-store.js';
import { probeIgnored, probeStates, type RefreshCadence } from './refresh-cadence.js';

export { chunkKeys, MAX_KEY_FILTER_CHARS } from './by-key.js';

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
	/**
	 * Of the held in-progress jobs the pages did not bring, the ones due a
	 * full read by key, most overdue first (the engine's {@link RefreshCadence});
	 * as many of them as fit one request are read.
	 */
	readonly selectRefresh: (offPage: readonly JobId[]) => readonly JobId[];
	/**
	 * On a poll that reads none of them in full, ask the server by key which
	 * off-page in-progress jobs have moved to another state (`key=…&state=…`:
	 * usually an empty answer), so most transitions show at the next poll
	 * anyway. False once the server refused or ignored that filter.
	 */
	readonly probeChanges: boolean;
	/** Which share of the off-page jobs to probe, when they need more than one request: counts round. */
	readonly probeTurn: number;
}

/**
 * The first page's size on a quiet poll. Page 1 is most of what a poll
 * downloads, and a quiet poll needs only enough of it to reach a known job.
 */
export const QUIET_PAGE_RECORDS = 10;

/**
 * How many records the next poll asks for on its first page: room for twice
 * as many new jobs as the last poll found, at least {@link QUIET_PAGE_RECORDS},
 * at most `pageSize`; `pageSize` when unknown (`lastNew` null: the first poll,
 * or after a failure or a pause, when jobs may have piled up). More new jobs
 * than that only cost a request per page more: the walk follows `next`.
 */
export function firstPageSize(pageSize: number, lastNew: number | null): number {
	if (lastNew === null) return pageSize;
	return Math.min(pageSize, Math.max(QUIET_PAGE_RECORDS, 2 * lastNew));
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
	/** Jobs on the pages newer than the high-water mark and not held before: new arrivals. */
	readonly fresh?: number;
	/** Held jobs asked for by key this poll, by id. */
	readonly asked: readonly JobId[];
	/** Those of `asked` the server's answer left out (deleted or purged, or its cache lags). */
	readonly missing: readonly JobId[];
	/**
	 * Whether this poll sent a change probe (see {@link PollInput.probeChanges})
	 * and how the server took it; 'refused' and 'ignored' mean: stop probing it.
	 */
	readonly probe?: ProbeOutcome;
}

/** How a change probe went: none sent, answered, refused (4xx) or its filter ignored. */
export type ProbeOutcome = 'none' | 'answered' | 'refused' | 'ignored';

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

/** Whether `job` comes before the high-water mark in list order (or there is no mark). */
function isNewer(job: Job, highWater: Job | null): boolean {
	return highWater === null || compareJobs(job, highWater) < 0;
}

/** The newer of two jobs in list order. */
function newer(a: Job | null, b: Job | undefined): Job | null {
	if (b === undefined) return a;
	return a === null || compareJobs(b, a) < 0 ? b : a;
}

/**
 * One poll: page 1 of the jobs newest first, following `next` until a page
 * reaches known jobs (so a burst of any size between two polls is found
 * whole), then at most one request by key for the held in-progress jobs that
 * were not on those pages: a full read of those due one, or a change probe
 * ({@link PollInput.probeChanges}). Steady state is thus two requests however
 * many jobs run, or one when none is off the pages.
 */
export async function runPollCycle(input: PollInput): Promise<PollOutput> {
	const { client, request, held } = input;
	const jobs: Job[] = [];
	const seen = new Set<JobId>();
	let skipped = 0;
	let fresh = 0;
	let highWater = input.highWater;
	let warning: string | null = null;
	const requests = await walkJobPages({
		client,
		request,
		query: { orderBy: ORDER_NEWEST_FIRST, maxRecords: input.pageSize },
		onPage: (page) => {
			skipped += page.skipped;
			for (const job of page.jobs) {
				const id = jobId(job);
				jobs.push(job);
				seen.add(id);
				// New arrivals only: older jobs a walk meets (history not held) are no sign of load.
				if (held.get(id) === undefined && isNewer(job, input.highWater)) fresh += 1;
				highWater = newer(highWater, job);
			}
			return jobs.length >= input.maxRecords || reachesKnown(page, held, input.highWater);
		},
		onNotFollowed: (text) => {
			warning = text;
		},
	});
	const offPage = [...held.activeIds].filter((id) => !seen.has(id));
	const byKey = await refreshOffPage(input, offPage);
	jobs.push(...byKey.answer.jobs);
	return {
		jobs,
		highWater,
		requests: requests + byKey.answer.requests,
		skipped: skipped + byKey.answer.skipped,
		warning,
		asked: byKey.asked,
		missing: byKey.asked.filter((id) => !byKey.answer.returned.has(id)),
		probe: byKey.probe,
		fresh,
	};
}

/**
 * At most one by-key request for the in-progress jobs the pages did not
 * bring: a full read of those the cadence says are due (the most overdue
 * that fit one request), or else a change probe of some of them, or nothing.
 */
async function refreshOffPage(
	input: PollInput,
	offPage: readonly JobId[],
): Promise<{ answer: ByKeyAnswer; asked: readonly JobId[]; probe: ProbeOutcome }> {
	const asked = oneRequest(input.selectRefresh(offPage));
	if (asked.length > 0 || offPage.length === 0 || !input.probeChanges) {
		return { answer: await askByKey(input, asked, null), asked, probe: 'none' };
	}
	const probed = oneRequest(offPage, input.probeTurn);
	const states = probeStates(probed.map((id) => input.held.get(id)?.state ?? null));
	if (states === null) return { answer: NO_ANSWER, asked: [], probe: 'none' };
	const answer = await askByKey(input, probed, states);
	const probe = answer.refused
		? 'refused'
		: probeIgnored(answer.jobs, states)
			? 'ignored'
			: 'answered';
	return { answer, asked: [], probe };
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
