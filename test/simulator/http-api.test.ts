import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import { simGet, testAgent } from '../helpers/sim-http.js';

const START = Date.UTC(2026, 10, 20, 1, 0, 0);
const agent = testAgent();
let sim: Simulator;
let base: string;
const get = (path: string, auth?: string | null) =>
	simGet(base, path, { dispatcher: agent, ...(auth === undefined ? {} : { auth }) });

const OUTCOMES = ['normal', 'warning', 'error', 'partial_failures', 'normal'] as const;

beforeAll(async () => {
	sim = createSimulator({
		seed: 7,
		autoAdvance: false,
		startTime: START,
		historyJobs: 0,
		activeJobs: 0,
		ratePerMinute: 0,
	});
	// 45 jobs, one a second, oldest first: job i is named "job i".
	sim.addJobs(45, (i) => ({
		name: i % 2 === 0 ? `Create Volume ${i}` : `ボリュームの作成 ${i}`,
		type: i % 3 === 0 ? 'Provisioning' : 'Modify',
		submitTime: START - (45 - i) * 1000,
		state: i >= 43 ? 'running' : 'completed',
		status: i >= 43 ? 'normal' : (OUTCOMES[i % OUTCOMES.length] ?? 'normal'),
	}));
	base = await sim.listen();
});

afterAll(async () => {
	await sim.close();
	await agent.close();
});

const names = (reply: { json: { records: { name: string }[] } }) =>
	reply.json.records.map((r) => r.name);

describe('simulator HTTP API', () => {
	it('listens on loopback and reports its URL', () => {
		expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sim.url).toBe(base);
	});

	it('answers the first page newest first, 20 records, with a next link carrying the query', async () => {
		const reply = await get('/api/management-server/jobs');
		expect(reply.status).toBe(200);
		expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(reply.json.num_records).toBe(20);
		expect(reply.json.total_records).toBe(45);
		expect(reply.json.records[0].name).toBe('Create Volume 44');
		expect(reply.json.records[19].name).toBe('ボリュームの作成 25');
		expect(reply.json._links).toEqual({
			self: { href: '/api/management-server/jobs' },
			next: { href: '/api/management-server/jobs?offset=20&max_records=20' },
		});
	});

	it('follows next to the last page, which has no next link', async () => {
		const second = await get('/api/management-server/jobs?offset=20&max_records=20');
		expect(names(second)[0]).toBe('Create Volume 24');
		expect(second.json.records[0].submit_time).toBe('2026-11-20T09:59:39+09:00');
		expect(second.json._links.next.href).toBe(
			'/api/management-server/jobs?offset=40&max_records=20',
		);
		const last = await get(second.json._links.next.href);
		expect(names(last)).toEqual([
			'Create Volume 4',
			'ボリュームの作成 3',
			'Create Volume 2',
			'ボリュームの作成 1',
			'Create Volume 0',
		]);
		expect(last.json.num_records).toBe(5);
		expect(last.json._links).toEqual({
			self: { href: '/api/management-server/jobs?offset=40&max_records=20' },
		});
	});

	it('serves the /api/v2 form with the same records and v2 links', async () => {
		const v1 = await get('/api/management-server/jobs?max_records=3');
		const v2 = await get('/api/v2/management-server/jobs?max_records=3');
		expect(names(v2)).toEqual(names(v1));
		expect(v2.json._links.next.href).toBe('/api/v2/management-server/jobs?max_records=3&offset=3');
		expect(v2.json.records[0]._links.self.href).toMatch(/^\/api\/v2\/management-server\/jobs\//);
	});

	it('keeps the whole query in next, filters included', async () => {
		const reply = await get('/api/management-server/jobs?state=completed&max_records=10&fields=*');
		expect(reply.json.total_records).toBe(43);
		expect(reply.json._links.next.href).toBe(
			'/api/management-server/jobs?state=completed&max_records=10&fields=*&offset=10',
		);
	});

	it('rejects missing and wrong credentials with 401, the envelope and WWW-Authenticate', async () => {
		for (const auth of [null, 'admin:wrong', 'root:admin', 'admin']) {
			const reply = await get('/api/management-server/jobs', auth);
			expect(reply.status).toBe(401);
			expect(reply.headers['www-authenticate']).toBe('Basic realm="Active IQ Unified Manager"');
			expect(reply.json).toEqual({
				error: {
					message: 'Authentication failed: invalid user name or password.',
					code: '6',
					target: '',
				},
			});
		}
	});

	it('filters with | as OR, * as wildcard, state and status case-insensitively', async () => {
		const running = await get('/api/management-server/jobs?state=RUNNING');
		expect(names(running)).toEqual(['Create Volume 44', 'ボリュームの作成 43']);
		const either = await get('/api/management-server/jobs?status=error|Warning&max_records=100');
		expect(either.json.total_records).toBe(18);
		expect(
			either.json.records.every((r: { status: string }) => ['error', 'warning'].includes(r.status)),
		).toBe(true);
		const wild = await get(`/api/management-server/jobs?name=${encodeURIComponent('*の作成 1*')}`);
		expect(names(wild)).toEqual([
			'ボリュームの作成 19',
			'ボリュームの作成 17',
			'ボリュームの作成 15',
			'ボリュームの作成 13',
			'ボリュームの作成 11',
			'ボリュームの作成 1',
		]);
		const exactCase = await get('/api/management-server/jobs?name=create%20volume%200');
		expect(exactCase.json.total_records).toBe(0);
		const combined = await get('/api/management-server/jobs?type=Provisioning&state=running');
		expect(names(combined)).toEqual([]);
	});

	it('looks keys up, many at once, and keeps newest-first order', async () => {
		const all = sim.jobs();
		const picked = [all[3], all[40], all[12]].map((job) => job?.key ?? '');
		const query = picked.map(encodeURIComponent).join('|');
		const reply = await get(`/api/management-server/jobs?key=${query}|no-such-key`);
		expect(reply.json.records.map((r: { key: string }) => r.key)).toEqual([
			all[40]?.key,
			all[12]?.key,
			all[3]?.key,
		]);
		expect(reply.json.total_records).toBe(3);
	});

	it('filters times with comparisons', async () => {
		const reply = await get(
			`/api/management-server/jobs?submit_time=${encodeURIComponent('>=2026-11-20T09:59:58+09:00')}`,
		);
		expect(names(reply)).toEqual(['Create Volume 44', 'ボリュームの作成 43']);
	});

	it('refuses a filter value containing ? with 400', async () => {
		const reply = await get('/api/management-server/jobs?name=what?');
		expect(reply.status).toBe(400);
		expect(reply.json.error.target).toBe('name');
		expect(reply.json.error.message).toBe('A filter value must not contain "?".');
	});

	it('refuses malformed max_records, offset and order_by with 400', async () => {
		for (const query of ['max_records=ten', 'offset=-1', 'order_by=colour', 'order_by=name%20up']) {
			const reply = await get(`/api/management-server/jobs?${query}`);
			expect(reply.status).toBe(400);
			expect(reply.json.error.code).toBe('2');
		}
	});

	it('orders by any field, ascending or descending', async () => {
		const asc = await get('/api/management-server/jobs?order_by=submit_time%20asc&max_records=2');
		expect(names(asc)).toEqual(['Create Volume 0', 'ボリュームの作成 1']);
		const byName = await get('/api/management-server/jobs?order_by=name&max_records=3');
		expect(names(byName)).toEqual(['Create Volume 0', 'Create Volume 10', 'Create Volume 12']);
		const byNameDesc = await get('/api/management-server/jobs?order_by=name+desc&max_records=1');
		expect(names(byNameDesc)).toEqual(['ボリュームの作成 9']);
		const paged = await get('/api/management-server/jobs?order_by=name&max_records=2&offset=1');
		expect(names(paged)).toEqual(['Create Volume 10', 'Create Volume 12']);
		expect(paged.json._links.next.href).toBe(
			'/api/management-server/jobs?order_by=name&max_records=2&offset=3',
		);
	});

	it('answers one job by its URL-encoded key, exactly as the contract shows', async () => {
		const job = sim.addJob({
			key: '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87',
			name: 'Create File Share',
			type: 'Provisioning',
			state: 'completed',
			status: 'normal',
			submitTime: Date.parse('2026-11-20T10:15:02+09:00'),
			completeTime: Date.parse('2026-11-20T10:16:40+09:00'),
			taskReports: [{ key: 't1', type: 'monitor_discover', state: 'completed', status: 'normal' }],
			jobResults: [{ name: 'fileshareKey', value: '7d5a:type=volume,uuid=e581' }],
		});
		const reply = await get(`/api/management-server/jobs/${encodeURIComponent(job.key)}`);
		expect(reply.status).toBe(200);
		expect(reply.text).toBe(
			JSON.stringify({
				key: '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87',
				name: 'Create File Share',
				type: 'Provisioning',
				state: 'completed',
				status: 'normal',
				submit_time: '2026-11-20T10:15:02+09:00',
				complete_time: '2026-11-20T10:16:40+09:00',
				task_reports: [
					{ key: 't1', type: 'monitor_discover', state: 'completed', status: 'normal' },
				],
				job_results: [{ name: 'fileshareKey', value: '7d5a:type=volume,uuid=e581' }],
				_links: {
					self: {
						href: '/api/management-server/jobs/06a6148bf9e862df%3A-2611856e%3A16e8d47e722%3A-7f87',
					},
				},
			}),
		);
		const raw = await get(`/api/v2/management-server/jobs/${job.key}`);
		expect(raw.json.key).toBe(job.key);
		sim.removeJob(job.key);
	});

	it('answers 404 with the envelope for an unknown job and an unknown path', async () => {
		const job = await get('/api/management-server/jobs/nope%3A1');
		expect(job.status).toBe(404);
		expect(job.json).toEqual({
			error: { message: 'Job nope:1 was not found.', code: '4', target: 'key' },
		});
		for (const path of ['/api/management-server/events', '/', '/api/v3/management-server/jobs']) {
			const reply = await get(path);
			expect(reply.status).toBe(404);
			expect(reply.json.error.code).toBe('4');
		}
	});

	it('answers 405 with the envelope for every verb but GET', async () => {
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
			const reply = await simGet(base, '/api/management-server/jobs', {
				method,
				dispatcher: agent,
			});
			expect(reply.status).toBe(405);
			expect(reply.json.error).toEqual({
				message: `Method ${method} is not allowed on /api/management-server/jobs.`,
				code: '3',
				target: '',
			});
		}
	});

	it('describes itself at /management-server/system', async () => {
		const reply = await get('/api/management-server/system');
		expect(reply.status).toBe(200);
		expect(reply.json.version).toEqual({ full: '9.16P1', generation: 9, major: 16, minor: 0 });
		expect(reply.json.name).toBe('um-simulator.example.com');
		expect(reply.json.uuid).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
		);
		const v2 = await get('/api/v2/management-server/system');
		expect(v2.json._links.self.href).toBe('/api/v2/management-server/system');
	});

	it('sends a Date header with simulated time', async () => {
		const reply = await get('/api/management-server/system');
		expect(reply.headers.date).toBe(new Date(START).toUTCString());
	});

	it('caps max_records at 1000', async () => {
		const big = createSimulator({
			seed: 1,
			autoAdvance: false,
			historyJobs: 0,
			activeJobs: 0,
			ratePerMinute: 0,
		});
		big.addJobs(1200, { state: 'completed' });
		const url = await big.listen();
		try {
			const reply = await simGet(url, '/api/management-server/jobs?max_records=5000', {
				dispatcher: agent,
			});
			expect(reply.json.num_records).toBe(1000);
			expect(reply.json.total_records).toBe(1200);
			expect(reply.json._links.next.href).toBe(
				'/api/management-server/jobs?max_records=1000&offset=1000',
			);
			const rest = await simGet(url, reply.json._links.next.href, { dispatcher: agent });
			expect(rest.json.num_records).toBe(200);
			expect(rest.json._links.next).toBeUndefined();
		} finally {
			await big.close();
		}
	});

	it('counts requests by route and bytes sent', async () => {
		sim.resetStats();
		await get('/api/management-server/jobs');
		await get('/api/v2/management-server/jobs/x');
		await get('/api/management-server/system');
		await get('/nowhere');
		expect(sim.stats.requests).toBe(4);
		expect([...sim.stats.byPath]).toEqual([
			['/management-server/jobs', 1],
			['/management-server/jobs/{key}', 1],
			['/management-server/system', 1],
			['other', 1],
		]);
		expect(sim.stats.bytesSent).toBeGreaterThan(2000);
	});
});
