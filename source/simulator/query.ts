import { DEFAULT_PAGE_RECORDS, MAX_PAGE_RECORDS } from '../api/contract.js';
import { JOB_FILTER_FIELDS } from '../api/types.js';
import type { JobRecord } from './job-store.js';
import { formatTime, wireState, wireStatus } from './serialize.js';
import type { SimShape } from './types.js';

/** The fields the jobs collection filters and orders by (the contract's list). */
export const QUERY_FIELDS = JOB_FILTER_FIELDS;

type Field = (typeof QUERY_FIELDS)[number];

/** A query the server refuses (400), naming the parameter at fault. */
export interface QueryError {
	readonly error: string;
	readonly target: string;
}

interface Alternative {
	readonly negate: boolean;
	/** For time fields: `<`, `<=`, `>`, `>=` with a parsed time. */
	readonly compare: { readonly op: string; readonly time: number } | null;
	/** Exact text (no `*`), lowercased for case-insensitive fields. */
	readonly exact: string | null;
	readonly pattern: RegExp | null;
}

interface Filter {
	readonly field: Field;
	readonly alternatives: readonly Alternative[];
}

interface OrderTerm {
	readonly field: Field;
	readonly descending: boolean;
}

/** A parsed query of the jobs collection. */
export interface CollectionQuery {
	readonly filters: readonly Filter[];
	/** Null: the default, newest submitted first. */
	readonly order: readonly OrderTerm[] | null;
	readonly maxRecords: number;
	readonly offset: number;
	/** Keys named by a `key=` filter without wildcards: looked up, not scanned for. */
	readonly keys: readonly string[] | null;
}

const CASE_INSENSITIVE = new Set<Field>(['state', 'status']);
const TIME_FIELDS = new Set<Field>(['submit_time', 'complete_time']);

function isField(name: string): name is Field {
	return (QUERY_FIELDS as readonly string[]).includes(name);
}

function parseAlternative(field: Field, raw: string): Alternative | QueryError {
	let text = raw;
	const negate = text.startsWith('!');
	if (negate) text = text.slice(1);
	const op = TIME_FIELDS.has(field) ? /^(<=|>=|<|>)/.exec(text)?.[1] : undefined;
	if (op !== undefined) {
		const time = Date.parse(text.slice(op.length));
		if (Number.isNaN(time)) return { error: `Invalid time "${raw}".`, target: field };
		return { negate, compare: { op, time }, exact: null, pattern: null };
	}
	const folded = CASE_INSENSITIVE.has(field) ? text.toLowerCase() : text;
	if (!folded.includes('*')) return { negate, compare: null, exact: folded, pattern: null };
	const source = folded
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return { negate, compare: null, exact: null, pattern: new RegExp(`^${source}$`, 's') };
}

function parseNumber(params: URLSearchParams, name: string, fallback: number): number | QueryError {
	const raw = params.get(name);
	if (raw === null || raw === '') return fallback;
	if (!/^\d+$/.test(raw)) return { error: `Invalid value "${raw}" for ${name}.`, target: name };
	return Number(raw);
}

function parseOrder(raw: string): OrderTerm[] | QueryError {
	const terms: OrderTerm[] = [];
	for (const part of raw.split(',')) {
		const [field = '', direction = 'asc', ...rest] = part.trim().split(/\s+/);
		if (!isField(field) || rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) {
			return { error: `Invalid order_by "${raw}".`, target: 'order_by' };
		}
		terms.push({ field, descending: direction === 'desc' });
	}
	return terms;
}

/** Reads filters, `order_by`, `max_records` and `offset`; unknown parameters are ignored. */
export function parseCollectionQuery(params: URLSearchParams): CollectionQuery | QueryError {
	const filters: Filter[] = [];
	let keys: string[] | null = null;
	for (const [name, value] of params) {
		if (!isField(name)) continue;
		if (value.includes('?')) return { error: `A filter value must not contain "?".`, target: name };
		const alternatives: Alternative[] = [];
		for (const raw of value.split('|')) {
			const alternative = parseAlternative(name, raw);
			if ('error' in alternative) return alternative;
			alternatives.push(alternative);
		}
		filters.push({ field: name, alternatives });
		if (
			name === 'key' &&
			keys === null &&
			alternatives.every((a) => a.exact !== null && !a.negate)
		) {
			keys = alternatives.map((a) => a.exact ?? '');
		}
	}
	const maxRecords = parseNumber(params, 'max_records', DEFAULT_PAGE_RECORDS);
	if (typeof maxRecords !== 'number') return maxRecords;
	const offset = parseNumber(params, 'offset', 0);
	if (typeof offset !== 'number') return offset;
	const rawOrder = params.get('order_by');
	const order = rawOrder === null || rawOrder.trim() === '' ? null : parseOrder(rawOrder);
	if (order !== null && 'error' in order) return order;
	return { filters, order, maxRecords: Math.min(maxRecords, MAX_PAGE_RECORDS), offset, keys };
}

/** A field's value as the wire shows it, or null when the job lacks it. */
function fieldText(job: JobRecord, field: Field, shape: SimShape, offset: number): string | null {
	switch (field) {
		case 'state':
			return wireState(job.state, job.status, shape);
		case 'status':
			return wireStatus(job.status, shape);
		case 'submit_time':
			return formatTime(job.submitTime, offset);
		case 'complete_time':
			return job.completeTime === null ? null : formatTime(job.completeTime, offset);
		default:
			return job[field];
	}
}

function fieldTime(job: JobRecord, field: Field): number | null {
	return field === 'submit_time' ? job.submitTime : job.completeTime;
}

function matchesAlternative(job: JobRecord, filter: Filter, alt: Alternative, ctx: MatchContext) {
	let hit: boolean;
	if (alt.compare !== null) {
		const time = fieldTime(job, filter.field);
		const { op, time: limit } = alt.compare;
		hit =
			time !== null &&
			(op === '<'
				? time < limit
				: op === '<='
					? time <= limit
					: op === '>'
						? time > limit
						: time >= limit);
	} else {
		const raw = fieldText(job, filter.field, ctx.shape, ctx.offsetMinutes);
		const text = raw !== null && CASE_INSENSITIVE.has(filter.field) ? raw.toLowerCase() : raw;
		hit =
			text !== null &&
			(alt.exact !== null ? text === alt.exact : (alt.pattern?.test(text) ?? false));
	}
	return alt.negate ? !hit : hit;
}

/** How values are written, which filters compare against. */
export interface MatchContext {
	readonly shape: SimShape;
	readonly offsetMinutes: number;
}

function matches(job: JobRecord, filters: readonly Filter[], ctx: MatchContext): boolean {
	return filters.every((filter) =>
		filter.alternatives.some((alt) => matchesAlternative(job, filter, alt, ctx)),
	);
}

function orderValue(job: JobRecord, field: Field, ctx: MatchContext): number | string {
	if (TIME_FIELDS.has(field)) return fieldTime(job, field) ?? Number.NEGATIVE_INFINITY;
	return fieldText(job, field, ctx.shape, ctx.offsetMinutes) ?? '';
}

function sortJobs(jobs: JobRecord[], order: readonly OrderTerm[], ctx: MatchContext): void {
	const lastDescending = order[0]?.descending ?? true;
	jobs.sort((a, b) => {
		for (const term of order) {
			const x = orderValue(a, term.field, ctx);
			const y = orderValue(b, term.field, ctx);
			if (x !== y) return (x < y ? -1 : 1) * (term.descending ? -1 : 1);
		}
		return (a.seq - b.seq) * (lastDescending ? -1 : 1);
	});
}

/** A page of jobs and how many matched in all. */
export interface Selection {
	readonly records: readonly JobRecord[];
	readonly total: number;
}

/**
 * Applies a query to the jobs (oldest first). The default order walks the list
 * from its newest end and keeps only the page, so an unfiltered page costs
 * O(page) however many jobs are held.
 */
export function selectJobs(
	all: readonly JobRecord[],
	lookup: (key: string) => JobRecord | undefined,
	query: CollectionQuery,
	ctx: MatchContext,
): Selection {
	const { offset, maxRecords } = query;
	const order = query.order;
	const bySubmit = order === null || (order.length === 1 && order[0]?.field === 'submit_time');
	if (query.keys !== null) {
		const found = new Set<JobRecord>();
		for (const key of query.keys) {
			const job = lookup(key);
			if (job !== undefined && matches(job, query.filters, ctx)) found.add(job);
		}
		const jobs = [...found];
		sortJobs(jobs, order ?? [{ field: 'submit_time', descending: true }], ctx);
		return { records: jobs.slice(offset, offset + maxRecords), total: jobs.length };
	}
	if (!bySubmit) {
		const jobs = all.filter((job) => matches(job, query.filters, ctx));
		sortJobs(jobs, order, ctx);
		return { records: jobs.slice(offset, offset + maxRecords), total: jobs.length };
	}
	const descending = order === null || order[0]?.descending === true;
	const at = (i: number) => all[descending ? all.length - 1 - i : i];
	if (query.filters.length === 0) {
		const records: JobRecord[] = [];
		for (let i = offset; i < Math.min(all.length, offset + maxRecords); i++) {
			const job = at(i);
			if (job !== undefined) records.push(job);
		}
		return { records, total: all.length };
	}
	const records: JobRecord[] = [];
	let total = 0;
	for (let i = 0; i < all.length; i++) {
		const job = at(i);
		if (job === undefined || !matches(job, query.filters, ctx)) continue;
		if (total >= offset && records.length < maxRecords) records.push(job);
		total++;
	}
	return { records, total };
}
