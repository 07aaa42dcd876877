/**
 * The AIQUM jobs API client: paths, queries, paging and the shapes of the
 * answers. Transport, TLS and error mapping live in `http.ts` and below.
 */

import { t } from '../i18n/t.js';
import { systemClock } from '../time/clock.js';
import { DEFAULT_PAGE_RECORDS, MAX_PAGE_RECORDS } from './contract.js';
import { ApiError } from './errors.js';
import { createHttp, HTTP_DEFAULTS, type Http } from './http.js';
import type { Job, SystemInfo } from './job.js';
import { parseJob, parseJobsPage } from './parse.js';
import { field, isRecord, text } from './parse-values.js';
import {
	type AiqumClient,
	type ClientOptions,
	JOB_FILTER_FIELDS,
	type JobsPage,
	type ListJobsOptions,
	type LongPollOptions,
	type LongPollResult,
} from './types.js';
import { type BaseUrl, buildQuery, parseBaseUrl, resolveNextHref } from './url.js';

/** Extra time a long poll may take beyond `poll_timeout` before it counts as a timeout. */
export const LONG_POLL_MARGIN_MS = 15_000;

/**
 * Creates a client for one Unified Manager. Throws `UsageError` (from
 * `url.ts`) for a URL it refuses, and for a malformed fingerprint.
 */
export function createClient(options: ClientOptions): AiqumClient {
	const base = parseBaseUrl(options.url);
	const clock = options.clock ?? systemClock;
	const http = createHttp({
		base,
		user: options.user,
		password: options.password,
		...(options.ca === undefined ? {} : { ca: options.ca }),
		...(options.caFile === undefined ? {} : { caFile: options.caFile }),
		...(options.insecure === undefined ? {} : { insecure: options.insecure }),
		...(options.fingerprint === undefined ? {} : { fingerprint: options.fingerprint }),
		connectTimeoutMs: options.connectTimeoutMs ?? HTTP_DEFAULTS.connectTimeoutMs,
		headersTimeoutMs: options.headersTimeoutMs ?? HTTP_DEFAULTS.headersTimeoutMs,
		bodyTimeoutMs: options.bodyTimeoutMs ?? HTTP_DEFAULTS.bodyTimeoutMs,
		maxResponseBytes: options.maxResponseBytes ?? HTTP_DEFAULTS.maxResponseBytes,
		clock,
		...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
	});
	return new Client(base, http, options.server ?? base.displayHost);
}

class Client implements AiqumClient {
	readonly baseUrl: string;
	readonly displayHost: string;

	constructor(
		private readonly base: BaseUrl,
		private readonly http: Http,
		readonly server: string,
	) {
		this.baseUrl = base.href;
		this.displayHost = base.displayHost;
	}

	private get jobsPath(): string {
		return `${this.base.prefix}/management-server/jobs`;
	}

	async listJobsPage(options: ListJobsOptions = {}): Promise<JobsPage> {
		return this.pageAt(this.jobsPath + jobsQuery(options), options.signal);
	}

	async listJobsPageAt(href: string, signal?: AbortSignal): Promise<JobsPage> {
		const resolved = resolveNextHref(href, this.base);
		if ('refused' in resolved) {
			throw new ApiError('bad-response', resolved.refused, { hint: t('api.next.hint') });
		}
		return this.pageAt(resolved.path, signal);
	}

	private async pageAt(path: string, signal: AbortSignal | undefined): Promise<JobsPage> {
		const answer = await this.http.getJson(path, { signal });
		return parseJobsPage(answer.body, this.base, this.server);
	}

	async getJob(key: string, signal?: AbortSignal): Promise<Job> {
		const answer = await this.http.getJson(this.jobPath(key), { signal });
		return jobFrom(answer.body, this.server);
	}

	async longPollJob(key: string, options: LongPollOptions): Promise<LongPollResult> {
		const seconds = Math.min(120, Math.max(1, Math.round(options.pollTimeoutSeconds)));
		const query = buildQuery([
			['poll_timeout', String(seconds)],
			['last_modified', new Date(options.lastModified).toISOString()],
		]);
		const answer = await this.http.getJson(this.jobPath(key) + query, {
			signal: options.signal,
			headersTimeoutMs: seconds * 1000 + LONG_POLL_MARGIN_MS,
		});
		const date = answer.date === undefined ? Number.NaN : Date.parse(answer.date);
		return {
			job: jobFrom(answer.body, this.server),
			serverTime: Number.isFinite(date) ? date : null,
			heldMs: answer.heldMs,
		};
	}

	async getSystem(signal?: AbortSignal): Promise<SystemInfo> {
		const answer = await this.http.getJson(`${this.base.prefix}/management-server/system`, {
			signal,
		});
		return systemFrom(answer.body);
	}

	close(): Promise<void> {
		return this.http.close();
	}

	private jobPath(key: string): string {
		if (key === '') {
			throw new ApiError('request', t('api.noJobKey'), { hint: t('api.noJobKey.hint') });
		}
		// `.` and `..` survive encodeURIComponent and would climb the path; encode them too.
		const segment = /^\.+$/.test(key) ? key.replaceAll('.', '%2E') : encodeURIComponent(key);
		return `${this.jobsPath}/${segment}`;
	}
}

/** The query of a jobs page: filters in a fixed order, then order, size and offset. */
function jobsQuery(options: ListJobsOptions): string {
	const params: Array<[string, string]> = [];
	for (const name of JOB_FILTER_FIELDS) {
		const value = options.filters?.[name];
		if (value !== undefined) params.push([name, value]);
	}
	if (options.orderBy !== undefined) params.push(['order_by', options.orderBy]);
	if (options.maxRecords !== undefined) {
		const size = Math.min(MAX_PAGE_RECORDS, Math.max(1, Math.floor(options.maxRecords)));
		params.push(['max_records', String(Number.isFinite(size) ? size : DEFAULT_PAGE_RECORDS)]);
	}
	if (options.offset !== undefined && options.offset > 0) {
		params.push(['offset', String(Math.floor(options.offset))]);
	}
	return buildQuery(params);
}

/** A job answer; tolerates the `{"job": {...}}` and one-record envelope wrappings. */
function jobFrom(body: unknown, server: string): Job {
	let raw = body;
	if (isRecord(raw) && field(raw, 'key') === undefined) {
		const records = field(raw, 'records');
		const only = Array.isArray(records) && records.length === 1 ? records[0] : undefined;
		const inner = field(raw, 'job') ?? only;
		if (inner !== undefined) raw = inner;
	}
	const job = parseJob(raw, server);
	if (job === null) {
		throw new ApiError('bad-response', t('api.jobWithoutKey'), { hint: t('api.isApi.hint') });
	}
	return job;
}

/** `/management-server/system`: the version as `version.full`, a plain string, or parts. */
function systemFrom(body: unknown): SystemInfo {
	if (!isRecord(body)) {
		throw new ApiError('bad-response', t('api.systemNotObject'), { hint: t('api.isApi.hint') });
	}
	return {
		version: versionOf(field(body, 'version')),
		uuid: text(field(body, 'uuid'), 200) ?? text(field(body, 'instance_uuid'), 200),
		name: text(field(body, 'name'), 200) ?? text(field(body, 'host_name'), 200),
	};
}

function versionOf(value: unknown): string | null {
	if (!isRecord(value)) return text(value, 100);
	const full = text(field(value, 'full'), 100);
	if (full !== null) return full;
	const parts = ['generation', 'major', 'minor'].map((name) => field(value, name));
	if (parts.every((part) => typeof part === 'number' && Number.isInteger(part))) {
		return parts.join('.');
	}
	return null;
}
