import {
	createSimulator,
	type Simulator,
	type SimulatorOptions,
} from '../../source/simulator/index.js';

/** The name of the newest finished job: when it is on screen, the first frame with jobs is up. */
export const MARKER_NAME = 'Bench marker volume';

/** Seed for every simulated world, so every run sees the same jobs. */
export const SEED = 20_260_304;

/**
 * A simulator that changes nothing by itself: simulated time stands still
 * (unless `autoAdvance` is asked for), no arrivals, a fixed seed, `history`
 * finished jobs, and the marker job on top of them.
 */
export async function startQuietSimulator(
	options: SimulatorOptions & { history?: number } = {},
): Promise<Simulator> {
	const { history = 40, ...rest } = options;
	const sim = createSimulator({
		seed: SEED,
		autoAdvance: false,
		ratePerMinute: 0,
		historyJobs: history,
		activeJobs: 0,
		...rest,
	});
	await sim.listen();
	sim.addJob({
		name: MARKER_NAME,
		type: 'Provisioning',
		state: 'completed',
		status: 'normal',
		submitTime: sim.now() - 90_000,
		completeTime: sim.now() - 60_000,
	});
	return sim;
}

/** Adds `count` running jobs that stay running (no automatic lifecycle), submitted `agesMs` ago. */
export function addRunning(
	sim: Simulator,
	agesMs: readonly number[],
	prefix = 'Bench job',
): string[] {
	return agesMs.map((age, i) => {
		const job = sim.addJob({
			name: `${prefix} ${i + 1}`,
			type: 'Provisioning',
			state: 'running',
			auto: false,
			submitTime: Date.now() - age,
		});
		return job.key;
	});
}
