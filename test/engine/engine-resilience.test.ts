import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { type EngineHarness, engineHarnessPerTest } from '../helpers/engine-harness.js';

const setup = engineHarnessPerTest();

const LIST = ['listJobsPage', 'listJobsPageAt'] as const;
const serverError = () => new ApiError('server', 'Unified Manager answered 500.', { status: 500 });

/** Records each retrying state with the time it was published. */
function retryDelays(h: EngineHarness): Array<[number, number]> {
	const seen: Array<[number, number]> = [];
	h.engine.subscribe(() => {
		const connection = h.snapshot().connection;
		if (connection.kind === 'retrying') {
			seen.push([connection.attempt, connection.nextTryAt - h.clock.now()]);
		}
	});
	return seen;
}

describe('failures', () => {
	it('retries a failed GET quickly inside the poll before reporting anything', async () => {
		const h = setup();
		h.model.addJobs(2);
		h.client.failNext(serverError, { times: 3, methods: LIST });
		await h.start();
		await h.clock.advance(188 + 375 + 750);
		// Four tries of the first page, then the request for jobs in progress.
		expect(h.client.callsOf('listJobsPage')).toHaveLength(5);
		expect(h.snapshots.map((s) => s.connection.kind)).not.toContain('retrying');
		expect(h.snapshot().connection).toEqual({ kind: 'live' });
		expect(h.snapshot().jobs).toHaveLength(2);
	});

	it('backs off exponentially with jitter, capped, then recovers to live', async () => {
		const h = setup();
		h.model.addJobs(2);
		const seen = retryDelays(h);
		h.client.failNext(serverError, { times: 4 * 6, methods: LIST });
		await h.start();
		await h.clock.advance(1313 + 1500 + 1313 + 3000 + 1313 + 6000 + 1313 + 12_000 + 1313);
		await h.clock.advance(22_500 + 1313);
		expect(seen).toEqual([
			[1, 1500],
			[2, 3000],
			[3, 6000],
			[4, 12_000],
			[5, 22_500],
			[6, 22_500],
		]);
		const last = h.snapshot().connection;
		expect(last.kind === 'retrying' && last.lastError).toEqual({
			kind: 'server',
			message: 'Unified Manager answered 500.',
			hint: '',
		});
		expect(h.client.callsOf('listJobsPage')).toHaveLength(24);
		await h.clock.advance(22_500);
		expect(h.snapshot().connection).toEqual({ kind: 'live' });
		expect(h.snapshot().jobs).toHaveLength(2);
	});

	it('keeps the data it has while retrying', async () => {
		const h = setup();
		h.model.addJobs(3);
		await h.start();
		const jobs = h.snapshot().jobs;
		h.client.failNext(serverError, { times: 4, methods: LIST });
		await h.clock.advance(2000 + 1313);
		expect(h.snapshot().connection.kind).toBe('retrying');
		expect(h.snapshot().jobs).toBe(jobs);
	});

	it('honours Retry-After: no quick retries, next try exactly when the server said', async () => {
		const h = setup();
		h.model.addJobs(1);
		const seen = retryDelays(h);
		h.client.failNext(
			new ApiError('rate-limited', 'Too many requests.', { retryAfterMs: 10_000 }),
			{
				methods: LIST,
			},
		);
		await h.start();
		expect(seen).toEqual([[1, 10_000]]);
		expect(h.client.requestCount).toBe(2); // the list poll and /system
		await h.clock.advance(9999);
		expect(h.client.callsOf('listJobsPage')).toHaveLength(1);
		await h.clock.advance(1);
		expect(h.client.callsOf('listJobsPage').map((c) => c.at - h.clock.now())).toEqual([
			-10_000, 0, 0,
		]);
		expect(h.snapshot().connection).toEqual({ kind: 'live' });
	});

	it('waits out a short Retry-After inside the poll', async () => {
		const h = setup();
		h.model.addJobs(1);
		h.client.failNext(new ApiError('rate-limited', 'Too many requests.', { retryAfterMs: 1200 }), {
			methods: LIST,
		});
		await h.start();
		await h.clock.advance(1199);
		expect(h.client.callsOf('listJobsPage')).toHaveLength(1);
		await h.clock.advance(1);
		expect(h.client.callsOf('listJobsPage')).toHaveLength(3);
		expect(h.snapshots.map((s) => s.connection.kind)).not.toContain('retrying');
	});

	it('stops on a fatal error, keeps the data, and recovers on refresh()', async () => {
		const h = setup();
		h.model.addJobs(3);
		await h.start();
		const jobs = h.snapshot().jobs;
		h.client.failNext(
			new ApiError('auth', 'The user name or password was rejected.', { hint: 'Check it.' }),
		);
		await h.clock.advance(2000);
		expect(h.snapshot().connection).toEqual({
			kind: 'failed',
			error: {
				kind: 'auth',
				message: 'The user name or password was rejected.',
				hint: 'Check it.',
			},
		});
		expect(h.snapshot().jobs).toBe(jobs);
		expect(h.clock.pendingTimers).toBe(0);
		const before = h.client.requestCount;
		await h.clock.advance(120_000);
		expect(h.client.requestCount).toBe(before);
		h.engine.refresh();
		await h.clock.flush();
		expect(h.snapshot().connection).toEqual({ kind: 'live' });
		await h.clock.advance(2000);
		expect(h.client.requestCount).toBe(before + 2);
	});

	it('retries at once on refresh() while retrying', async () => {
		const h = setup();
		h.model.addJobs(1);
		h.client.failNext(serverError, { times: 4, methods: LIST });
		await h.start();
		await h.clock.advance(1313);
		expect(h.snapshot().connection.kind).toBe('retrying');
		h.engine.refresh();
		await h.clock.flush();
		expect(h.snapshot().connection).toEqual({ kind: 'live' });
	});
});

describe('pause', () => {
	it('makes no requests while paused and polls at once on resume', async () => {
		const h = setup();
		h.model.addJobs(2);
		await h.start();
		h.engine.setPaused(true);
		expect(h.snapshot().connection).toEqual({ kind: 'paused' });
		expect(h.clock.pendingTimers).toBe(0);
		const before = h.client.requestCount;
		await h.clock.advance(60_000);
		expect(h.client.requestCount).toBe(before);
		h.model.addJob({ name: 'while paused' });
		h.engine.setPaused(false);
		await h.clock.flush();
		expect(h.client.requestCount).toBe(before + 1);
		expect(h.snapshot().connection).toEqual({ kind: 'live' });
		expect(h.snapshot().jobs).toHaveLength(3);
	});

	it('cancels a poll in flight when paused', async () => {
		const h = setup({ client: { latencyMs: 1000 } });
		h.model.addJobs(2);
		h.engine.start();
		await h.clock.advance(500);
		h.engine.setPaused(true);
		await h.clock.flush();
		expect(h.client.inFlight).toBe(0);
		expect(h.clock.pendingTimers).toBe(0);
		expect(h.snapshot().jobs).toHaveLength(0);
		h.engine.setPaused(false);
		await h.clock.advance(2000);
		expect(h.snapshot().jobs).toHaveLength(2);
	});
});

describe('retention', () => {
	it('drops the oldest finished jobs first, then the oldest in progress, and never takes them back', async () => {
		const h = setup({ engine: { maxJobs: 5 } });
		const t = h.clock.now();
		const add = (name: string, ago: number, state: string) =>
			h.model.addJob({ name, state, submitMs: t - ago * 1000 }).key;
		const a = add('A', 10, 'running');
		add('B', 9, 'completed');
		add('C', 8, 'completed');
		const d = add('D', 7, 'running');
		const e = add('E', 6, 'completed');
		const f = add('F', 5, 'completed');
		const g = add('G', 4, 'running');
		await h.start();
		expect(h.snapshot().jobs.map((job) => job.key)).toEqual([g, f, e, d, a]);
		expect(h.snapshot().droppedJobs).toBe(2);
		const fresh = h.model.addJobs(3);
		await h.clock.advance(2000);
		expect(h.snapshot().jobs.map((job) => job.key)).toEqual([...[...fresh].sort(), g, d]);
		expect(h.snapshot().droppedJobs).toBe(5);
		expect(h.snapshot().counts.RUNNING).toBe(5);
		expect(h.snapshot().counts.NORMAL).toBe(0);
		const published = h.snapshots.length;
		await h.clock.advance(10_000);
		expect(h.snapshots.length).toBe(published);
		expect(h.events.filter((event) => event.type === 'new')).toHaveLength(3);
	});
});

describe('stop', () => {
	it('cancels requests in flight and leaves no timer behind', async () => {
		const h = setup({ client: { latencyMs: 10_000 } });
		h.model.addJobs(2);
		h.engine.start();
		h.engine.focus('no-such-key');
		await h.clock.advance(100);
		expect(h.client.inFlight).toBeGreaterThan(0);
		await h.engine.stop();
		expect(h.client.inFlight).toBe(0);
		expect(h.clock.pendingTimers).toBe(0);
		h.engine.refresh();
		h.engine.setPaused(false);
		await h.clock.advance(60_000);
		expect(h.clock.pendingTimers).toBe(0);
	});
});
