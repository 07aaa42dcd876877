import { MAX_PAGE_RECORDS, ORDER_NEWEST_FIRST } from '../api/contract.js';
import { ApiError, toApiError } from '../api/errors.js';
import { type Job, type JobId, jobId } from '../api/job.js';
import { type Requester, walkJobPages } from '../api/pages.js';
import type { AiqumClient, ListJobsOptions } from '../api/types.js';
import type { OlderState } from './types.js';

/**
 * Older jobs on demand: the page of jobs just older than the oldest one held,
 * asked for when the user moves past the end of the list.
 *
 * The cursor is the oldest held job's submit time, not an offset: offsets
 * shift by one with every job submitted meanwhile, a time does not. The page
 * asks `submit_time=<=T` (T: the oldest held job's second, so jobs sharing
 * that second that were not held yet are not missed; the held ones it brings
 * back are dropped here), newest first, 1,000 a page. The contract marks the
 * filter forms as assumed, so: jobs newer than T in the answer (a server that
 * ignored the filter) are cut here and the walk follows `next` until it finds
 * older ones; a server that refuses the filter (400) is asked by `offset`
 * (the number of jobs held) instead, for this and every later page.
 */

/** What one older page needs to know of the jobs held. */
export interface OlderInput {
	readonly client: Pick<AiqumClient, 'listJobsPage' | 'listJobsPageAt'>;
	readonly request: Requester;
	/** The oldest job held (the list's last), or null when none is. */
	readonly oldest: Job | null;
	readonly isHeld: (id: JobId) => boolean;
	/** How many jobs are held: the offset when the server refuses the time filter. */
	readonly heldCount: number;
	/** False once the server refused the `submit_time` filter. */
	readonly useFilter: boolean;
}

/** What one older page brought, not yet merged. */
export interface OlderOutput {
	/** Jobs not held before, all at or before the oldest held one. */
	readonly jobs: readonly Job[];
	/** The server has nothing older: the last page read had no `next`. */
	readonly exhausted: boolean;
	readonly requests: number;
	readonly skipped: number;
	/** Whether the time filter was used (false: the server refused it and `offset` was). */
	readonly filtered: boolean;
}

/** The `submit_time` filter for "at or before the second of `time`", in UTC. */
export function beforeFilter(time: number): string {
	const second = Math.ceil(time / 1000) * 1000;
	return `<=${new Date(second).toISOString().replace('.000Z', 'Z')}`;
}

/** Reads the next older page of jobs (see the file's comment). */
export async function fetchOlderPage(input: OlderInput): Promise<OlderOutput> {
	const cut = input.oldest?.submitTime ?? null;
	if (input.useFilter && cut !== null) {
		try {
			return await walkOlder(input, { submit_time: beforeFilter(cut) }, undefined);
		} catch (thrown) {
			const error = toApiError(thrown);
			if (!(error instanceof ApiError) || error.status !== 400) throw error;
		}
	}
	// No time to cut at, or the filter refused: by position, past the jobs held.
	return walkOlder(input, undefined, input.heldCount);
}

async function walkOlder(
	input: OlderInput,
	filters: ListJobsOptions['filters'],
	offset: number | undefined,
): Promise<OlderOutput> {
	const cut = input.oldest?.submitTime ?? null;
	const jobs: Job[] = [];
	const seen = new Set<JobId>();
	let skipped = 0;
	let exhausted = false;
	const requests = await walkJobPages({
		client: input.client,
		request: input.request,
		query: {
			orderBy: ORDER_NEWEST_FIRST,
			maxRecords: MAX_PAGE_RECORDS,
			...(filters === undefined ? {} : { filters }),
			...(offset === undefined || offset <= 0 ? {} : { offset }),
		},
		onPage: (page) => {
			skipped += page.skipped;
			for (const job of page.jobs) {
				const id = jobId(job);
				if (seen.has(id) || input.isHeld(id)) continue;
				// Newer than the oldest held: the server ignored the filter (or pages shifted).
				if (cut !== null && job.submitTime !== null && job.submitTime > cut) continue;
				seen.add(id);
				jobs.push(job);
			}
			exhausted = page.nextHref === null || page.jobs.length === 0;
			return jobs.length > 0 || page.jobs.length === 0;
		},
	});
	return { jobs, exhausted, requests, skipped, filtered: filters !== undefined };
}

/** What {@link OlderPages} needs of its engine. */
export interface OlderHost {
	readonly client: Pick<AiqumClient, 'listJobsPage' | 'listJobsPageAt'>;
	/** Runs one GET with the engine's quick retries under `signal`. */
	readonly request: (signal: AbortSignal) => Requester;
	/** The oldest held job, whether an id is held, and how many are. */
	readonly held: () => { oldest: Job | null; isHeld: (id: JobId) => boolean; count: number };
	/**
	 * Merges the jobs brought (as history: no "new" events) and returns how
	 * many stayed held (retention may drop them all: the cap is reached).
	 */
	readonly merge: (jobs: readonly Job[], skipped: number) => number;
	/** The state changed: publish it. */
	readonly setState: (state: OlderState) => void;
	readonly track: (promise: Promise<unknown>) => void;
}

/**
 * One engine's older pages: one load at a time, a failure kept until the
 * next ask retries it, and nothing asked once the server has nothing older
 * (or the retention cap keeps no more).
 */
export class OlderPages {
	readonly #host: OlderHost;
	#state: OlderState = 'idle';
	#useFilter = true;
	#controller: AbortController | null = null;

	constructor(host: OlderHost) {
		this.#host = host;
	}

	get state(): OlderState {
		return this.#state;
	}

	/** Whether another load could bring anything: not loading, not at the end. */
	get canLoad(): boolean {
		return this.#state === 'idle' || typeof this.#state === 'object';
	}

	/** Loads the next older page unless one is loading or there is none. */
	load(): void {
		if (!this.canLoad) return;
		const controller = new AbortController();
		this.#controller = controller;
		this.#set('loading');
		const task = this.#run(controller.signal).finally(() => {
			if (this.#controller === controller) this.#controller = null;
		});
		this.#host.track(task);
	}

	/** Cancels a load in flight (the engine stops); the state stays as it was asked. */
	stop(): void {
		this.#controller?.abort();
	}

	async #run(signal: AbortSignal): Promise<void> {
		const held = this.#host.held();
		try {
			const output = await fetchOlderPage({
				client: this.#host.client,
				request: this.#host.request(signal),
				oldest: held.oldest,
				isHeld: held.isHeld,
				heldCount: held.count,
				useFilter: this.#useFilter,
			});
			if (signal.aborted) return;
			if (!output.filtered) this.#useFilter = false;
			const kept = this.#host.merge(output.jobs, output.skipped);
			if (output.jobs.length > 0 && kept === 0) this.#set('full');
			else this.#set(output.exhausted ? 'exhausted' : 'idle');
		} catch (thrown) {
			if (signal.aborted) return;
			const error = toApiError(thrown);
			if (error.kind === 'aborted') {
				this.#set('idle');
				return;
			}
			this.#set({ error: { kind: error.kind, message: error.message, hint: error.hint } });
		}
	}

	#set(state: OlderState): void {
		this.#state = state;
		this.#host.setState(state);
	}
}

/**
 * Several servers' older states as one bottom row: loading while any loads;
 * else the first failure (the next ask retries every server not at its end);
 * else at the end when every server is (the cap when any stopped there); else idle.
 */
export function fleetOlder(states: readonly OlderState[]): OlderState {
	if (states.includes('loading')) return 'loading';
	const failed = states.find((state) => typeof state === 'object');
	if (failed !== undefined) return failed;
	if (states.length > 0 && states.every((state) => state === 'exhausted' || state === 'full')) {
		return states.includes('full') ? 'full' : 'exhausted';
	}
	return 'idle';
}
