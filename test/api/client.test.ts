import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, LONG_POLL_MARGIN_MS } from '../../source/api/client.js';
import { ApiError } from '../../source/api/errors.js';
import type { AiqumClient, ClientOptions } from '../../source/api/types.js';
import { type ApiTestServer, sendJson, startApiServer } from '../helpers/api-server.js';
import { servePages as serveJobPages } from '../helpers/serve-pages.js';

const PASSWORD = 'S3cret-Pa55word';
const BASIC = `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`;

let server: ApiTestServer;
const clients: AiqumClient[] = [];

beforeEach(async () => {
	server = await startApiServer();
});

afterEach(async () => {
	await Promise.all(clients.splice(0).map((c) => c.close()));
	await server.close();
});

function client(options: Partial<ClientOptions> = {}): AiqumClient {
	const created = createClient({
		url: server.origin,
		user: 'admin',
		password: PASSWORD,
		...options,
	});
	clients.push(created);
	return created;
}

function record(key: string, extra: Record<string, unknown> = {}) {
	return { key, name: `job ${key}`, state: 'running', ...extra };
}

function servePages(jobs: readonly object[], nextHref?: (offset: number, size: number) => string) {
	serveJobPages(server, jobs, nextHref);
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ApiError) return error;
		throw error;
	}
	throw new Error('expected an ApiError');
}

describe('requests', () => {
	it('sends Basic auth and Accept on every request', async () => {
		servePages([record('a')]);
		const c = client();
		await c.listJobsPage();
		await c.listJobsPage();
		expect(server.requests).toHaveLength(2);
		for (const seen of server.requests) {
			expect(seen.authorization).toBe(BASIC);
			expect(seen.accept).toBe('application/json');
			expect(seen.method).toBe('GET');
		}
	});

	it.each([
		['', '/api/management-server/jobs'],
		['/', '/api/management-server/jobs'],
		['/api', '/api/management-server/jobs'],
		['/api/', '/api/management-server/jobs'],
		['/api/v2', '/api/v2/management-server/jobs'],
		['/api/v2//', '/api/v2/management-server/jobs'],
	])('base URL suffix %j requests %s', async (suffix, path) => {
		servePages([]);
		const c = client({ url: server.origin + suffix });
		await c.listJobsPage();
		expect(server.requests[0]?.url).toBe(path);
		expect(c.baseUrl).toBe(server.origin + path.replace('/management-server/jobs', ''));
		expect(c.displayHost).toBe(`127.0.0.1:${server.port}`);
	});

	it('encodes filters, order and page options', async () => {
		servePages([]);
		await client().listJobsPage({
			filters: { state: 'running|queued', name: 'ボリューム*', key: 'a:b' },
			orderBy: 'submit_time desc',
			maxRecords: 5000,
			offset: 40,
		});
		expect(server.requests[0]?.url).toBe(
			'/api/management-server/jobs?key=a%3Ab&name=%E3%83%9C%E3%83%AA%E3%83%A5%E3%83%BC%E3%83%A0*' +
				'&state=running%7Cqueued&order_by=submit_time%20desc&max_records=1000&offset=40',
		);
	});

	it('URL-encodes the job key in the path', async () => {
		server.handle((_request, response) => sendJson(response, 200, record('06a6:-26/1?x#y')));
		const job = await client().getJob('06a6:-26/1?x#y');
		expect(server.requests[0]?.url).toBe('/api/management-server/jobs/06a6%3A-26%2F1%3Fx%23y');
		expect(job.key).toBe('06a6:-26/1?x#y');
	});

	it('does not let a key of dots climb the path', async () => {
		server.handle((_request, response) => sendJson(response, 200, record('..')));
		await client().getJob('..');
		expect(server.requests[0]?.url).toBe('/api/management-server/jobs/%2E%2E');
	});

	it('refuses an empty key without a request', async () => {
		const error = await failure(client().getJob(''));
		expect(error.kind).toBe('request');
		expect(server.requests).toHaveLength(0);
	});

	it('tolerates a job wrapped as {"job": …}', async () => {
		server.handle((_request, response) => sendJson(response, 200, { job: record('k') }));
		expect((await client().getJob('k')).key).toBe('k');
	});

	it('fails bad-response for a job without a key', async () => {
		server.handle((_request, response) => sendJson(response, 200, { name: 'x' }));
		const error = await failure(client().getJob('k'));
		expect(error.kind).toBe('bad-response');
		expect(error.message).toBe('Unified Manager answered a job without a key.');
	});
});

describe('paging', () => {
	const many = Array.from({ length: 2600 }, (_, i) => record(`k${i}`));

	it('listJobsPageAt refuses other hosts, schemes and paths outside /api', async () => {
		const c = client();
		for (const [href, why] of [
			['http://127.0.0.2:1/api/management-server/jobs', 'to another server (http://127.0.0.2:1)'],
			[
				`https://127.0.0.1:${server.port}/api/x`,
				`to another server (https://127.0.0.1:${server.port})`,
			],
			['/admin/jobs', 'outside /api/ (/admin/jobs)'],
		] as const) {
			const error = await failure(c.listJobsPageAt(href));
			expect(error.kind).toBe('bad-response');
			expect(error.message).toBe(`Unified Manager sent a next-page link ${why}; not followed.`);
		}
		expect(server.requests).toHaveLength(0);
	});

	it('listJobsPageAt follows a same-server link in either path form', async () => {
		servePages(many);
		const page = await client().listJobsPageAt(
			'/api/v2/management-server/jobs?max_records=2&offset=4',
		);
		expect(page.jobs.map((j) => j.key)).toEqual(['k4', 'k5']);
		expect(server.requests[0]?.url).toBe('/api/v2/management-server/jobs?max_records=2&offset=4');
	});
});

describe('long poll and system', () => {
	it('sends poll_timeout and last_modified, and reports the server time', async () => {
		server.handle((_request, response) => {
			response.setHeader('date', 'Sat, 28 Nov 2026 03:00:05 GMT');
			sendJson(response, 200, record('k', { state: 'completed', status: 'normal' }));
		});
		let now = 1000;
		const clock = {
			now: () => {
				now += 250;
				return now;
			},
			setTimeout: () => 0,
			clearTimeout: () => {},
		};
		const result = await client({ clock }).longPollJob('a:b', {
			pollTimeoutSeconds: 500,
			lastModified: Date.UTC(2026, 10, 28, 3, 0, 0, 123),
		});
		expect(server.requests[0]?.url).toBe(
			'/api/management-server/jobs/a%3Ab?poll_timeout=120&last_modified=2026-11-28T03%3A00%3A00.123Z',
		);
		expect(result.serverTime).toBe(Date.UTC(2026, 10, 28, 3, 0, 5));
		expect(result.heldMs).toBe(250);
		expect(result.job.displayState).toBe('NORMAL');
	});

	it('allows a long poll to be held past the normal headers timeout', async () => {
		server.handle((_request, response) => {
			setTimeout(() => sendJson(response, 200, record('k')), 400);
		});
		const c = client({ headersTimeoutMs: 100 });
		const result = await c.longPollJob('k', { pollTimeoutSeconds: 1, lastModified: 0 });
		expect(result.job.key).toBe('k');
		expect(LONG_POLL_MARGIN_MS).toBe(15_000);
	});

	it.each([
		[
			{ version: { full: '9.16P1', generation: 9 }, uuid: 'u-1', name: 'um01' },
			'9.16P1',
			'u-1',
			'um01',
		],
		[{ version: '9.14' }, '9.14', null, null],
		[{ version: { generation: 9, major: 13, minor: 1 } }, '9.13.1', null, null],
		[{ version: ['x'], uuid: 5 }, null, '5', null],
		[{ version: '9.16\u001b]0;pwn\u0007P1' }, '9.16P1', null, null],
	])('reads system %j', async (body, version, uuid, name) => {
		server.handle((_request, response) => sendJson(response, 200, body));
		const system = await client().getSystem();
		expect(system).toEqual({ version, uuid, name });
		expect(server.requests[0]?.url).toBe('/api/management-server/system');
	});
});
