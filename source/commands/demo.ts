import { randomBytes } from 'node:crypto';
import type { Simulator, SimulatorOptions } from '../simulator/index.js';
import { createSimulator } from '../simulator/index.js';

/** A simulator running inside this process, and how to log in to it. */
export interface DemoServer {
	/** The server's name on its jobs: "demo" for a plain `--demo`; "tokyo", "osaka", … for several. */
	readonly name: string;
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
export async function startDemoServer(
	overrides: SimulatorOptions = {},
	name = 'demo',
): Promise<DemoServer> {
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
	return { name, url, user, password, simulator, close: () => simulator.close() };
}

/** The names of the demo's servers, in order (`--demo-servers N` takes the first N). */
export const DEMO_SERVER_NAMES = [
	'tokyo',
	'osaka',
	'nagoya',
	'sapporo',
	'fukuoka',
	'sendai',
	'hiroshima',
	'kobe',
	'kyoto',
] as const;

/**
 * The demo's servers: one for a plain `--demo`; for `--demo-servers N`, N
 * simulators named tokyo, osaka, … Each builds its own world from its own
 * seed (the demo's seed, or `--seed`, plus its place), so their jobs differ
 * but stay the same from run to run. When one cannot start, those started
 * are closed.
 */
export async function startDemoServers(
	count: number,
	overrides: SimulatorOptions = {},
): Promise<DemoServer[]> {
	if (count <= 1) return [await startDemoServer(overrides)];
	const seed = overrides.seed ?? DEMO_SEED;
	const started = await Promise.allSettled(
		DEMO_SERVER_NAMES.slice(0, count).map((name, index) =>
			startDemoServer({ ...overrides, seed: seed + index }, name),
		),
	);
	const servers = started.flatMap((result) =>
		result.status === 'fulfilled' ? [result.value] : [],
	);
	const failed = started.find((result) => result.status === 'rejected');
	if (failed !== undefined) {
		await Promise.all(servers.map((server) => server.close()));
		throw failed.reason;
	}
	return servers;
}
