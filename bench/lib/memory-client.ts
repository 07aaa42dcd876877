import { DEFAULT_PAGE_RECORDS, MAX_PAGE_RECORDS } from '../../source/api/contract.js';
import type { SystemInfo } from '../../source/api/job.js';
import type { AiqumClient, JobsPage, ListJobsOptions } from '../../source/api/types.js';
import { parse, rawJob } from './jobs.js';

const PREFIX = '/api/management-server/jobs';

/**
 * An AIQUM client over `total` generated finished jobs, newest first, that
 * makes each page on demand (so nothing but the engine holds the jobs) and
 * answers at once. Only what the engine's list polls use is implemented.
 */
export function createMemoryClient(total: number, newest: number): AiqumClient {
	const page = (offset: number, size: number): JobsPage => {
		const end = Math.min(total, offset + size);
		const jobs = [];
		for (let i = offset; i < end; i++) jobs.push(parse(rawJob(i, newest)));
		return {
			jobs,
			numRecords: jobs.length,
			totalRecords: total,
			nextHref: end < total ? `${PREFIX}?offset=${end}&max_records=${size}` : null,
			skipped: 0,
		};
	};
	const unsupported = (): never => {
		throw new Error('memory client: not used by the benchmark');
	};
	return {
		baseUrl: 'http://memory.invalid/api',
		displayHost: 'memory.invalid',
		server: '',
		listJobsPage: async (options: ListJobsOptions = {}) =>
			page(
				options.offset ?? 0,
				Math.min(MAX_PAGE_RECORDS, options.maxRecords ?? DEFAULT_PAGE_RECORDS),
			),
		listJobsPageAt: async (href: string) => {
			const query = new URL(href, 'http://memory.invalid').searchParams;
			return page(
				Number(query.get('offset') ?? 0),
				Number(query.get('max_records') ?? DEFAULT_PAGE_RECORDS),
			);
		},
		getJob: unsupported,
		longPollJob: unsupported,
		getSystem: async (): Promise<SystemInfo> => ({ version: '9.16P1', uuid: null, name: null }),
		close: async () => {},
	};
}
