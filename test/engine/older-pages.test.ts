/**
 * Older jobs on demand and --since's first load, over real HTTP: the real
 * client against the simulator. The engine's timers run on a fake clock, so
 * no poll runs unless a test moves it: every jobs request counted on the
 * simulator after the first load is an older page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../source/api/client.js';
import { jobId } from '../../source/api/job.js';
import type { AiqumClient } from '../../source/api/types.js';
import { createEngine, type EngineOptions, type WatchEngine } from '../../source/engine/engine.js';
import { createFleet } from '../../source/engine/fleet.js';
import { JobStore } from '../../source/engine/job-store.js';
import type { OlderState } from '../../source/engine/types.js';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { makeJob } from '../helpers/ui-fixtures.js';
import { until } from '../helpers/until.js';

const START = Date.UTC(2026, 10, 30, 12, 0, 0);
const JOBS_PATH = '/management-server/jobs';
const DAY = 86_400_000;

interface World {
	readonly sims: Simulator[];
	readonly clients: AiqumClient[];
	readonly engines: WatchEngine[];
}
const world: World = { sims: [], clients: [], engines: [] };

afterEach(async () => {
	for (const engine of world.engines.splice(0)) await engine.stop();
	for (const client of world.clients.splice(0)) await client.close();
	for (const sim of world.sims.splice(0)) await sim.close();
});

/**
 * A quiet simulator holding `count` finished jobs, three to a second (so a
 * page boundary can split a second), the oldest first; every 7th failed.
 */
async function simWith(count: number, spacingMs = 1000): Promise<Simulator> {
	const sim = createSimulator({
		seed: 13,
		autoAdvance: false,
		startTime: START,
		historyJobs: 0,
		activeJobs: 0,
		ratePerMinute: 0,
	});
	sim.addJobs(count, (i) => ({
		key: `job-${String(i).padStart(5, '0')}`,
		name: `Job ${i}`,
		state: 'completed',
		status: i % 7 === 0 ? 'error' : 'normal',
		submitTime: START - Math.floor((count + 1 - i) / 3) * spacingMs,
		completeTime: START,
		auto: false,
	}));
	await sim.listen();
	world.sims.push(sim);
	return sim;
}

function engineFor(sim: Simulator, options: Partial<EngineOptions> = {}): WatchEngine {
	const clock = new FakeClock(START);
	const client = createClient({ url: sim.url, user: 'admin', password: 'admin', clock });
	world.clients.push(client);
	const engine = createEngine({ client, clock, random: () => 0.5, ...options });
	world.engines.push(engine);
	return engine;
}

async function started(engine: WatchEngine): Promise<void> {
	engine.start();
	await until(() => engine.getSnapshot().connection.kind === 'live', 'the first load');
}

const olderOf = (engine: WatchEngine): OlderState => engine.getSnapshot().older ?? 'idle';
const settled = (engine: WatchEngine) => () => olderOf(engine) !== 'loading';

describe('older jobs on demand', () => {
	it('reaches the job submitted first of 2,500 in at most three older-page requests, none fetched twice', async () => {
		const sim = await simWith(2500);
		const engine = engineFor(sim);
		await started(engine);
		expect(engine.getSnapshot().jobs).toHaveLength(200);
		sim.resetStats();
		let asks = 0;
		while (olderOf(engine) !== 'exhausted' && asks < 10) {
			engine.loadOlder?.();
			asks += 1;
			expect(olderOf(engine)).toBe('loading');
			await until(settled(engine), 'an older page');
		}
		const { jobs } = engine.getSnapshot();
		expect(sim.stats.byPath.get(JOBS_PATH)).toBeLessThanOrEqual(3);
		expect(olderOf(engine)).toBe('exhausted');
		expect(jobs).toHaveLength(2500);
		expect(new Set(jobs.map(jobId)).size).toBe(2500);
		// The job submitted first is among the last rows (three share its second; keys break the tie).
		const first = sim.jobs()[0];
		expect(jobs.at(-1)?.submitTime).toBe(first?.submitTime);
		expect(jobs.slice(-3).map((job) => job.key)).toContain(first?.key);
		// At the end, asking again asks the server nothing.
		sim.resetStats();
		engine.loadOlder?.();
		expect(olderOf(engine)).toBe('exhausted');
		expect(sim.stats.requests).toBe(0);
	});

	it('says why a load failed and loads on the next ask', async () => {
		const sim = await simWith(300);
		const engine = engineFor(sim);
		await started(engine);
		sim.injectFault({ kind: 'status', status: 403 }, { path: /submit_time/ });
		engine.loadOlder?.();
		await until(settled(engine), 'the failed load');
		const failed = olderOf(engine);
		expect(typeof failed === 'object' && failed.error.kind).toBe('permission');
		expect(engine.getSnapshot().jobs).toHaveLength(200);
		engine.loadOlder?.();
		await until(settled(engine), 'the retried load');
		expect(olderOf(engine)).toBe('exhausted');
		expect(engine.getSnapshot().jobs).toHaveLength(300);
	});

	it('keeps within --max-jobs, oldest finished first, but never drops the protected (visible, selected) rows', async () => {
		const sim = await simWith(2500);
		const clock = new FakeClock(START);
		const engine = engineFor(sim, { maxJobs: 300, clock });
		await started(engine);
		// The user went to the bottom: the 20 oldest rows held are on screen.
		const visible = engine.getSnapshot().jobs.slice(-20).map(jobId);
		engine.protect?.(visible);
		// 150 new jobs arrive: 350 held, 50 over the cap; the oldest finished would be the rows on screen.
		sim.addJobs(150, (i) => ({
			key: `new-${i}`,
			state: 'completed',
			status: 'normal',
			submitTime: START + 1000 + i,
			completeTime: START + 2000,
			auto: false,
		}));
		const before = engine.getLastSuccessAt();
		await clock.advance(2000);
		await until(() => engine.getLastSuccessAt() !== before, 'a poll');
		let snapshot = engine.getSnapshot();
		expect(snapshot.jobs.filter((job) => job.key.startsWith('new-'))).toHaveLength(150);
		expect(snapshot.jobs).toHaveLength(300);
		for (const id of visible) expect(snapshot.byKey.has(id)).toBe(true);
		// Older pages past the cap keep nothing: the row says so, and the rows on screen stay.
		for (let i = 0; i < 3 && olderOf(engine) === 'idle'; i++) {
			engine.loadOlder?.();
			await until(settled(engine), 'an older page');
		}
		snapshot = engine.getSnapshot();
		expect(olderOf(engine)).toBe('full');
		for (const id of visible) expect(snapshot.byKey.has(id)).toBe(true);
	});

	it('in a fleet, loads older from every server not at its end and merges them', async () => {
		const a = await simWith(250);
		const b = await simWith(1300);
		const fleet = createFleet(
			[
				{ name: 'a', url: a.url, engine: engineFor(a) },
				{ name: 'b', url: b.url, engine: engineFor(b) },
			],
			{ defer: (flush) => flush() },
		);
		await started(fleet);
		await until(() => fleet.getSnapshot().jobs.length === 400, 'both first loads');
		fleet.loadOlder?.();
		await until(() => (fleet.getSnapshot().older ?? 'idle') !== 'loading', 'older pages');
		// a is at its end; b has more (a page of 1,000 repeats the jobs held of its oldest second).
		expect(fleet.getSnapshot().jobs.length).toBeGreaterThan(250 + 1190);
		expect(fleet.getSnapshot().older).toBe('idle');
		a.resetStats();
		fleet.loadOlder?.();
		await until(() => (fleet.getSnapshot().older ?? 'idle') === 'exhausted', 'the end');
		expect(a.stats.requests).toBe(0);
		expect(fleet.getSnapshot().jobs).toHaveLength(1550);
	});
});

describe('--since for the live view', () => {
	it('holds exactly the jobs of the last 7 days, every page followed', async () => {
		// 14 days of jobs, one every 6 minutes (three to a mark): 3,360 jobs.
		const sim = await simWith(3 * 14 * 240, 6 * 60_000);
		const since = START - 7 * DAY;
		const engine = engineFor(sim, { since });
		await started(engine);
		const expected = sim
			.jobs()
			.filter((job) => job.submitTime >= since)
			.map((job) => job.key)
			.sort();
		expect(expected.length).toBeGreaterThan(1000);
		const held = engine
			.getSnapshot()
			.jobs.map((job) => job.key)
			.sort();
		expect(held).toEqual(expected);
	});
});

describe('retention protects ids', () => {
	it('drops the oldest finished job not protected', () => {
		const store = new JobStore(3);
		const jobs = [1, 2, 3, 4].map((n) => makeJob({ key: `k${n}`, submitTime: START + n * 1000 }));
		store.merge(jobs.slice(0, 3));
		store.protect(['k1']);
		store.merge([jobs[3] as (typeof jobs)[number]]);
		expect(store.jobs.map((job) => job.key)).toEqual(['k4', 'k3', 'k1']);
	});
});
