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
		...overrides,
	});
	const url = await simulator.listen();
	return { url, user, password, simulator, close: () => simulator.close() };
}
