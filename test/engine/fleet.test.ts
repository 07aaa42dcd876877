/**
 * A fleet over real HTTP: four simulators on loopback ports (one healthy, one
 * slow, one refusing the password, one down), each with its own real client
 * and engine, merged by createFleet. Time is a fake clock shared by all:
 * nothing waits on wall-clock luck, only on named conditions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../source/api/client.js';
import { type Job, jobIdOf } from '../../source/api/job.js';
import type { AiqumClient } from '../../source/api/types.js';
import { createEngine, type WatchEngine } from '../../source/engine/engine.js';
import { createFleet } from '../../source/engine/fleet.js';
import type { JobEvent, ServerHealth } from '../../source/engine/types.js';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { closedPort } from '../helpers/out-sim.js';
import { until } from '../helpers/until.js';

const START = Date.UTC(2026, 10, 20, 1, 0, 0);
const INTERVAL_MS = 2000;
/** The slow server answers each jobs request this long after it came (fake time). */
const SLOW_MS = 5000;

interface Rig {
	readonly clock: FakeClock;
	readonly sims: Map<string, Simulator>;
	readonly clients: AiqumClient[];
	readonly engines: Map<string, WatchEngine>;
	readonly fleet: WatchEngine;
}

let rig: Rig | null = null;

afterEach(async () => {
	if (rig === null) return;
	await rig.fleet.stop();
	await Promise.all(rig.clients.map((client) => client.close()));
	await Promise.all([...rig.sims.values()].map((sim) => sim.close()));
	// Every engine stopped every timer (the simulators' own went with them).
	expect(rig.clock.pendingTimers).toBe(0);
	rig = null;
});

async function simulator(clock: FakeClock): Promise<Simulator> {
	// The same seed everywhere: the same keys on every server, which the fleet must tell apart.
	const sim = createSimulator({
		seed: 3,
		clock,
		autoAdvance: false,
		startTime: START,
		historyJobs: 0,
		activeJobs: 0,
		ratePerMinute: 0,
	});
	await sim.listen();
	return sim;
}

/** tokyo healthy, osaka refusing the password, nagoya down, sapporo slow, in that order. */
async function setup(): Promise<Rig> {
	const clock = new FakeClock(START);
	const sims = new Map<string, Simulator>();
	for (const name of ['tokyo', 'osaka', 'sapporo']) sims.set(name, await simulator(clock));
	(sims.get('sapporo') as Simulator).injectFault(
		{ kind: 'latency', ms: SLOW_MS },
		{ count: Number.POSITIVE_INFINITY, path: /\/jobs/ },
	);
	const urls: Record<string, string> = {
		tokyo: (sims.get('tokyo') as Simulator).url,
		osaka: (sims.get('osaka') as Simulator).url,
		nagoya: `http://127.0.0.1:${await closedPort()}`,
		sapporo: (sims.get('sapporo') as Simulator).url,
	};
	const clients: AiqumClient[] = [];
	const engines = new Map<string, WatchEngine>();
	const members = Object.entries(urls).map(([name, url]) => {
		const client = createClient({
			url,
			user: 'admin',
			password: name === 'osaka' ? 'wrong' : 'admin',
			server: name,
			clock,
		});
		clients.push(client);
		const engine = createEngine({ client, clock, intervalMs: INTERVAL_MS, random: () => 0.5 });
		engines.set(name, engine);
		return { name, url, engine };
	});
	rig = { clock, sims, clients, engines, fleet: createFleet(members) };
	return rig;
}

function pause(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Moves the fake clock in small steps (real requests run between) until `condition` holds. */
async function drive(r: Rig, condition: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 15_000;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await r.clock.advance(250);
		await pause(5);
	}
}

function health(r: Rig, name: string): ServerHealth {
	const found = r.fleet.getSnapshot().servers?.find((server) => server.name === name);
	if (found === undefined) throw new Error(`no server ${name}`);
	return found;
}

function held(r: Rig, server: string, key: string): Job | undefined {
	return r.fleet.getSnapshot().byKey.get(jobIdOf(server, key));
}

describe('a fleet of servers over HTTP', () => {
	it('merges the live servers, names the failed ones, and is live before the slow one answers', async () => {
		const r = await setup();
		const tokyo = r.sims.get('tokyo') as Simulator;
		const sapporo = r.sims.get('sapporo') as Simulator;
		const keys: string[] = [];
		for (let i = 0; i < 3; i++) {
			keys.push(tokyo.addJob({ state: 'running', auto: false }).key);
			sapporo.addJob({ state: 'running', auto: false });
			tokyo.advance(1000);
			sapporo.advance(1000);
		}
		r.fleet.start();

		// The first frame comes with the first server: tokyo's jobs, while sapporo is still connecting.
		await until(() => r.fleet.getSnapshot().connection.kind === 'live', 'the fleet live');
		expect(r.clock.now()).toBeLessThan(START + SLOW_MS);
		expect(health(r, 'sapporo').connection.kind).toBe('connecting');
		expect(r.fleet.getSnapshot().jobs.map((job) => job.server)).toEqual([
			'tokyo',
			'tokyo',
			'tokyo',
		]);

		await drive(
			r,
			() =>
				health(r, 'sapporo').connection.kind === 'live' &&
				health(r, 'nagoya').connection.kind === 'retrying',
			'sapporo live and nagoya retrying',
		);
		const snapshot = r.fleet.getSnapshot();
		// The same key on two servers is two jobs, each with its server.
		for (const key of keys) {
			expect(held(r, 'tokyo', key)?.server).toBe('tokyo');
			expect(held(r, 'sapporo', key)?.server).toBe('sapporo');
		}
		expect(snapshot.jobs).toHaveLength(6);
		expect(snapshot.counts.RUNNING).toBe(6);
		expect(snapshot.servers?.map((s) => [s.name, s.connection.kind, s.jobCount])).toEqual([
			['tokyo', 'live', 3],
			['osaka', 'failed', 0],
			['nagoya', 'retrying', 0],
			['sapporo', 'live', 3],
		]);
		const osaka = health(r, 'osaka').connection;
		expect(osaka.kind === 'failed' && osaka.error.kind).toBe('auth');
		expect(snapshot.connection.kind).toBe('live');
		// Newest first, ties (same submit time) by server order: tokyo's copy before sapporo's.
		expect(snapshot.jobs.map((job) => job.server)).toEqual([
			'tokyo',
			'sapporo',
			'tokyo',
			'sapporo',
			'tokyo',
			'sapporo',
		]);
	});

	it('shows new jobs of each live server within one of its intervals, whatever the others do', async () => {
		const r = await setup();
		const tokyo = r.sims.get('tokyo') as Simulator;
		const sapporo = r.sims.get('sapporo') as Simulator;
		r.fleet.start();
		await drive(
			r,
			() =>
				health(r, 'sapporo').connection.kind === 'live' &&
				health(r, 'osaka').connection.kind === 'failed' &&
				health(r, 'nagoya').connection.kind === 'retrying',
			'every server settled',
		);
		const events: JobEvent[] = [];
		r.fleet.onEvent((event) => events.push(event));

		// tokyo: one interval of fake time at most, while osaka stays failed and nagoya retries.
		tokyo.advance(1000);
		const fresh = tokyo.addJob({ state: 'running', auto: false }).key;
		const polledBefore = r.engines.get('tokyo')?.getLastSuccessAt() ?? 0;
		await r.clock.advanceTo(polledBefore + INTERVAL_MS);
		await until(() => held(r, 'tokyo', fresh) !== undefined, "tokyo's new job");
		expect(held(r, 'sapporo', fresh)).toBeUndefined();

		// sapporo, slow: within one interval plus its own answer time.
		sapporo.advance(1000);
		const slowFresh = sapporo.addJob({ state: 'queued', auto: false }).key;
		await drive(r, () => held(r, 'sapporo', slowFresh) !== undefined, "sapporo's new job");
		expect(r.clock.now() - START).toBeGreaterThan(0);

		// Each event's job names its server; the failed servers made none.
		const news = events.filter((event) => event.type === 'new').map((event) => event.job);
		expect(news.map((job) => [job.server, job.key])).toEqual([
			['tokyo', fresh],
			['sapporo', slowFresh],
		]);
		const osaka = health(r, 'osaka').connection;
		expect(osaka.kind === 'failed' && osaka.error.kind).toBe('auth');
	});

	it('hands the focus to the server that owns the job', async () => {
		const r = await setup();
		const tokyo = r.sims.get('tokyo') as Simulator;
		const sapporo = r.sims.get('sapporo') as Simulator;
		const key = tokyo.addJob({ state: 'running', auto: false }).key;
		expect(sapporo.addJob({ state: 'running', auto: false }).key).toBe(key);
		r.fleet.start();
		await drive(r, () => health(r, 'sapporo').connection.kind === 'live', 'sapporo live');
		const tokyoEngine = r.engines.get('tokyo') as WatchEngine;
		const sapporoEngine = r.engines.get('sapporo') as WatchEngine;

		const onSapporo = jobIdOf('sapporo', key);
		r.fleet.focus(onSapporo);
		expect(sapporoEngine.getSnapshot().focusKey).toBe(onSapporo);
		expect(tokyoEngine.getSnapshot().focusKey).toBeNull();
		expect(r.fleet.getSnapshot().focusKey).toBe(onSapporo);
		await drive(r, () => sapporo.stats.longPolls >= 1, "sapporo's long poll");
		expect(tokyo.stats.longPolls).toBe(0);

		// Moving to the same key on tokyo leaves sapporo's job alone.
		const onTokyo = jobIdOf('tokyo', key);
		r.fleet.focus(onTokyo);
		expect(sapporoEngine.getSnapshot().focusKey).toBeNull();
		expect(tokyoEngine.getSnapshot().focusKey).toBe(onTokyo);
		await drive(r, () => tokyo.stats.longPolls >= 1, "tokyo's long poll");
		tokyo.advance(1000);
		tokyo.finishJob(key, 'normal');
		await drive(r, () => held(r, 'tokyo', key)?.displayState === 'NORMAL', 'the end on tokyo');
		expect(held(r, 'sapporo', key)?.displayState).toBe('RUNNING');
		r.fleet.focus(null);
		expect(tokyoEngine.getSnapshot().focusKey).toBeNull();
	});
});
