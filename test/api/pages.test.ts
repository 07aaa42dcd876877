import { describe, expect, it } from 'vitest';
import { MAX_PAGE_RECORDS, ORDER_NEWEST_FIRST } from '../../source/api/contract.js';
import { ApiError } from '../../source/api/errors.js';
import type { Job } from '../../source/api/job.js';
import { type Requester, walkJobPages } from '../../source/api/pages.js';
import type { JobsPage } from '../../source/api/types.js';
import { sendJson } from '../helpers/api-server.js';
import { apiClientPerTest, servePages as serveJobPages } from '../helpers/serve-pages.js';

const api = apiClientPerTest();

const many = Array.from({ length: 2600 }, (_, i) => ({ key: `k${i}`, state: 'running' }));

function servePages(jobs: readonly object[], nextHref?: (offset: number, size: number) => string) {
	serveJobPages(api.server, jobs, nextHref);
}

const once: Requester = (run) => run(new AbortController().signal);

/** Walks with `stop` as the stop rule; returns the jobs read, requests made and warnings. */
async function walk(
	size: number,
	stop: (jobs: readonly Job[], page: JobsPage, index: number) => boolean,
	request: Requester = once,
) {
	const jobs: Job[] = [];
	const warnings: string[] = [];
	const requests = await walkJobPages({
		client: api.client,
		request,
		query: { orderBy: ORDER_NEWEST_FIRST, maxRecords: size },
		onPage: (page, index) => {
			jobs.push(...page.jobs);
			return stop(jobs, page, index);
		},
		onNotFollowed: (warning) => warnings.push(warning),
	});
	return { jobs, requests, warnings };
}

describe('walkJobPages', () => {
	it('follows next past the 1000-record cap until the stop rule says enough', async () => {
		servePages(many);
		const { jobs, requests, warnings } = await walk(
			MAX_PAGE_RECORDS,
			(read) => read.length >= 1500,
		);
		expect(jobs).toHaveLength(2000);
		expect(jobs[1999]?.key).toBe('k1999');
		expect(requests).toBe(2);
		expect(warnings).toEqual([]);
		expect(api.server.requests.map((r) => r.url)).toEqual([
			'/api/management-server/jobs?order_by=submit_time%20desc&max_records=1000',
			'/api/management-server/jobs?max_records=1000&offset=1000',
		]);
	});

	it('stops at the last page', async () => {
		servePages(many.slice(0, 45));
		const { jobs, requests } = await walk(20, () => false);
		expect(jobs.map((j) => j.key)).toEqual(many.slice(0, 45).map((j) => j.key));
		expect(requests).toBe(3);
		expect(api.server.requests).toHaveLength(3);
	});

	it('stops before following next when the stop rule is met, counting pages from 1', async () => {
		servePages(many);
		const indexes: number[] = [];
		const { jobs, requests } = await walk(10, (_read, page, index) => {
			indexes.push(index);
			return page.jobs.some((j) => j.key === 'k25');
		});
		expect(jobs).toHaveLength(30);
		expect(indexes).toEqual([1, 2, 3]);
		expect(requests).toBe(3);
		expect(api.server.requests).toHaveLength(3);
	});

	it('stops on a next link back to a page already read, and says so', async () => {
		servePages(many, () => '/api/management-server/jobs?max_records=10&offset=10');
		const { jobs, requests, warnings } = await walk(10, () => false);
		// Page 1, then page 2 (offset 10), whose next repeats itself: stop.
		expect(requests).toBe(2);
		expect(api.server.requests).toHaveLength(2);
		expect(jobs.map((j) => j.key)).toEqual(many.slice(0, 20).map((j) => j.key));
		expect(warnings).toEqual([
			'Unified Manager sent a next-page link back to a page already read; not followed.',
		]);
	});

	it.each([
		[
			'https://evil.test/api/management-server/jobs?offset=20',
			'to another server (https://evil.test)',
		],
		['/admin/jobs?offset=20', 'outside /api/ (/admin/jobs)'],
	])('does not follow next to %s, and says so', async (href, why) => {
		servePages(many, () => href);
		const { jobs, requests, warnings } = await walk(20, () => false);
		expect(jobs).toHaveLength(20);
		expect(requests).toBe(1);
		expect(api.server.requests).toHaveLength(1);
		expect(warnings).toEqual([`Unified Manager sent a next-page link ${why}; not followed.`]);
	});

	it('runs every page through the per-request wrapper, with its signal', async () => {
		let calls = 0;
		api.server.handle((request, response) => {
			calls += 1;
			// Each page fails once, then answers: only a wrapper that retries gets through.
			if (calls % 2 === 1) return sendJson(response, 503, { error: 'busy' });
			const url = new URL(request.url ?? '', 'http://x');
			const offset = Number(url.searchParams.get('offset') ?? 0);
			sendJson(response, 200, {
				records: many.slice(offset, offset + 10),
				_links:
					offset < 20
						? { next: { href: `/api/management-server/jobs?offset=${offset + 10}` } }
						: {},
			});
		});
		const signals: AbortSignal[] = [];
		const retryOnce: Requester = async (run) => {
			const controller = new AbortController();
			signals.push(controller.signal);
			try {
				return await run(controller.signal);
			} catch (error) {
				if (!(error instanceof ApiError)) throw error;
				return run(controller.signal);
			}
		};
		const { jobs, requests } = await walk(10, () => false, retryOnce);
		expect(jobs.map((j) => j.key)).toEqual(many.slice(0, 30).map((j) => j.key));
		expect(requests).toBe(3);
		expect(signals).toHaveLength(3);
		expect(api.server.requests).toHaveLength(6);
	});

	it('stops when the wrapper cancels a request', async () => {
		servePages(many);
		const controller = new AbortController();
		const cancelSecond: Requester = (run) => {
			if (api.server.requests.length === 1) controller.abort();
			return run(controller.signal);
		};
		const error = await walk(10, () => false, cancelSecond).catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(ApiError);
		expect((error as ApiError).kind).toBe('aborted');
		expect(api.server.requests).toHaveLength(1);
	});
});
