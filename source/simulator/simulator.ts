import { systemClock } from '../time/clock.js';
import { FaultQueue } from './faults.js';
import { HttpServer } from './http-server.js';
import { LongPolls } from './long-poll.js';
import { createRandom } from './random.js';
import type { RouteContext } from './routes.js';
import { SimTime } from './sim-time.js';
import type { JobSpec, Simulator, SimulatorOptions, SimulatorStats } from './types.js';
import { World } from './world.js';

function emptyStats(longPollsHeld: number): SimulatorStats {
	return { requests: 0, bytesSent: 0, byPath: new Map(), longPollsHeld, longPolls: 0, faults: 0 };
}

/** `/management-server/system`: who this Unified Manager is. */
function systemInfo(version: string, uuid: string, prefix: string): Record<string, unknown> {
	const [, generation = '9', major = '0', minor = '0'] =
		/^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version) ?? [];
	return {
		name: 'um-simulator.example.com',
		uuid,
		vendor: 'NetApp',
		product: 'Active IQ Unified Manager (umwatch simulator)',
		version: {
			full: version,
			generation: Number(generation),
			major: Number(major),
			minor: Number(minor),
		},
		os: { name: 'Red Hat Enterprise Linux', version: '9.4' },
		_links: { self: { href: `${prefix}/management-server/system` } },
	};
}

/**
 * Creates a simulated Unified Manager: an HTTP(S) server that answers the jobs
 * API like the real one (see `shared/aiqum-api.md`), over a world of jobs that
 * arrive and progress with simulated time, with fault injection and counters
 * for tests and benchmarks. Nothing listens until `listen()`.
 *
 * ```ts
 * const sim = createSimulator({ seed: 1, autoAdvance: false, historyJobs: 0, ratePerMinute: 0 });
 * const url = await sim.listen();          // http://127.0.0.1:PORT
 * const job = sim.addJob();                // running, follows its plan as time advances
 * sim.advance(60_000);                     // a minute later
 * sim.finishJob(job.key, 'error');
 * await sim.close();
 * ```
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
	const clock = options.clock ?? systemClock;
	const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
	const time = new SimTime(
		clock,
		options.autoAdvance ?? true,
		options.startTime,
		options.speed ?? 1,
	);
	const world = new World({
		time,
		seed,
		ratePerMinute: options.ratePerMinute ?? 6,
		historyJobs: options.historyJobs ?? 40,
		activeJobs: options.activeJobs ?? 2,
		hostileRate: options.hostileRate ?? 0,
	});
	const stats = emptyStats(0);
	const polls = new LongPolls(time, clock, (held) => {
		stats.longPollsHeld = held;
	});
	world.onChange((job, removed) => polls.wake(job.key, removed ? 'removed' : 'changed'));
	const faults = new FaultQueue();
	const version = options.version ?? '9.16P1';
	const idRandom = createRandom(seed ^ 0x5eed);
	const uuid = `${idRandom.hex(8)}-${idRandom.hex(4)}-${idRandom.hex(4)}-${idRandom.hex(4)}-${idRandom.hex(12)}`;
	const routes: RouteContext = {
		world,
		polls,
		user: options.user ?? 'admin',
		password: options.password ?? 'admin',
		shape: options.shape ?? 'lowercase',
		offsetMinutes: options.utcOffsetMinutes ?? 540,
		longPoll: options.longPoll ?? true,
		system: (prefix) => systemInfo(version, uuid, prefix),
	};
	const host = options.host ?? '127.0.0.1';
	const http = new HttpServer({
		host,
		tls: options.tls ?? null,
		clock,
		time,
		faults,
		stats,
		routes,
	});
	let url = '';
	let port = options.port ?? 0;
	let listening: Promise<string> | null = null;

	const simulator: Simulator = {
		get url() {
			return url;
		},
		stats,
		listen() {
			listening ??= (async () => {
				port = await http.listen(port);
				const scheme = options.tls === undefined ? 'http' : 'https';
				url = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
				time.start();
				return url;
			})();
			listening.catch(() => {
				listening = null;
			});
			return listening;
		},
		async close() {
			const pending = listening;
			listening = null;
			url = '';
			time.stop();
			polls.dropAll();
			await pending?.catch(() => undefined);
			await http.close();
		},
		now: () => time.now(),
		advance: (ms) => time.advance(ms),
		addJob: (spec = {}) => {
			const [job] = world.add([spec]);
			if (job === undefined) throw new Error('addJob created nothing');
			return job;
		},
		addJobs(n, spec = {}) {
			const specs: JobSpec[] = [];
			for (let i = 0; i < n; i++) specs.push(typeof spec === 'function' ? spec(i) : spec);
			return world.add(specs);
		},
		updateJob: (key, patch) => world.update(key, patch),
		finishJob: (key, status) => world.finish(key, status),
		removeJob: (key) => world.remove(key),
		job: (key) => world.store.get(key),
		jobs: () => [...world.store.list],
		injectFault: (fault, faultOptions) => faults.inject(fault, faultOptions),
		clearFaults: () => faults.clear(),
		resetStats() {
			// In place, so a reference taken earlier sees the reset.
			Object.assign(stats, emptyStats(stats.longPollsHeld));
		},
	};
	return simulator;
}
