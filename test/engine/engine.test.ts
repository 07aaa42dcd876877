import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { engineHarnessPerTest } from '../helpers/engine-harness.js';

const setup = engineHarnessPerTest();

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
		const publishedAt = snapshot.lastSuccessAt;
		const published = h.snapshots.length;
		await h.clock.advance(90_000);
		expect(h.snapshots.length).toBe(published);
		expect(h.snapshot()).toBe(snapshot);
		expect(h.engine.getLastSuccessAt()).toBe(h.clock.now());
		// A published snapshot is a plain value: it keeps the success it was published with.
		expect(snapshot.lastSuccessAt).toBe(publishedAt);
		expect(publishedAt).toBeLessThan(h.clock.now());
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

	it('drops a held job the server stopped returning three polls in a row, without extra requests', async () => {
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
		// Two misses may be the server's cache lagging: the job stays.
		expect(h.job(gone).displayState).toBe('RUNNING');
		await h.clock.advance(2000);
		expect(h.client.requestCount - before).toBe(6);
		expect(h.snapshot().byKey.has(gone)).toBe(false);
		expect(h.snapshot().jobs.some((job) => job.key === gone)).toBe(false);
		expect(h.snapshot().counts.RUNNING).toBe(1);
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
