import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { LongPollDetector } from '../../source/engine/focus-watch.js';
import { createEngineHarness, type EngineHarness } from '../helpers/engine-harness.js';

let harness: EngineHarness | undefined;

async function focused(
	longPoll: 'honour' | 'ignore',
): Promise<{ h: EngineHarness; key: string; t0: number }> {
	const h = createEngineHarness({ client: { longPoll } });
	harness = h;
	const key = h.model.addJob({ state: 'running' }).key;
	await h.start();
	const t0 = h.clock.now();
	h.engine.focus(key);
	await h.clock.flush();
	return { h, key, t0 };
}

afterEach(async () => {
	if (harness === undefined) return;
	await harness.engine.stop();
	expect(harness.clock.pendingTimers).toBe(0);
	expect(harness.client.inFlight).toBe(0);
	harness = undefined;
});

describe('focus with a server that holds long polls', () => {
	it('long-polls the job and merges a change the moment it comes', async () => {
		const { h, key, t0 } = await focused('honour');
		expect(h.snapshot().focusKey).toBe(key);
		expect(h.client.callsOf('longPollJob').map((c) => c.longPoll)).toEqual([
			{ pollTimeoutSeconds: 30, lastModified: t0, signal: expect.any(AbortSignal) },
		]);
		await h.clock.advance(700);
		h.model.updateJob(key, {
			state: 'completed',
			status: 'error',
			complete_time: '2026-11-20T01:00:01Z',
		});
		await h.clock.flush();
		expect(h.clock.now()).toBe(t0 + 700);
		expect(h.job(key).displayState).toBe('ERROR');
		expect(h.snapshot().longPoll).toBe('supported');
		expect(h.events).toEqual([
			expect.objectContaining({ type: 'transition', from: 'RUNNING', to: 'ERROR', at: t0 + 700 }),
		]);
		await h.clock.advance(60_000);
		expect(h.client.callsOf('longPollJob')).toHaveLength(1);
		expect(h.events).toHaveLength(1);
	});

	it('sends the server time of the last answer as the next last_modified', async () => {
		const { h, key, t0 } = await focused('honour');
		await h.clock.advance(800);
		h.model.updateJob(key, { name: 'renamed' });
		await h.clock.flush();
		const calls = h.client.callsOf('longPollJob');
		expect(calls.map((c) => c.longPoll?.lastModified)).toEqual([t0, t0 + 800]);
		expect(h.job(key).name).toBe('renamed');
	});

	it('stops when focus moves away, cancelling the held request', async () => {
		const { h } = await focused('honour');
		expect(h.client.inFlight).toBe(1);
		h.engine.focus(null);
		await h.clock.flush();
		expect(h.client.inFlight).toBe(0);
		expect(h.snapshot().focusKey).toBeNull();
		await h.clock.advance(10_000);
		expect(h.client.callsOf('longPollJob')).toHaveLength(1);
	});

	it('makes no request for a job that is already over', async () => {
		const h = createEngineHarness();
		harness = h;
		const key = h.model.addJob({ state: 'completed' }).key;
		await h.start();
		h.engine.focus(key);
		await h.clock.advance(5000);
		expect(h.client.callsOf('longPollJob', 'getJob')).toEqual([]);
	});

	it('backs off on errors without touching the connection state', async () => {
		const { h, key, t0 } = await focused('honour');
		h.engine.focus(null);
		h.client.failNext(() => new ApiError('server', 'boom', { status: 500 }), {
			methods: ['longPollJob'],
			times: 2,
		});
		h.engine.focus(key);
		await h.clock.advance(1500 + 3000);
		const times = h.client.callsOf('longPollJob').map((c) => c.at - t0);
		expect(times).toEqual([0, 0, 1500, 4500]);
		expect(h.snapshot().connection).toEqual({ kind: 'live' });
	});
});

describe('focus racing the list poll', () => {
	it('does not let a slow poll take a job back to an older state the focus watch already saw', async () => {
		const h = createEngineHarness({ client: { latencyMs: 500 } });
		harness = h;
		const key = h.model.addJob({ state: 'queued' }).key;
		const t0 = h.clock.now();
		h.engine.start();
		await h.clock.advance(1000);
		expect(h.snapshot().connection).toEqual({ kind: 'live' });
		h.engine.focus(key);
		await h.clock.advance(1200);
		// The list poll asked at t0+2000 and still carries QUEUED when it lands at t0+2500.
		expect(h.client.callsOf('listJobsPage').at(-1)?.at).toBe(t0 + 2000);
		h.model.updateJob(key, { state: 'running' });
		await h.clock.flush();
		expect(h.job(key).displayState).toBe('RUNNING');
		await h.clock.advance(5000);
		expect(h.job(key).displayState).toBe('RUNNING');
		expect(h.events.map((e) => (e.type === 'transition' ? `${e.from}>${e.to}` : e.type))).toEqual([
			'QUEUED>RUNNING',
		]);
	});
});

describe('focus with a server that ignores long polls', () => {
	it('detects it after two quick unchanged answers and falls back to a GET per interval', async () => {
		const { h, key, t0 } = await focused('ignore');
		await h.clock.advance(1000);
		expect(h.snapshot().longPoll).toBe('unsupported');
		expect(h.client.callsOf('longPollJob').map((c) => c.at - t0)).toEqual([0, 1000]);
		await h.clock.advance(4000);
		expect(h.client.callsOf('getJob').map((c) => c.at - t0)).toEqual([3000, 5000]);
		h.model.updateJob(key, { state: 'completed', status: 'normal' });
		await h.clock.advance(10_000);
		expect(h.job(key).displayState).toBe('NORMAL');
		expect(h.client.callsOf('getJob').length).toBeLessThanOrEqual(3);
		expect(h.client.callsOf('longPollJob')).toHaveLength(2);
	});
});

describe('LongPollDetector', () => {
	it('needs two quick unchanged answers in a row to call long polling unsupported', () => {
		const detector = new LongPollDetector();
		expect(detector.observe(10, false)).toBeNull();
		expect(detector.observe(10, true)).toBeNull();
		expect(detector.observe(10, false)).toBeNull();
		expect(detector.observe(499, false)).toBe('unsupported');
		expect(detector.observe(500, false)).toBe('supported');
		expect(detector.observe(10, false)).toBeNull();
	});

	it('waits a second after a quick unchanged answer, a moment after a quick change, not at all after a held one', () => {
		expect(LongPollDetector.gapAfter(10, false)).toBe(1000);
		expect(LongPollDetector.gapAfter(10, true)).toBe(250);
		expect(LongPollDetector.gapAfter(30_000, false)).toBe(0);
	});
});
