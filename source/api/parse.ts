/**
 * Raw JSON from Unified Manager to {@link Job}s. Tolerant field by field: a
 * missing, malformed or unexpected field degrades that field alone, never the
 * job or the page. Every string is sanitized on the way in, and every walk
 * over server data is bounded in depth and size. See `parse-state.ts` for how
 * the display state is derived.
 */
import { t } from '../i18n/t.js';
import { ApiError } from './errors.js';
import { POOL_MAX_RAW, StringPool } from './intern.js';
import type { ExtraField, Job, JobResult, TaskReport } from './job.js';
import { deriveState } from './parse-state.js';
import { anyText, count, field, isRecord, parseTime, SHORT_TEXT, text } from './parse-values.js';
import { sanitizeText } from './sanitize.js';
import { JOB_FILTER_FIELDS, type JobsPage } from './types.js';
import { type BaseUrl, parseBaseUrl, resolveNextHref } from './url.js';

/** Bounds that keep a hostile page from costing unbounded memory or time. */
export const PARSE_LIMITS = {
	records: 10_000,
	taskReports: 1000,
	jobResults: 1000,
	extraFields: 64,
	extraValue: 1000,
	message: 2000,
	resultValue: 2000,
} as const;

/** Fields read into a Job; anything else is listed as an extra field. */
const KNOWN_FIELDS = new Set<string>([
	...JOB_FILTER_FIELDS,
	'start_time',
	'task_reports',
	'job_results',
	'_links',
]);

/** Where servers put a task's failure text; the first non-empty one wins. [assumed] */
const MESSAGE_FIELDS = [
	'message',
	'error_message',
	'errorMessage',
	'error',
	'status_message',
	'details',
	'detail',
	'reason',
	'description',
] as const;

/**
 * The parser's pool of repeated strings (types, states, statuses, names of
 * results and extra fields): 100,000 held jobs share a few hundred strings.
 */
const shared = new StringPool();

/** One empty list for every job without tasks, results or extra fields. */
const NONE: readonly never[] = Object.freeze([]);

/** {@link text} for a value that repeats across jobs: the same string for the same raw value. */
function sharedText(value: unknown): string | null {
	if (typeof value !== 'string') return text(value);
	return shared.share(value, sanitizeShort);
}

/** {@link anyText} for a value that repeats across jobs (`maxLength` ≥ {@link POOL_MAX_RAW}). */
function sharedAnyText(value: unknown, maxLength: number): string {
	if (typeof value !== 'string' || value.length > POOL_MAX_RAW || maxLength < POOL_MAX_RAW) {
		return anyText(value, maxLength);
	}
	// A value this short is cut by neither bound: sanitized as SHORT_TEXT, it is the same text.
	return shared.share(value, sanitizeShort);
}

function sanitizeShort(raw: string): string {
	return sanitizeText(raw, SHORT_TEXT);
}

/**
 * One job object to a {@link Job}. Returns null only when the object has no
 * usable key (or is not an object at all); every other defect degrades the
 * field it is in. Never throws.
 */
export function parseJob(raw: unknown, server = ''): Job | null {
	try {
		return parseJobUnsafe(raw, server);
	} catch {
		return null;
	}
}

function parseJobUnsafe(raw: unknown, server: string): Job | null {
	if (!isRecord(raw)) return null;
	const key = text(field(raw, 'key'))?.trim() ?? '';
	if (key === '') return null;
	const state = sharedText(field(raw, 'state'));
	const status = sharedText(field(raw, 'status'));
	const completeTime = parseTime(field(raw, 'complete_time'));
	const derived = deriveState(state, status, completeTime !== null);
	// One object literal, every field always present: all jobs share one hidden class.
	return {
		key,
		server,
		name: text(field(raw, 'name')) ?? '',
		type: sharedText(field(raw, 'type')) ?? '',
		state,
		status,
		displayState: derived.displayState,
		rawState: derived.rawState,
		over: derived.over,
		submitTime: parseTime(field(raw, 'submit_time')),
		completeTime,
		startTime: parseTime(field(raw, 'start_time')),
		taskReports: parseList(field(raw, 'task_reports'), PARSE_LIMITS.taskReports, parseTask),
		jobResults: parseList(field(raw, 'job_results'), PARSE_LIMITS.jobResults, parseResult),
		extra: parseExtra(raw),
	};
}

/** The parsed items of a list, in an array of exactly their number (or {@link NONE}). */
function parseList<T>(
	value: unknown,
	limit: number,
	parse: (item: unknown) => T | null,
): readonly T[] {
	if (!Array.isArray(value) || value.length === 0) return NONE;
	const items: T[] = [];
	for (let index = 0; index < value.length && items.length < limit; index += 1) {
		const item = parse(value[index]);
		if (item !== null) items.push(item);
	}
	return fitted(items);
}

/**
 * A grown array keeps spare room (17 slots after one push): a copy of exactly
 * its length, or the shared empty one, is what a held job keeps.
 */
function fitted<T>(items: T[]): readonly T[] {
	return items.length === 0 ? NONE : items.slice();
}

function parseTask(raw: unknown): TaskReport | null {
	if (!isRecord(raw)) return null;
	const state = sharedText(field(raw, 'state'));
	const status = sharedText(field(raw, 'status'));
	const derived = deriveState(state, status, parseTime(field(raw, 'complete_time')) !== null);
	return {
		key: text(field(raw, 'key')),
		type: sharedText(field(raw, 'type')) ?? '',
		state,
		status,
		displayState: derived.displayState,
		message: taskMessage(raw),
	};
}

function taskMessage(raw: Record<string, unknown>): string | null {
	for (const name of MESSAGE_FIELDS) {
		let value = field(raw, name);
		if (isRecord(value)) value = field(value, 'message');
		if (value === undefined || value === null || value === '') continue;
		const message = anyText(value, PARSE_LIMITS.message).trim();
		if (message !== '') return message;
	}
	return null;
}

function parseResult(raw: unknown): JobResult | null {
	if (!isRecord(raw)) return null;
	const name = field(raw, 'name');
	const value = field(raw, 'value');
	if (name === undefined && value === undefined) return null;
	return {
		name: name === undefined || name === null ? '' : sharedAnyText(name, SHORT_TEXT),
		value: value === undefined || value === null ? '' : anyText(value, PARSE_LIMITS.resultValue),
	};
}

function parseExtra(raw: Record<string, unknown>): readonly ExtraField[] {
	const extra: ExtraField[] = [];
	for (const name of Object.keys(raw)) {
		if (KNOWN_FIELDS.has(name)) continue;
		if (extra.length >= PARSE_LIMITS.extraFields) break;
		extra.push({
			name: sharedAnyText(name, SHORT_TEXT),
			value: sharedAnyText(raw[name], PARSE_LIMITS.extraValue),
		});
	}
	return fitted(extra);
}

/**
 * One page of the jobs collection. Throws {@link ApiError} `bad-response` only
 * when the envelope is not an object with a `records` array. A record without
 * a key, or repeating a key already on this page, is skipped and counted in
 * `skipped`. A `next` link to another server or outside the API is dropped
 * (`nextHref` null) and the reason given in `nextRefused`.
 */
export function parseJobsPage(raw: unknown, base: BaseUrl | string, server = ''): JobsPage {
	const records = isRecord(raw) ? field(raw, 'records') : undefined;
	if (!isRecord(raw) || !Array.isArray(records)) {
		throw new ApiError('bad-response', t('api.noJobList'), { hint: t('api.noJobList.hint') });
	}
	const jobs: Job[] = [];
	const seen = new Set<string>();
	let skipped = Math.max(0, records.length - PARSE_LIMITS.records);
	for (let index = 0; index < Math.min(records.length, PARSE_LIMITS.records); index += 1) {
		const job = parseJob(records[index], server);
		if (job === null || seen.has(job.key)) {
			skipped += 1;
			continue;
		}
		seen.add(job.key);
		jobs.push(job);
	}
	const next = nextLink(raw, base);
	return {
		jobs,
		numRecords: count(field(raw, 'num_records')) ?? records.length,
		totalRecords: count(field(raw, 'total_records')),
		nextHref: next.href,
		skipped,
		...(next.refused === undefined ? {} : { nextRefused: next.refused }),
	};
}

function nextLink(
	raw: Record<string, unknown>,
	base: BaseUrl | string,
): { href: string | null; refused?: string } {
	const links = field(raw, '_links');
	const next = isRecord(links) ? field(links, 'next') : undefined;
	const href = isRecord(next) ? field(next, 'href') : undefined;
	if (typeof href !== 'string' || href === '') return { href: null };
	try {
		const resolved = resolveNextHref(href, typeof base === 'string' ? parseBaseUrl(base) : base);
		if ('refused' in resolved) {
			return {
				href: null,
				refused: sanitizeText(resolved.refused, 300),
			};
		}
		return { href: resolved.path };
	} catch {
		return {
			href: null,
			refused: t('api.nextUnchecked'),
		};
	}
}
