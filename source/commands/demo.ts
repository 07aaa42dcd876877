import { randomBytes } from 'node:crypto';
import type { Simulator, SimulatorOptions } from '../simulator/index.js';
import { createSimulator } from '../simulator/index.js';

/** A simulator running inside this process, and how to log in to it. */
export interface DemoServer {
	readonly url: string;
	readonly user: string;
	readonly password: string;
	readonly simulator: Simulator;
	close(): Promise<void>;
}

/**
 * The demo world's seed when `--seed` does not pick another. Fixed, so every
 * demo run builds the same jobs with the same keys: a key that
 * `umwatch list --demo` printed works in `umwatch show --demo KEY` (each
 * command runs its own simulator in its own process). The world is built from
 * the seed alone; the wall clock only places it in time.
 */
export const DEMO_SEED = 20_261_128;

/**
 * The demo's server: lively (a new job every few seconds, several already
 * running, an hour of history), on 127.0.0.1 at a free port, with a password
 * made up for this run. Only this process knows it.
 */
export async function startDemoServer(overrides: SimulatorOptions = {}): Promise<DemoServer> {
	const user = 'admin';
	const password = randomBytes(12).toString('base64url');
	const simulator = createSimulator({
		host: '127.0.0.1',
		port: 0,
		user,
		password,
		autoAdvance: true,
		ratePerMinute: 20,
		activeJobs: 5,
		historyJobs: 60,
		seed: DEMO_SEED,
		...overrides,
	});
	const url = await simulator.listen();
	return { url, user, password, simulator, close: () => simulator.close() };
}
