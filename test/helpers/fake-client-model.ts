/**
 * The server side of the fake AIQUM: a mutable set of raw job records that
 * answers collection queries like Unified Manager (newest submitted first,
 * pages of N with a next query, field filters with `|` and `*`), and stamps
 * each change so long polls can wait for it.
 */
import { DEFAULT_PAGE_RECORDS, MAX_PAGE_RECORDS } from '../../source/api/contract.js';
import type { Job } from '../../source/api/job.js';
import { parseJob } from '../../source/api/parse.js';
import { JOB_FILTER_FIELDS, type JobFilterField } from '../../source/api/types.js';
import type { Clock } from '../../source/time/clock.js';

/** A job record as the server sends it (the fields tests set; anything else passes through). */
export interface RawJob {
	readonly key: string;
	readonly name?: string;
	readonly type?: string;
	readonly state?: string;
	readonly status?: string;
	readonly submit_time?: string;
	readonly complete_time?: string | null;
	readonly [field: string]: unknown;
}

/** The real parser, as the client uses it (a record without a key is a test bug). */
export function parseRaw(raw: RawJob): Job {
	const job = parseJob(raw);
	if (job === null) throw new Error(`fake client: unparseable job ${JSON.stringify(raw)}`);
	return job;
}

/** What a new job may set; everything else gets a plausible default. */
export type NewJob = Partial<RawJob> & { readonly submitMs?: number };

interface StoredJob {
	raw: RawJob;
	/** Insertion order: ties in submit time list the later-added job first, like a real server may. */
	readonly seq: number;
	modifiedAt: number;
}

/** One query of the jobs collection as the model understands it. */
export interface JobsQuery {
	readonly filters?: Partial<Record<JobFilterField, string>>;
	readonly orderBy?: string;
	readonly maxRecords?: number;
	readonly offset?: number;
}

const FILTER_FIELDS: readonly JobFilterField[] = JOB_FILTER_FIELDS;

/**
 * AIQUM's filter syntax compiled once per query: `|` separates alternatives,
 * `*` matches anything; case-insensitive.
 */
function compilePattern(pattern: string): (value: unknown) => boolean {
	const exact = new Set<string>();
	const wild: RegExp[] = [];
	for (const alternative of pattern.split('|')) {
		if (!alternative.includes('*')) {
			exact.add(alternative.toLowerCase());
			continue;
		}
		const source = alternative
			.split('*')
			.map((part) => part.replace(/[.+?^${}()[\]\\]/g, '\\$&'))
			.join('.*');
		wild.push(new RegExp(`^${source}$`, 'i'));
	}
	return (value) => {
		const text = value === null || value === undefined ? '' : String(value);
		return exact.has(text.toLowerCase()) || wild.some((regex) => regex.test(text));
	};
}

/**
 * The server side: a mutable set of raw job records. Mutations stamp a
 * modification time (on the given clock) that long polls compare against.
 */
export class FakeAiqumModel {
	readonly #jobs = new Map<string, StoredJob>();
	readonly #watchers = new Set<() => void>();
	#seq = 0;
	readonly clock: Clock;
	/** Server default page size (AIQUM's own, from the contract). */
	defaultPageSize: number = DEFAULT_PAGE_RECORDS;

	constructor(clock: Clock) {
		this.clock = clock;
	}

	/** Adds a job (running by default, submitted now) and returns its raw record. */
	addJob(fields: NewJob = {}): RawJob {
		this.#seq += 1;
		const { submitMs, ...rest } = fields;
		const key = rest.key ?? `06a6148bf9e862df:-2611856e:16e8d47e722:-${this.#seq.toString(16)}`;
		const raw: RawJob = {
			name: `Job ${this.#seq}`,
			type: 'Provisioning',
			state: 'running',
			status: 'normal',
			submit_time: new Date(submitMs ?? this.clock.now()).toISOString(),
			...rest,
			key,
		};
		this.#jobs.set(key, { raw, seq: this.#seq, modifiedAt: this.clock.now() });
		this.#notify();
		return raw;
	}

	/** Adds `count` jobs, all submitted now (a burst). Returns their keys, oldest first. */
	addJobs(count: number, fields: NewJob = {}): string[] {
		return Array.from({ length: count }, () => this.addJob(fields).key);
	}

	/** Changes fields of a job; `null` removes a field. */
	updateJob(key: string, patch: Partial<Record<keyof RawJob, unknown>>): void {
		const stored = this.#mustGet(key);
		const raw: Record<string, unknown> = { ...stored.raw };
		for (const [field, value] of Object.entries(patch)) {
			if (value === null) delete raw[field];
			else raw[field] = value;
		}
		stored.raw = raw as unknown as RawJob;
		stored.modifiedAt = this.clock.now();
		this.#notify();
	}

	/** Ends a job: `completed` with the given outcome (or `aborted`), complete_time now. */
	finishJob(
		key: string,
		status: 'normal' | 'warning' | 'partial_failures' | 'error' = 'normal',
	): void {
		this.updateJob(key, {
			state: 'completed',
			status,
			complete_time: new Date(this.clock.now()).toISOString(),
		});
	}

	/** Forgets a job (the server purged it). */
	removeJob(key: string): void {
		this.#jobs.delete(key);
		this.#notify();
	}

	/** The raw record of a job, or undefined. */
	getRaw(key: string): RawJob | undefined {
		return this.#jobs.get(key)?.raw;
	}

	/** When a job last changed (model clock), or undefined. */
	modifiedAt(key: string): number | undefined {
		return this.#jobs.get(key)?.modifiedAt;
	}

	get size(): number {
		return this.#jobs.size;
	}

	/** Answers a collection query: matching records, ordered, one page, and the next query if any. */
	query(query: JobsQuery): { records: RawJob[]; total: number; next: JobsQuery | null } {
		const filters = query.filters ?? {};
		const tests = FILTER_FIELDS.flatMap((field) => {
			const pattern = filters[field];
			if (pattern === undefined) return [];
			const test = compilePattern(pattern);
			return [(raw: RawJob) => test(raw[field])];
		});
		const matching = [...this.#jobs.values()].filter((stored) =>
			tests.every((test) => test(stored.raw)),
		);
		const ascending = /\basc$/i.test(query.orderBy ?? '');
		matching.sort((a, b) => {
			const ta = Date.parse(a.raw.submit_time ?? '') || 0;
			const tb = Date.parse(b.raw.submit_time ?? '') || 0;
			const byTime = ascending ? ta - tb : tb - ta;
			return byTime !== 0 ? byTime : ascending ? a.seq - b.seq : b.seq - a.seq;
		});
		const max = Math.min(MAX_PAGE_RECORDS, Math.max(1, query.maxRecords ?? this.defaultPageSize));
		const offset = Math.max(0, query.offset ?? 0);
		const records = matching.slice(offset, offset + max).map((stored) => stored.raw);
		const next = offset + max < matching.length ? { ...query, offset: offset + max } : null;
		return { records, total: matching.length, next };
	}

	/** Calls `listener` after every mutation; returns the unsubscribe function. */
	watch(listener: () => void): () => void {
		this.#watchers.add(listener);
		return () => this.#watchers.delete(listener);
	}

	#notify(): void {
		for (const listener of [...this.#watchers]) listener();
	}

	#mustGet(key: string): StoredJob {
		const stored = this.#jobs.get(key);
		if (stored === undefined) throw new Error(`fake model: no job ${key}`);
		return stored;
	}
}
