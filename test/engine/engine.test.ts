import { afterEach, describe, expect, it } from 'vitest';
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
		h.model.defaultPageSize = 20;
		h.model.addJobs(50);
		await h.start();
		expect(h.snapshot().jobs).toHaveLength(30);
		expect(h.client.callsOf('listJobsPage', 'listJobsPageAt')).toHaveLength(1);
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

	it('republishes a quiet poll only when the minute of the last success changes', async () => {
		const h = setup();
		h.model.addJobs(1);
		await h.start();
		const start = h.clock.now();
		const toNextMinute = 60_000 - (start % 60_000);
		const published = h.snapshots.length;
		await h.clock.advance(toNextMinute + 1000);
		expect(h.snapshots.length).toBe(published + 1);
		expect(Math.floor((h.snapshot().lastSuccessAt ?? 0) / 60_000)).toBe(
			Math.floor(h.clock.now() / 60_000),
		);
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
