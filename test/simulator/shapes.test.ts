import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type SimShape, type Simulator } from '../../source/simulator/index.js';
import { simGet, testAgent } from '../helpers/sim-http.js';

const START = Date.UTC(2026, 10, 20, 1, 0, 0);
const agent = testAgent();
let sim: Simulator | null = null;
afterEach(async () => {
	await sim?.close();
	sim = null;
});
afterAll(() => agent.close());

/** Three jobs: running, completed with a warning, failed with an error. */
async function serve(shape: SimShape) {
	sim = createSimulator({
		shape,
		seed: 11,
		autoAdvance: false,
		startTime: START,
		historyJobs: 0,
		activeJobs: 0,
		ratePerMinute: 0,
	});
	sim.addJob({ submitTime: START - 3000, auto: false });
	const warned = sim.addJob({ submitTime: START - 2000, auto: false });
	const failed = sim.addJob({ submitTime: START - 1000, auto: false });
	sim.finishJob(warned.key, 'warning');
	sim.finishJob(failed.key, 'error');
	const base = await sim.listen();
	const reply = await simGet(base, '/api/management-server/jobs', { dispatcher: agent });
	return { base, records: reply.json.records as Record<string, unknown>[] };
}

const pick = (records: Record<string, unknown>[]) =>
	records.map((r) => ({ state: r.state, status: r.status, done: 'complete_time' in r }));

describe('simulator state shapes', () => {
	it('speaks two lowercase fields by default', async () => {
		const { records } = await serve('lowercase');
		expect(pick(records)).toEqual([
			{ state: 'completed', status: 'error', done: true },
			{ state: 'completed', status: 'warning', done: true },
			{ state: 'running', status: 'normal', done: false },
		]);
	});

	it('speaks two uppercase fields, task reports included', async () => {
		const { records } = await serve('uppercase');
		expect(pick(records)).toEqual([
			{ state: 'COMPLETED', status: 'ERROR', done: true },
			{ state: 'COMPLETED', status: 'WARNING', done: true },
			{ state: 'RUNNING', status: 'NORMAL', done: false },
		]);
		const tasks = records[0]?.task_reports as { state: string; status: string }[];
		expect(tasks.some((t) => t.status === 'ERROR')).toBe(true);
		expect(tasks.every((t) => t.state === t.state.toUpperCase())).toBe(true);
	});

	it('speaks the single state field of the 9.7 documentation, with no status anywhere', async () => {
		const { base, records } = await serve('single');
		expect(pick(records)).toEqual([
			{ state: 'ERROR', status: undefined, done: true },
			{ state: 'WARNING', status: undefined, done: true },
			{ state: 'RUNNING', status: undefined, done: false },
		]);
		const tasks = records[0]?.task_reports as Record<string, unknown>[];
		expect(tasks.every((t) => !('status' in t))).toBe(true);
		const filtered = await simGet(base, '/api/management-server/jobs?state=warning|error', {
			dispatcher: agent,
		});
		expect(filtered.json.records.map((r: { state: string }) => r.state)).toEqual([
			'ERROR',
			'WARNING',
		]);
	});
});

describe('simulator over TLS', () => {
	const dir = new URL('../fixtures/tls/', import.meta.url);
	const cert = readFileSync(new URL('self-signed.pem', dir), 'utf8');
	const key = readFileSync(new URL('self-signed-key.pem', dir), 'utf8');

	it('serves HTTPS with a self-signed certificate the client can trust explicitly', async () => {
		sim = createSimulator({ tls: { cert, key }, seed: 1, autoAdvance: false, historyJobs: 3 });
		const base = await sim.listen();
		expect(base).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		const trusting = testAgent({ ca: cert });
		try {
			const reply = await simGet(base, '/api/management-server/jobs', { dispatcher: trusting });
			expect(reply.status).toBe(200);
			expect(reply.json.num_records).toBe(5);
		} finally {
			await trusting.close();
		}
		await expect(
			simGet(base, '/api/management-server/jobs', { dispatcher: agent }),
		).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
	});
});
