import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { createEngineHarness, type EngineHarness } from '../helpers/engine-harness.js';

let harness: EngineHarness | undefined;

function setup(options: Parameters<typeof createEngineHarness>[0] = {}): EngineHarness {
	harness = createEngineHarness(options);
	return harness;
}

afterEach(async () => {
	if (harness === undefined) return;
	await harness.engine.stop();
	expect(harness.clock.pendingTimers).toBe(0);
	expect(harness.client.inFlight).toBe(0);
	harness = undefined;
});

describe('first load', () => {
	it('loads history newest first, ties by key, counts it, and emits no events for it', async () => {
		const h = setup();
		const older = h.model.addJob({ name: 'older', submitMs: h.clock.now() - 60_000 });
		const tieB = h.model.addJob({ key: 'k-b', state: 'completed', status: 'error' });
		const tieA = h.model.addJob({ key: 'k-a', state: 'queued' });
		await h.start();
		const snap = h.snapshot();
		expect(snap.jobs.map((job) => job.key)).toEqual([tieA.key, tieB.key, older.key]);
		expect(snap.byKey.get('k-b')?.displayState).toBe('ERROR');
		expect(snap.counts.RUNNING).toBe(1);
		expect(snap.counts.QUEUED).toBe(1);
		expect(snap.counts.ERROR).toBe(1);
		expect(snap.counts.NORMAL).toBe(0);
		expect(snap.connection).toEqual({ kind: 'live' });
		expect(snap.lastSuccessAt).toBe(h.clock.now());
		expect(snap.serverVersion).toBe('9.16P1');
		expect(h.events).toEqual([]);
		const first = h.client.callsOf('listJobsPage')[0];
		expect(first?.query).toEqual({ orderBy: 'submit_time desc', maxRecords: 200 });
	});

	it('starts as connecting, and publishes the first load once', async () => {
		const h = setup();
		h.model.addJobs(3);
		expect(h.snapshot().connection).toEqual({ kind: 'connecting' });
		expect(h.snapshot().version).toBe(0);
		await h.start();
		expect(h.snapshots.length).toBeGreaterThanOrEqual(1);
		expect(h.snapshot().jobs).toHaveLength(3);
	});

	it('loads only initialJobs of history, following pages to get them', async () => {
		const h = setup({ engine: { initialJobs: 30 } });
		h.model.addJobs(50, { state: 'completed' });
		await h.start();
		expect(h.snapshot().jobs).toHaveLength(30);
		// One page of 30, then the one request for jobs in progress.
		expect(h.client.callsOf('listJobsPage', 'listJobsPageAt')).toHaveLength(2);
	});

	it('also holds jobs still in progress from before the history window', async () => {
		const h = setup({ engine: { initialJobs: 10 } });
		const old = h.model.addJob({ state: 'running', submitMs: h.clock.now() - 86_400_000 }).key;
		const older = h.model.addJob({ state: 'QUEUED', submitMs: h.clock.now() - 90_000_000 }).key;
		h.model.addJobs(40, { state: 'completed', submitMs: h.clock.now() - 3_600_000 });
		await h.start();
		const snap = h.snapshot();
		expect(snap.jobs).toHaveLength(12);
		expect(snap.jobs.slice(-2).map((job) => job.key)).toEqual([old, older]);
		expect(h.client.callsOf('listJobsPage')[1]?.query).toEqual({
			filters: { state: 'queued|waiting|running|aborting|QUEUED|WAITING|RUNNING|ABORTING' },
			orderBy: 'submit_time desc',
			maxRecords: 1000,
		});
		expect(h.events).toEqual([]);
		h.model.finishJob(older, 'error');
		await h.clock.advance(2000);
		expect(h.job(older).displayState).toBe('ERROR');
	});

	it('starts anyway when the server refuses the in-progress filter', async () => {
		const h = setup();
		h.model.addJobs(3, { state: 'completed' });
		h.client.failNext(new ApiError('request', 'Invalid value for state.', { status: 400 }), {
			when: (call) => call.query?.filters?.state !== undefined,
		});
		await h.start();
		expect(h.snapshot().connection).toEqual({ kind: 'live' });
		expect(h.snapshot().jobs).toHaveLength(3);
	});

	it('does not start on a fatal answer to the in-progress filter', async () => {
		const h = setup();
		h.model.addJobs(3, { state: 'completed' });
		h.client.failNext(new ApiError('permission', 'Forbidden.', { status: 403 }), {
			when: (call) => call.query?.filters?.state !== undefined,
		});
		await h.start();
		expect(h.snapshot().connection.kind).toBe('failed');
		expect(h.snapshot().jobs).toHaveLength(0);
	});
});

describe('publishing', () => {
	it('does not publish when a poll changes nothing', async () => {
		const h = setup();
		h.model.addJobs(5);
		await h.start();
		const before = h.snapshot();
		const published = h.snapshots.length;
		const calls = h.client.requestCount;
		await h.clock.advance(10_000);
		expect(h.client.requestCount).toBeGreaterThan(calls + 4);
		expect(h.snapshots.length).toBe(published);
		expect(h.snapshot()).toBe(before);
		expect(h.engine.getLastSuccessAt()).toBe(h.clock.now());
	});

	it('keeps the identity of unchanged jobs and replaces the changed one', async () => {
		const h = setup();
		const keys = h.model.addJobs(4);
		await h.start();
		const before = h.snapshot();
		h.model.finishJob(keys[1] as string, 'warning');
		await h.clock.advance(2000);
		const after = h.snapshot();
		expect(after).not.toBe(before);
		expect(after.version).toBe(before.version + 1);
		expect(after.jobs).not.toBe(before.jobs);
		for (const [index, job] of after.jobs.entries()) {
			if (job.key === keys[1]) {
				expect(job).not.toBe(before.jobs[index]);
				expect(job.displayState).toBe('WARNING');
			} else {
				expect(job).toBe(before.jobs[index]);
			}
		}
		expect(before.byKey.get(keys[1] as string)?.displayState).toBe('RUNNING');
		expect(after.counts.RUNNING).toBe(3);
		expect(after.counts.WARNING).toBe(1);
		expect(before.counts.RUNNING).toBe(4);
	});

	it('moves lastSuccessAt on a quiet poll without publishing', async () => {
		const h = setup();
		h.model.addJobs(1);
		await h.start();
		const snapshot = h.snapshot();
		const published = h.snapshots.length;
		await h.clock.advance(90_000);
		expect(h.snapshots.length).toBe(published);
		expect(h.snapshot()).toBe(snapshot);
		expect(snapshot.lastSuccessAt).toBe(h.clock.now());
		h.client.failNext(new ApiError('server', 'down'), { times: 1000 });
		await h.clock.advance(10_000);
		expect(h.snapshot().lastSuccessAt).toBe(h.clock.now() - 10_000);
		expect(h.snapshot()).not.toBe(snapshot);
	});
});

describe('finding every job', () => {
	it('finds a burst of 60 jobs between two polls across pages, each with one new event', async () => {
		const h = setup();
		h.model.addJobs(10, { state: 'completed' });
		await h.start();
		const before = h.client.requestCount;
		const burst = h.model.addJobs(60);
		await h.clock.advance(2000);
		const held = new Set(h.snapshot().jobs.map((job) => job.key));
		for (const key of burst) expect(held.has(key)).toBe(true);
		expect(h.snapshot().jobs).toHaveLength(70);
		expect(h.events.filter((e) => e.type === 'new').map((e) => e.job.key)).toEqual(
			[...burst].sort().reverse(),
		);
		// Pages 1-4 (the fourth reaches known jobs); nothing in progress is off those pages.
		expect(h.client.requestCount - before).toBe(4);
	});

	it('stops following pages at known jobs (one request per quiet poll when nothing runs)', async () => {
		const h = setup();
		h.model.addJobs(100, { state: 'completed' });
		await h.start();
		const before = h.client.requestCount;
		await h.clock.advance(2000);
		expect(h.client.requestCount - before).toBe(1);
	});

	it('does not walk the whole history when the server purged every held job', async () => {
		const h = setup({ engine: { initialJobs: 5 } });
		const old = h.model.addJobs(5, { state: 'completed', submitMs: h.clock.now() - 3_600_000 });
		h.model.addJobs(200, { state: 'completed', submitMs: h.clock.now() - 7_200_000 });
		await h.start();
		for (const key of old) h.model.removeJob(key);
		const fresh = h.model.addJobs(3, { state: 'completed' });
		const before = h.client.requestCount;
		await h.clock.advance(2000);
		expect(h.client.requestCount - before).toBe(1);
		expect(
			h
				.snapshot()
				.jobs.slice(0, 3)
				.map((job) => job.key),
		).toEqual([...fresh].sort());
	});
});

describe('refreshing jobs off the first page', () => {
	it('sees a job finish after it fell off page 1, in at most 2 requests per poll', async () => {
		const h = setup();
		const running = h.model.addJobs(30, { submitMs: h.clock.now() - 60_000 });
		await h.start();
		h.model.addJobs(25, { state: 'completed' });
		await h.clock.advance(2000);
		const target = running[0] as string;
		h.model.finishJob(target, 'error');
		const before = h.client.requestCount;
		await h.clock.advance(2000);
		expect(h.client.requestCount - before).toBe(2);
		expect(h.job(target).displayState).toBe('ERROR');
		expect(h.events.at(-1)).toMatchObject({
			type: 'transition',
			from: 'RUNNING',
			to: 'ERROR',
			job: { key: target },
		});
		const refresh = h.client.callsOf('listJobsPage').at(-1);
		expect(refresh?.query?.maxRecords).toBe(1000);
		const asked = refresh?.query?.filters?.key?.split('|') ?? [];
		// Page 1 holds the 20 newest (finished) jobs; every running job is refreshed by key.
		expect([...asked].sort()).toEqual([...running].sort());
	});

	it('stays at 2 requests per poll with 100 jobs in progress', async () => {
		const h = setup({ engine: { initialJobs: 1000 } });
		h.model.addJobs(100, { submitMs: h.clock.now() - 60_000 });
		await h.start();
		expect(h.snapshot().counts.RUNNING).toBe(100);
		const before = h.client.requestCount;
		await h.clock.advance(10_000);
		expect(h.client.requestCount - before).toBe(10);
	});

	it('keeps a held job the server no longer returns, without extra requests', async () => {
		const h = setup();
		const [gone, kept] = h.model.addJobs(2, { submitMs: h.clock.now() - 60_000 }) as [
			string,
			string,
		];
		h.model.addJobs(20, { state: 'completed' });
		await h.start();
		h.model.removeJob(gone);
		const before = h.client.requestCount;
		await h.clock.advance(4000);
		expect(h.client.requestCount - before).toBe(4);
		expect(h.job(gone).displayState).toBe('RUNNING');
		expect(h.job(kept).displayState).toBe('RUNNING');
	});
});

describe('one poll at a time', () => {
	it('never overlaps list polls, whatever ticks and refreshes come in', async () => {
		const h = setup({ client: { latencyMs: 5000 } });
		h.model.addJobs(3);
		h.engine.start();
		for (let i = 0; i < 10; i++) {
			h.engine.refresh();
			await h.clock.advance(1000);
		}
		expect(h.client.maxListInFlight).toBe(1);
		expect(h.snapshot().connection).toEqual({ kind: 'live' });
		// 10 s at 5 s per request: the first load, then polls back to back at most.
		expect(h.client.callsOf('listJobsPage', 'listJobsPageAt').length).toBeLessThanOrEqual(3);
	});

	it('polls at the interval, and not below the 1 s floor', async () => {
		const h = setup({ engine: { intervalMs: 200 } });
		h.model.addJobs(1, { state: 'completed' });
		await h.start();
		const before = h.client.requestCount;
		await h.clock.advance(5000);
		expect(h.client.requestCount - before).toBe(5);
		expect(h.snapshot().intervalMs).toBe(1000);
	});

	it('refresh() polls at once', async () => {
		const h = setup();
		h.model.addJobs(1, { state: 'completed' });
		await h.start();
		const before = h.client.requestCount;
		h.engine.refresh();
		await h.clock.flush();
		expect(h.client.requestCount - before).toBe(1);
	});
});

describe('events', () => {
	it('emits new jobs oldest first and transitions with from/to, stamped with the time', async () => {
		const h = setup();
		const [a] = h.model.addJobs(1, { state: 'queued' }) as [string];
		await h.start();
		expect(h.events).toEqual([]);
		await h.clock.advance(500);
		const b = h.model.addJob({ name: 'b', state: 'queued' }).key;
		await h.clock.advance(500);
		const c = h.model.addJob({ name: 'c' }).key;
		h.model.updateJob(a, { state: 'running' });
		await h.clock.advance(1000);
		const at = h.clock.now();
		expect(h.events.map((e) => [e.type, e.job.key, e.at])).toEqual([
			['new', b, at],
			['new', c, at],
			['transition', a, at],
		]);
		expect(h.events[2]).toMatchObject({ from: 'QUEUED', to: 'RUNNING' });
		h.model.finishJob(b, 'partial_failures');
		await h.clock.advance(2000);
		expect(
			h.events.slice(3).map((e) => (e.type === 'transition' ? `${e.from}>${e.to}` : e.type)),
		).toEqual(['QUEUED>PARTIAL_FAILURES']);
	});

	it('emits nothing when nothing changed', async () => {
		const h = setup();
		h.model.addJobs(3);
		await h.start();
		await h.clock.advance(20_000);
		expect(h.events).toEqual([]);
	});
});

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
		h.engine.refresh();
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
