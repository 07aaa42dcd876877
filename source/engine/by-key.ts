import { MAX_PAGE_RECORDS } from '../api/contract.js';
import { isFatal, toApiError } from '../api/errors.js';
import { type Job, type JobId, splitJobId } from '../api/job.js';
import type { Requester } from '../api/pages.js';
import type { AiqumClient, JobsPage } from '../api/types.js';

/** Keys per refresh request are limited so the URL stays well under common proxy limits (8 KB). */
export const MAX_KEY_FILTER_CHARS = 6000;

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

/**
 * The jobs of `ids` one by-key request can name: the `turn`-th group (counted
 * round) of {@link chunkKeys}, so successive turns go round every id. The
 * server knows its jobs by key; the engine by id (server and key).
 */
export function oneRequest(ids: readonly JobId[], turn = 0): JobId[] {
	const chunks = chunkKeys(ids.map((id) => splitJobId(id).key));
	if (chunks.length === 0) return [];
	const index = Math.abs(Math.trunc(turn)) % chunks.length;
	const start = chunks.slice(0, index).reduce((sum, chunk) => sum + chunk.length, 0);
	return ids.slice(start, start + (chunks[index]?.length ?? 0));
}

/** What one by-key request brought. */
export interface ByKeyAnswer {
	readonly jobs: readonly Job[];
	/** The ids asked for that came back. */
	readonly returned: ReadonlySet<JobId>;
	readonly requests: number;
	readonly skipped: number;
	/** The probe failed past its retries (refused, or failing on the state filter): nothing was learnt. */
	readonly refused: boolean;
}

/** Nothing asked, nothing learnt. */
export const NO_ANSWER: ByKeyAnswer = {
	jobs: [],
	returned: new Set(),
	requests: 0,
	skipped: 0,
	refused: false,
};

/**
 * Asks in one request for `ids` by key (a full read) or, with `states`, only
 * for those of them now in one of `states` (a change probe). `ids` must fit
 * one request ({@link oneRequest}). A probe that fails (but for an abort or
 * a failure retrying cannot fix) is reported, not thrown: the full reads
 * still find every change.
 */
export async function askByKey(
	input: { readonly client: AiqumClient; readonly request: Requester },
	ids: readonly JobId[],
	states: readonly string[] | null,
): Promise<ByKeyAnswer> {
	if (ids.length === 0) return NO_ANSWER;
	const { client, request } = input;
	const keyOf = new Map(ids.map((id) => [splitJobId(id).key, id]));
	const key = [...keyOf.keys()].join('|');
	const filters = states === null ? { key } : { key, state: states.join('|') };
	let answer: JobsPage;
	try {
		answer = await request((signal) =>
			client.listJobsPage({ filters, maxRecords: MAX_PAGE_RECORDS, signal }),
		);
	} catch (thrown) {
		const error = toApiError(thrown);
		// A probe that fails past its quick retries (refused as a bad request, or a
		// server failing on the state filter) must not fail every poll after it.
		if (states === null || error.kind === 'aborted' || isFatal(error)) throw error;
		return { ...NO_ANSWER, requests: 1, refused: true };
	}
	const jobs: Job[] = [];
	const returned = new Set<JobId>();
	for (const job of answer.jobs) {
		const id = keyOf.get(job.key);
		// A key filter may match more than asked (a `*` in a key); keep only what was asked.
		if (id === undefined) continue;
		jobs.push(job);
		returned.add(id);
	}
	return { jobs, returned, requests: 1, skipped: answer.skipped, refused: false };
}
