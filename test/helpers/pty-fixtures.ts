// A simulated Unified Manager with a known set of jobs, for the end-to-end tests:
// names the tests can find on screen, in a known order, in known states.
import { createSimulator } from '../../source/simulator/index.js';
import type { SimJob, Simulator, SimulatorOptions } from '../../source/simulator/types.js';

/** The simulator's Basic-auth user and password in the end-to-end tests. */
export const E2E_USER = 'admin';
export const E2E_PASSWORD = 'e2e-secret';

/** How many fixture jobs there are: more than any test terminal has rows. */
export const FIXTURE_JOB_COUNT = 60;

/** The fixture job's name for index i (1 is the oldest): `E2E job 01` … `E2E job 60`. */
export function fixtureName(index: number): string {
	return `E2E job ${String(index).padStart(2, '0')}`;
}

/** The fixture job's key for index i: as long and as colon-laden as a real one. */
export function fixtureKey(index: number): string {
	return `06a6148bf9e862df:-2611856e:16e8d47e722:-7f${String(index).padStart(2, '0')}`;
}

/** A simulator with its URL. */
export interface FixtureServer {
	readonly sim: Simulator;
	/** Base URL without `/api`, as `--url` takes it. */
	readonly url: string;
	/** The app arguments that watch this server (add `--interval` as the test needs). */
	readonly args: readonly string[];
}

/**
 * Starts a simulator on 127.0.0.1 with time standing still (`autoAdvance: false`)
 * and exactly the fixture jobs: one submitted per minute, the newest last.
 * The newest (60) is running; 59 failed (ERROR); 58 warned; the rest ended normally.
 * With `fixtureJobs: false`, only what `options` asks the simulator to generate.
 */
export async function startFixtureServer(
	options: Partial<SimulatorOptions> = {},
	{ fixtureJobs = true }: { fixtureJobs?: boolean } = {},
): Promise<FixtureServer> {
	const sim = createSimulator({
		seed: 1,
		autoAdvance: false,
		historyJobs: 0,
		activeJobs: 0,
		ratePerMinute: 0,
		user: E2E_USER,
		password: E2E_PASSWORD,
		...options,
	});
	const now = sim.now();
	if (fixtureJobs) for (let i = 1; i <= FIXTURE_JOB_COUNT; i++) addFixtureJob(sim, i, now);
	const url = await sim.listen();
	return { sim, url, args: ['--url', url, '--user', E2E_USER] };
}

function addFixtureJob(sim: Simulator, index: number, now: number): SimJob {
	const submitTime = now - (FIXTURE_JOB_COUNT - index + 1) * 60_000;
	const common = {
		key: fixtureKey(index),
		name: fixtureName(index),
		type: index % 2 === 0 ? 'Provisioning' : 'Protection',
		submitTime,
		auto: false,
	};
	if (index === FIXTURE_JOB_COUNT)
		return sim.addJob({ ...common, state: 'running', status: 'normal' });
	const status =
		index === FIXTURE_JOB_COUNT - 1
			? 'error'
			: index === FIXTURE_JOB_COUNT - 2
				? 'warning'
				: 'normal';
	return sim.addJob({
		...common,
		state: 'completed',
		status,
		completeTime: submitTime + 30_000,
	});
}
