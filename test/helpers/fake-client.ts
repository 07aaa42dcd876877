/**
 * An in-memory stand-in for Unified Manager and for `AiqumClient`, for tests that
 * need exact control: a mutable server model that answers like AIQUM (newest
 * submitted first, pages of N with a `next` link, field filters with `|` and `*`,
 * long polling with `poll_timeout`/`last_modified`), and a client over it that
 * records every call, can be slowed down on a fake clock, and can be told to fail.
 */
import { ApiError } from '../../source/api/errors.js';
import type { Job, SystemInfo } from '../../source/api/job.js';
import type {
	AiqumClient,
	JobsPage,
	ListJobsOptions,
	LongPollOptions,
	LongPollResult,
} from '../../source/api/types.js';
import type { Clock } from '../../source/time/clock.js';
import { FakeAiqumModel, type JobsQuery, parseRaw, type RawJob } from './fake-client-model.js';

export {
	FakeAiqumModel,
	type JobsQuery,
	type NewJob,
	parseRaw,
	type RawJob,
} from './fake-client-model.js';

/** The client methods a test can watch, fail or slow down. */
export type FakeMethod = 'listJobsPage' | 'listJobsPageAt' | 'getJob' | 'longPollJob' | 'getSystem';

/** One recorded call. `query` for list calls, `key` for single-job calls. */
export interface FakeCall {
	readonly method: FakeMethod;
	readonly at: number;
	readonly query?: JobsQuery;
	readonly key?: string;
	readonly longPoll?: LongPollOptions;
}

interface Fault {
	readonly methods: readonly FakeMethod[] | null;
	readonly when: ((call: Omit<FakeCall, 'at'>) => boolean) | null;
	readonly error: () => ApiError;
	remaining: number;
}

/** Options for {@link FakeAiqumClient}. */
export interface FakeClientOptions {
	/** Whether long polls are held until a change (`honour`) or answered at once (`ignore`). */
	readonly longPoll?: 'honour' | 'ignore';
	/**
	 * Every call's answer arrives this long after it was asked (on the model's
	 * clock), carrying the state of the moment it was asked. Default 0.
	 */
	readonly latencyMs?: number;
	/** Turns a raw record into a Job; defaults to the real parser. */
	readonly parse?: (raw: RawJob) => Job;
	readonly version?: string | null;
}

const NEXT_PREFIX = '/api/management-server/jobs?fake=';

/**
 * `AiqumClient` over a {@link FakeAiqumModel}. Every call is recorded in
 * {@link calls}; {@link inFlight} and {@link maxListInFlight} expose overlap.
 * Aborting a call's signal rejects it with an `aborted` ApiError at once.
 */
export class FakeAiqumClient implements AiqumClient {
	readonly baseUrl = 'https://um.test/api';
	readonly displayHost = 'um.test';
	readonly server = '';
	readonly model: FakeAiqumModel;
	readonly calls: FakeCall[] = [];
	longPollMode: 'honour' | 'ignore';
	latencyMs: number;
	version: string | null;
	/** Calls started and not yet settled. */
	inFlight = 0;
	/** The most list calls (listJobsPage/At) ever in flight together. */
	maxListInFlight = 0;
	#listInFlight = 0;
	readonly #faults: Fault[] = [];
	readonly #parse: (raw: RawJob) => Job;
	closed = false;

	constructor(model: FakeAiqumModel, options: FakeClientOptions = {}) {
		this.model = model;
		this.longPollMode = options.longPoll ?? 'honour';
		this.latencyMs = options.latencyMs ?? 0;
		this.#parse = options.parse ?? parseRaw;
		this.version = options.version === undefined ? '9.16P1' : options.version;
	}

	/**
	 * Makes the next `times` calls of the given methods (all methods when not
	 * given) that also satisfy `when` fail with `error` (a fresh error each time
	 * when a function is given). Faults are matched in the order they were added.
	 */
	failNext(
		error: ApiError | (() => ApiError),
		options: {
			methods?: readonly FakeMethod[];
			times?: number;
			when?: (call: Omit<FakeCall, 'at'>) => boolean;
		} = {},
	): void {
		this.#faults.push({
			methods: options.methods ?? null,
			when: options.when ?? null,
			error: typeof error === 'function' ? error : () => error,
			remaining: options.times ?? 1,
		});
	}

	/** Drops every pending fault. */
	clearFaults(): void {
		this.#faults.length = 0;
	}

	/** Recorded calls of one method (or of all). */
	callsOf(...methods: FakeMethod[]): FakeCall[] {
		return methods.length === 0
			? [...this.calls]
			: this.calls.filter((c) => methods.includes(c.method));
	}

	/** Number of HTTP requests the calls so far would have made. */
	get requestCount(): number {
		return this.calls.length;
	}

	listJobsPage(options: ListJobsOptions = {}): Promise<JobsPage> {
		const query: JobsQuery = {
			...(options.filters === undefined ? {} : { filters: options.filters }),
			...(options.orderBy === undefined ? {} : { orderBy: options.orderBy }),
			...(options.maxRecords === undefined ? {} : { maxRecords: options.maxRecords }),
			...(options.offset === undefined ? {} : { offset: options.offset }),
		};
		return this.#list('listJobsPage', query, options.signal);
	}

	listJobsPageAt(href: string, signal?: AbortSignal): Promise<JobsPage> {
		if (!href.startsWith(NEXT_PREFIX)) {
			return Promise.reject(new ApiError('request', `fake: unexpected next link ${href}`));
		}
		const query = JSON.parse(decodeURIComponent(href.slice(NEXT_PREFIX.length))) as JobsQuery;
		return this.#list('listJobsPageAt', query, signal);
	}

	getJob(key: string, signal?: AbortSignal): Promise<Job> {
		return this.#call({ method: 'getJob', key }, signal, async () => this.#one(key));
	}

	longPollJob(key: string, options: LongPollOptions): Promise<LongPollResult> {
		const started = this.model.clock.now();
		return this.#call(
			{ method: 'longPollJob', key, longPoll: options },
			options.signal,
			async () => {
				this.#one(key);
				if (this.longPollMode === 'honour') await this.#holdUntilChange(key, options);
				const now = this.model.clock.now();
				return { job: this.#one(key), serverTime: now, heldMs: now - started };
			},
		);
	}

	getSystem(signal?: AbortSignal): Promise<SystemInfo> {
		return this.#call({ method: 'getSystem' }, signal, async () => ({
			version: this.version,
			uuid: null,
			name: 'um.test',
		}));
	}

	async close(): Promise<void> {
		this.closed = true;
	}

	#one(key: string): Job {
		const raw = this.model.getRaw(key);
		if (raw === undefined)
			throw new ApiError('not-found', `Job ${key} was not found.`, { status: 404 });
		return this.#parse(raw);
	}

	#list(method: FakeMethod, query: JobsQuery, signal?: AbortSignal): Promise<JobsPage> {
		this.#listInFlight += 1;
		this.maxListInFlight = Math.max(this.maxListInFlight, this.#listInFlight);
		const result = this.#call({ method, query }, signal, async () => {
			const answer = this.model.query(query);
			return {
				jobs: answer.records.map((raw) => this.#parse(raw)),
				numRecords: answer.records.length,
				totalRecords: answer.total,
				nextHref:
					answer.next === null
						? null
						: NEXT_PREFIX + encodeURIComponent(JSON.stringify(answer.next)),
				skipped: 0,
			};
		});
		const done = () => {
			this.#listInFlight -= 1;
		};
		result.then(done, done);
		return result;
	}

	async #call<T>(
		call: Omit<FakeCall, 'at'>,
		signal: AbortSignal | undefined,
		answer: () => Promise<T>,
	): Promise<T> {
		this.calls.push({ ...call, at: this.model.clock.now() });
		this.inFlight += 1;
		try {
			if (signal?.aborted) throw abortedError();
			const fault = this.#takeFault(call);
			// The answer is taken now and delivered after the latency, as a server would:
			// a slow response carries the state from when it was asked.
			const result = fault === undefined ? answer() : Promise.reject(fault);
			result.catch(() => undefined);
			if (this.latencyMs > 0) await this.#sleep(this.latencyMs, signal);
			return await result;
		} finally {
			this.inFlight -= 1;
		}
	}

	#takeFault(call: Omit<FakeCall, 'at'>): ApiError | undefined {
		const index = this.#faults.findIndex(
			(f) =>
				(f.methods === null || f.methods.includes(call.method)) &&
				(f.when === null || f.when(call)),
		);
		const fault = this.#faults[index];
		if (fault === undefined) return undefined;
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.#faults.splice(index, 1);
		return fault.error();
	}

	#sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
		return new Promise((resolve, reject) => {
			const timer = this.model.clock.setTimeout(() => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			}, ms);
			const onAbort = () => {
				this.model.clock.clearTimeout(timer);
				reject(abortedError());
			};
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	}

	/** Holds a long poll until the job changes after `lastModified`, or the poll timeout ends. */
	#holdUntilChange(key: string, options: LongPollOptions): Promise<void> {
		const changed = () =>
			(this.model.modifiedAt(key) ?? Number.POSITIVE_INFINITY) > options.lastModified;
		if (changed()) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const seconds = Math.min(120, Math.max(1, options.pollTimeoutSeconds));
			const finish = () => {
				this.model.clock.clearTimeout(timer);
				unwatch();
				options.signal?.removeEventListener('abort', onAbort);
			};
			const timer = this.model.clock.setTimeout(() => {
				finish();
				resolve();
			}, seconds * 1000);
			const unwatch = this.model.watch(() => {
				if (!changed()) return;
				finish();
				resolve();
			});
			const onAbort = () => {
				finish();
				reject(abortedError());
			};
			options.signal?.addEventListener('abort', onAbort, { once: true });
		});
	}
}

function abortedError(): ApiError {
	return new ApiError('aborted', 'The request was cancelled.');
}

/** A model and a client over it, on one clock. */
export function createFakeServer(
	clock: Clock,
	options: FakeClientOptions = {},
): { model: FakeAiqumModel; client: FakeAiqumClient } {
	const model = new FakeAiqumModel(clock);
	return { model, client: new FakeAiqumClient(model, options) };
}
