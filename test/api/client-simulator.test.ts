import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../source/api/client.js';
import { MAX_PAGE_RECORDS } from '../../source/api/contract.js';
import { ApiError } from '../../source/api/errors.js';
import type { Job } from '../../source/api/job.js';
import { walkJobPages } from '../../source/api/pages.js';
import type { AiqumClient, ClientOptions, ListJobsOptions } from '../../source/api/types.js';
import {
	createSimulator,
	type Simulator,
	type SimulatorOptions,
} from '../../source/simulator/index.js';
import { tlsFixture } from '../helpers/api-server.js';
import { until } from '../helpers/until.js';

const START = Date.UTC(2026, 10, 20, 1, 0, 0);
const FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F]/u;

let sim: Simulator | null = null;
const clients: AiqumClient[] = [];

afterEach(async () => {
	await Promise.all(clients.splice(0).map((c) => c.close()));
	await sim?.close();
	sim = null;
});

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
	sim = createSimulator({
		seed: 11,
		autoAdvance: false,
		startTime: START,
		historyJobs: 0,
		activeJobs: 0,
		ratePerMinute: 0,
		...options,
	});
	await sim.listen();
	return sim;
}

function client(url: string, options: Partial<ClientOptions> = {}): AiqumClient {
	const created = createClient({ url, user: 'admin', password: 'admin', ...options });
	clients.push(created);
	return created;
}

/** The first `limit` jobs across pages, following `next` as the engine and `list` do. */
async function readJobs(
	c: AiqumClient,
	limit: number,
	filters?: ListJobsOptions['filters'],
): Promise<Job[]> {
	const jobs: Job[] = [];
	await walkJobPages({
		client: c,
		request: (run) => run(new AbortController().signal),
		query: {
			maxRecords: Math.min(limit, MAX_PAGE_RECORDS),
			...(filters === undefined ? {} : { filters }),
		},
		onPage: (page) => {
			jobs.push(...page.jobs);
			return jobs.length >= limit;
		},
	});
	return jobs.slice(0, limit);
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

describe('client against the simulator', () => {
	it.each([['lowercase'], ['uppercase'], ['single']] as const)(
		'derives the same display states from the %s shape',
		async (shape) => {
			const s = await start({ shape });
			const specs = [
				{ key: 'j:run', state: 'running', auto: false },
				{ key: 'j:queued', state: 'queued', auto: false },
				{ key: 'j:ok', state: 'completed', status: 'normal' },
				{ key: 'j:warn', state: 'completed', status: 'warning' },
				{ key: 'j:part', state: 'completed', status: 'partial_failures' },
				{ key: 'j:err', state: 'completed', status: 'error' },
				{ key: 'j:abort', state: 'aborted' },
			] as const;
			for (const spec of specs) s.addJob(spec);
			const jobs = await readJobs(client(`${s.url}/api`), 100);
			const states = Object.fromEntries(jobs.map((j) => [j.key, [j.displayState, j.over]]));
			expect(states).toEqual({
				'j:run': ['RUNNING', false],
				'j:queued': ['QUEUED', false],
				'j:ok': ['NORMAL', true],
				'j:warn': ['WARNING', true],
				'j:part': ['PARTIAL_FAILURES', true],
				'j:err': ['ERROR', true],
				'j:abort': ['ABORTED', true],
			});
		},
	);

	it('pages through 2500 jobs, newest first, in both path forms', async () => {
		const s = await start();
		s.addJobs(2500, (i) => ({ key: `burst:${i}`, submitTime: START - (2500 - i) * 1000 }));
		for (const suffix of ['', '/api/v2']) {
			const jobs = await readJobs(client(s.url + suffix), 5000);
			expect(jobs).toHaveLength(2500);
			expect(jobs[0]?.key).toBe('burst:2499');
			expect(jobs[2499]?.key).toBe('burst:0');
			expect(new Set(jobs.map((j) => j.key)).size).toBe(2500);
		}
	});

	it('gets one job by a key full of punctuation, and filters by state', async () => {
		const s = await start();
		const job = s.addJob({ name: 'ボリュームの作成', state: 'running', auto: false });
		s.addJob({ state: 'completed', status: 'normal' });
		const c = client(s.url);
		const one = await c.getJob(job.key);
		expect(one.key).toBe(job.key);
		expect(one.name).toBe('ボリュームの作成');
		const running = await readJobs(c, 100, { state: 'running|queued' });
		expect(running.map((j) => j.key)).toEqual([job.key]);
	});

	it('long-polls a job until it changes', async () => {
		const s = await start();
		const job = s.addJob({ name: 'Expand', state: 'running', auto: false });
		const c = client(s.url);
		const pending = c.longPollJob(job.key, { pollTimeoutSeconds: 60, lastModified: s.now() });
		await until(() => s.stats.longPollsHeld === 1, 'the long poll to be held');
		s.advance(1000);
		s.finishJob(job.key, 'error');
		const result = await pending;
		expect(result.job.displayState).toBe('ERROR');
		expect(result.serverTime).not.toBeNull();
	});

	it('reads the version', async () => {
		const s = await start({ version: '9.16P1' });
		expect((await client(s.url).getSystem()).version).toBe('9.16P1');
	});

	it('never passes escape sequences through', async () => {
		const s = await start({ hostileRate: 1 });
		s.addJobs(30, () => ({ hostile: true }));
		for (const job of s.jobs()) s.finishJob(job.key, 'error');
		const jobs = await readJobs(client(s.url), 100);
		expect(jobs).toHaveLength(30);
		for (const job of jobs) {
			const texts = [job.name, ...job.taskReports.map((t) => t.message ?? '')];
			for (const text of texts) expect(FORBIDDEN.test(text), JSON.stringify(text)).toBe(false);
		}
	});

	it('works over https with the CA, and maps a bad password to auth', async () => {
		const s = await start({
			tls: { cert: tlsFixture('server.pem'), key: tlsFixture('server-key.pem') },
		});
		s.addJob({ key: 'tls:1' });
		const page = await client(s.url, { ca: tlsFixture('ca.pem') }).listJobsPage();
		expect(page.jobs.map((j) => j.key)).toEqual(['tls:1']);
		const error = await failure(
			client(s.url, { ca: tlsFixture('ca.pem'), password: 'wrong-password' }).listJobsPage(),
		);
		expect(error.kind).toBe('auth');
		expect(error.message).not.toContain('wrong-password');
	});

	it.each([
		[{ kind: 'status', status: 503 } as const, 'server'],
		[{ kind: 'status', status: 429, retryAfterSeconds: 3 } as const, 'rate-limited'],
		[{ kind: 'status', status: 403 } as const, 'permission'],
		[{ kind: 'html' } as const, 'server'],
		[{ kind: 'html', status: 200 } as const, 'bad-response'],
		[{ kind: 'truncated' } as const, 'network'],
		[{ kind: 'reset' } as const, 'network'],
		[{ kind: 'reset-mid-body' } as const, 'network'],
		[{ kind: 'garbage', body: '{"records":[{"key":' } as const, 'bad-response'],
		[{ kind: 'oversized', bytes: 200_000 } as const, 'too-large'],
		[{ kind: 'oversized', bytes: 200_000, declareLength: true } as const, 'too-large'],
	])('fault %j → %s, then recovers', async (fault, kind) => {
		const s = await start();
		s.addJob({ key: 'f:1' });
		const c = client(s.url, { maxResponseBytes: 100_000 });
		s.injectFault(fault);
		const error = await failure(c.listJobsPage());
		expect(error.kind).toBe(kind);
		if (fault.kind === 'status' && fault.status === 429) expect(error.retryAfterMs).toBe(3000);
		const page = await c.listJobsPage();
		expect(page.jobs.map((j) => j.key)).toEqual(['f:1']);
	});
});
