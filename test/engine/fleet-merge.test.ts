/**
 * The fleet's merge and routing, on engines whose snapshots the test sets:
 * order, object identity, one publish per burst, byKey as a routing view,
 * the summed-up connection, and the calls that go to every member.
 */
import { describe, expect, it } from 'vitest';
import { type Job, jobId, jobIdOf } from '../../source/api/job.js';
import { createFleet, fleetConnection } from '../../source/engine/fleet.js';
import { mergeNewestFirst } from '../../source/engine/fleet-merge.js';
import type { ConnectionState, JobEvent, Snapshot } from '../../source/engine/types.js';
import { FakeEngine } from '../helpers/ui-fake-engine.js';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';

const T = Date.UTC(2026, 10, 20, 1, 0, 0);

function job(server: string, key: string, minutesAgo: number | null): Job {
	return makeJob({
		server,
		key,
		displayState: 'RUNNING',
		submitTime: minutesAgo === null ? null : T - minutesAgo * 60_000,
	});
}

function snapshotOf(jobs: readonly Job[], overrides: Partial<Snapshot> = {}): Snapshot {
	const byKey = new Map(jobs.map((j) => [jobId(j), j]));
	return makeSnapshot(jobs, { byKey, connection: { kind: 'live' }, ...overrides });
}

/** Engines whose events the test can emit. */
class EventfulEngine extends FakeEngine {
	readonly eventListeners = new Set<(event: JobEvent) => void>();
	override onEvent(listener: (event: JobEvent) => void): () => void {
		this.eventListeners.add(listener);
		return () => this.eventListeners.delete(listener);
	}
	emit(event: JobEvent): void {
		for (const listener of this.eventListeners) listener(event);
	}
}

function twoServers() {
	const tokyo = new EventfulEngine(
		snapshotOf([job('tokyo', 'a', 1), job('tokyo', 'b', 5), job('tokyo', 'n', null)], {
			lastSuccessAt: T - 3000,
		}),
	);
	const osaka = new EventfulEngine(
		snapshotOf([job('osaka', 'a', 1), job('osaka', 'c', 3)], { lastSuccessAt: T - 1000 }),
	);
	const fleet = createFleet([
		{ name: 'tokyo', url: 'https://tokyo.example', engine: tokyo },
		{ name: 'osaka', url: 'https://osaka.example', engine: osaka },
	]);
	return { tokyo, osaka, fleet };
}

describe('createFleet', () => {
	it('merges newest first, ties by server order, and keeps every job object', () => {
		const { tokyo, osaka, fleet } = twoServers();
		const snapshot = fleet.getSnapshot();
		expect(snapshot.jobs.map((j) => `${j.server}/${j.key}`)).toEqual([
			'tokyo/a',
			'osaka/a',
			'osaka/c',
			'tokyo/b',
			'tokyo/n',
		]);
		for (const j of [...tokyo.snapshot.jobs, ...osaka.snapshot.jobs]) {
			expect(snapshot.jobs).toContain(j);
			expect(snapshot.byKey.get(jobId(j))).toBe(j);
		}
		expect(snapshot.byKey.size).toBe(5);
		expect(snapshot.byKey.get('a')).toBeUndefined();
		expect(snapshot.counts.RUNNING).toBe(5);
		expect(snapshot.servers?.map((s) => [s.name, s.url, s.jobCount])).toEqual([
			['tokyo', 'https://tokyo.example', 3],
			['osaka', 'https://osaka.example', 2],
		]);
		expect(fleet.getLastSuccessAt()).toBe(T - 1000);
	});

	it('publishes once for several servers publishing in the same turn, and not at all for nothing', async () => {
		const { tokyo, osaka, fleet } = twoServers();
		const before = fleet.getSnapshot();
		let heard = 0;
		fleet.subscribe(() => {
			heard += 1;
		});
		tokyo.set({ connection: { kind: 'connecting' } });
		osaka.set({ jobs: [job('osaka', 'd', 0), ...osaka.snapshot.jobs] });
		await Promise.resolve();
		expect(heard).toBe(1);
		const after = fleet.getSnapshot();
		expect(after.version).toBeGreaterThan(before.version);
		expect(after.jobs[0]?.key).toBe('d');
		// Unchanged jobs keep their objects across merged snapshots.
		expect(after.jobs).toContain(before.jobs[1]);
		// A member publishing without a change to its jobs leaves the merged list as it was.
		tokyo.set({});
		await Promise.resolve();
		expect(fleet.getSnapshot().jobs).toBe(after.jobs);
		expect(fleet.getSnapshot().byKey).toBe(after.byKey);
	});

	it('reuses the merged list while no server changed its jobs', async () => {
		const { tokyo, fleet } = twoServers();
		const jobs = fleet.getSnapshot().jobs;
		tokyo.set({ connection: { kind: 'retrying', attempt: 1, nextTryAt: T, lastError: err() } });
		await Promise.resolve();
		expect(fleet.getSnapshot().jobs).toBe(jobs);
		expect(fleet.getSnapshot().servers?.[0]?.connection.kind).toBe('retrying');
	});

	it('forwards events of every server, each job naming its own', () => {
		const { tokyo, osaka, fleet } = twoServers();
		const seen: string[] = [];
		const stop = fleet.onEvent((event) => seen.push(`${event.job.server}/${event.job.key}`));
		tokyo.emit({ type: 'new', at: T, job: job('tokyo', 'x', 0) });
		osaka.emit({ type: 'new', at: T, job: job('osaka', 'x', 0) });
		expect(seen).toEqual(['tokyo/x', 'osaka/x']);
		stop();
		expect(tokyo.eventListeners.size + osaka.eventListeners.size).toBe(0);
	});

	it('sends start, stop, refresh and pause to every server, and the focus to the owner', async () => {
		const { tokyo, osaka, fleet } = twoServers();
		fleet.start();
		fleet.refresh();
		fleet.setPaused(true);
		await fleet.stop();
		for (const engine of [tokyo, osaka]) {
			expect(engine.calls).toMatchObject({ start: 1, refresh: 1, paused: [true], stop: 1 });
		}
		fleet.focus(jobIdOf('osaka', 'a'));
		fleet.focus(jobIdOf('tokyo', 'a'));
		fleet.focus(null);
		expect(osaka.calls.focus).toEqual([jobIdOf('osaka', 'a'), null]);
		expect(tokyo.calls.focus).toEqual([jobIdOf('tokyo', 'a'), null]);
	});
});

function err() {
	return { kind: 'network' as const, message: 'refused', hint: '' };
}

describe('fleetConnection', () => {
	const live: ConnectionState = { kind: 'live' };
	const connecting: ConnectionState = { kind: 'connecting' };
	const retrying: ConnectionState = {
		kind: 'retrying',
		attempt: 2,
		nextTryAt: T,
		lastError: err(),
	};
	const failed: ConnectionState = {
		kind: 'failed',
		error: { kind: 'auth', message: '401', hint: '' },
	};

	it('is live if any server is live, else retrying, else failed only when all failed', () => {
		expect(fleetConnection([failed, retrying, live])).toBe(live);
		expect(fleetConnection([failed, connecting, retrying])).toBe(retrying);
		expect(fleetConnection([failed, failed])).toBe(failed);
		expect(fleetConnection([failed, connecting])).toEqual(connecting);
		expect(fleetConnection([{ kind: 'paused' }, { kind: 'paused' }]).kind).toBe('paused');
	});
});

describe('mergeNewestFirst', () => {
	it('returns a single filled list itself, and merges in one pass otherwise', () => {
		const only = [job('a', '1', 1)];
		expect(mergeNewestFirst([[], only, []])).toBe(only);
		const a = [job('a', '1', 1), job('a', '3', 3)];
		const b = [job('b', '2', 2), job('b', '4', null)];
		expect(mergeNewestFirst([a, b]).map((j) => j.key)).toEqual(['1', '2', '3', '4']);
	});
});
