import { expect, it } from 'vitest';
import { fetchJobsForList } from '../../source/output/list-fetch.js';
import { sendJson } from '../helpers/api-server.js';
import { apiClientPerTest } from '../helpers/serve-pages.js';

const api = apiClientPerTest();

const record = (key: string) => ({ key, state: 'running' });

it('keeps the first of a job that shifts onto the next page', async () => {
	api.server.handle((request, response) => {
		const second = (request.url ?? '').includes('offset=2');
		sendJson(response, 200, {
			records: second ? [record('b'), record('c')] : [record('a'), record('b')],
			_links: second ? {} : { next: { href: '/api/management-server/jobs?offset=2' } },
		});
	});
	const jobs = await fetchJobsForList(api.client, { limit: 10 });
	expect(jobs.map((j) => j.key)).toEqual(['a', 'b', 'c']);
	expect(api.server.requests).toHaveLength(2);
});

it('stops at a next link back to a page already read', async () => {
	api.server.handle((request, response) => {
		const offset = Number(new URL(request.url ?? '', 'http://x').searchParams.get('offset') ?? 0);
		sendJson(response, 200, {
			records: [record(`k${offset}`), record(`k${offset + 1}`)],
			// The second page's next names itself.
			_links: { next: { href: '/api/management-server/jobs?offset=2' } },
		});
	});
	const jobs = await fetchJobsForList(api.client, { limit: 100 });
	expect(jobs.map((j) => j.key)).toEqual(['k0', 'k1', 'k2', 'k3']);
	expect(api.server.requests).toHaveLength(2);
});

it('asks newest first, in pages no larger than the server allows', async () => {
	api.server.handle((_request, response) => sendJson(response, 200, { records: [record('a')] }));
	await fetchJobsForList(api.client, { limit: 5000 });
	expect(api.server.requests.map((r) => r.url)).toEqual([
		'/api/management-server/jobs?order_by=submit_time%20desc&max_records=1000',
	]);
});
