// Several servers (issues 10 and 14): five servers of 1,000 jobs each. Frame
// time of the real App over a fleet against one server; idle CPU of umwatch
// watching the five against five `watch curl | jq` pipelines; requests per
// poll per server.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Simulator } from '../../source/simulator/index.js';
import type { PtyTerminal } from '../../test/helpers/pty-terminal.js';
import { openPtyTerminal } from '../../test/helpers/pty-terminal.js';
import {
	binaryPath,
	repoRoot,
	SIM_PASSWORD,
	SIM_USER,
	sleep,
	startWatchPipeline,
	stopTerminal,
} from '../lib/apps.js';
import { type Figure, limitBudget, ratioBudget } from '../lib/figures.js';
import type { BenchOptions } from '../lib/options.js';
import { readCpu } from '../lib/proc.js';
import { percentile, perMinute } from '../lib/stats.js';
import { MARKER_NAME, startQuietSimulator } from '../lib/world.js';
import { mountFleetTarget, mountRenderTarget, timeTargets } from './render-scale.js';

const SERVERS = ['tokyo', 'osaka', 'nagoya', 'sapporo', 'fukuoka'];
const JOBS_PER_SERVER = 1000;
/** Time after the first frame with jobs before the window opens (start-up is not counted). */
const SETTLE_MS = 3000;

/**
 * Frame p95 over the fleet against one server of 1,000 jobs (the budget's
 * figure), in the same rounds; one server holding all 5,000 beside them says
 * how much of a difference is the fleet's and how much the job count's.
 */
async function fleetFrames(iterations: number): Promise<Figure[]> {
	const total = SERVERS.length * JOBS_PER_SERVER;
	let merges: readonly number[] = [];
	const [single, fleet, singleAll] = await timeTargets(
		[
			() => mountRenderTarget(JOBS_PER_SERVER),
			async () => {
				const target = await mountFleetTarget(SERVERS.length, JOBS_PER_SERVER);
				merges = target.mergeMs;
				return target;
			},
			() => mountRenderTarget(total),
		],
		iterations,
	);
	if (single === undefined || fleet === undefined || singleAll === undefined) {
		throw new Error('fleet: a render is missing');
	}
	// The warm-up rounds' merges are left out, as their frames are.
	const steady = merges.slice(3);
	return [
		{
			id: 'fleet.frame.5x1000',
			label: 'frame time p50 / p95, 5 servers × 1,000 jobs',
			value: fleet.p95,
			unit: 'ms p95',
			reference: { label: 'p50', value: fleet.p50 },
			budget: ratioBudget(fleet.p95, single.p95, 1.2, 'p95 of 1 server × 1,000'),
			detail: {
				p50: fleet.p50,
				p95: fleet.p95,
				samples: fleet.samples,
				singleP50: single.p50,
				singleP95: single.p95,
				singleSamples: single.samples,
				singleAllJobs: total,
				singleAllP50: singleAll.p50,
				singleAllP95: singleAll.p95,
			},
		},
		{
			id: 'fleet.merge.5x1000',
			label: 'fleet merge per publish p50 / p95, 5 × 1,000 jobs',
			value: percentile(steady, 95),
			unit: 'ms p95',
			reference: { label: 'p50', value: percentile(steady, 50) },
			detail: { samples: steady },
		},
	];
}

/** A config home whose five profiles name the simulators (password files of their own). */
function configHome(sims: readonly Simulator[]): string {
	const home = mkdtempSync(join(tmpdir(), 'umwatch-bench-fleet-'));
	mkdirSync(join(home, 'umwatch'));
	const profiles = Object.fromEntries(
		sims.map((sim, index) => {
			const name = SERVERS[index] ?? `server${index}`;
			const passwordFile = join(home, `${name}-password`);
			writeFileSync(passwordFile, `${SIM_PASSWORD}\n`, { mode: 0o600 });
			chmodSync(passwordFile, 0o600);
			return [name, { url: sim.url, user: SIM_USER, passwordFile }];
		}),
	);
	const config = join(home, 'umwatch', 'config.json');
	writeFileSync(config, JSON.stringify({ profiles }), { mode: 0o600 });
	chmodSync(config, 0o600);
	return home;
}

/** CPU seconds so far of a program in a terminal and every child it has reaped. */
function cpuOf(term: PtyTerminal): number {
	const cpu = readCpu(term.pid);
	return cpu.self + cpu.children;
}

/** What the idle window measured. */
interface IdleResult {
	readonly windowMs: number;
	readonly cpuSeconds: number;
	readonly peerCpuSeconds: number;
	/** Per server: requests umwatch made and list polls it started in the window. */
	readonly perServer: readonly { readonly requests: number; readonly polls: number }[];
}

/**
 * umwatch watching the five servers (profiles, default interval) and five
 * `watch -n 2 curl | jq` pipelines, one per server, at once over the same
 * window; nothing changes on the servers. Each pipeline has its own
 * simulators, so the request counts are umwatch's alone.
 */
async function idleWindow(windowMs: number): Promise<IdleResult> {
	const history = { history: JOBS_PER_SERVER - 1 };
	const ours = await Promise.all(SERVERS.map(() => startQuietSimulator(history)));
	const theirs = await Promise.all(SERVERS.map(() => startQuietSimulator(history)));
	const home = configHome(ours);
	const umwatch = openPtyTerminal({
		command: process.execPath,
		args: [binaryPath, ...SERVERS],
		cols: 100,
		rows: 30,
		cwd: repoRoot,
		env: { XDG_CONFIG_HOME: home },
	});
	const peers = theirs.map((sim) => startWatchPipeline(sim.url, { cols: 80, rows: 24 }));
	try {
		await Promise.all(
			[umwatch, ...peers].map((term) => term.waitForText(MARKER_NAME, { timeoutMs: 30_000 })),
		);
		await sleep(SETTLE_MS);
		// A zero-latency "fault" on page-1 requests changes nothing but counts the polls
		// (umwatch asks page 1 in order, its by-key refreshes do not).
		for (const sim of ours) {
			sim.injectFault(
				{ kind: 'latency', ms: 0 },
				{ count: Number.POSITIVE_INFINITY, path: /order_by=/ },
			);
			sim.resetStats();
		}
		const startCpu = cpuOf(umwatch);
		const startPeer = peers.reduce((sum, term) => sum + cpuOf(term), 0);
		const started = performance.now();
		await sleep(windowMs);
		const cpuSeconds = cpuOf(umwatch) - startCpu;
		const peerCpuSeconds = peers.reduce((sum, term) => sum + cpuOf(term), 0) - startPeer;
		const elapsed = performance.now() - started;
		const perServer = ours.map((sim) => ({
			requests: sim.stats.requests,
			polls: sim.stats.faults,
		}));
		return { windowMs: elapsed, cpuSeconds, peerCpuSeconds, perServer };
	} finally {
		await Promise.all([umwatch, ...peers].map((term) => stopTerminal(term)));
		await Promise.all([...ours, ...theirs].map((sim) => sim.close()));
		rmSync(home, { recursive: true, force: true });
	}
}

/** Runs the several-servers measurements. */
export async function measureFleet(
	options: BenchOptions,
	log: (line: string) => void,
): Promise<Figure[]> {
	// Twice the scale section's frames: a p95 of few samples is mostly the machine's noise.
	const iterations = options.quick ? 40 : 120;
	log(`fleet: frame time, ${SERVERS.length} servers × 1,000 jobs against 1 server × 1,000`);
	const frames = await fleetFrames(iterations);
	const windowMs = options.quick ? 15_000 : 60_000;
	log(
		`fleet: idle CPU and requests, umwatch over ${SERVERS.length} servers and ${SERVERS.length} watch pipelines, ${windowMs / 1000} s window`,
	);
	const idle = await idleWindow(windowMs);
	const cpu = perMinute(idle.cpuSeconds, idle.windowMs);
	const peerCpu = perMinute(idle.peerCpuSeconds, idle.windowMs);
	const perPoll = idle.perServer.map((server) => server.requests / Math.max(1, server.polls));
	const worst = Math.max(...perPoll);
	return [
		...frames,
		{
			id: 'fleet.cpu.idle',
			label: `CPU s/min, ${SERVERS.length} servers × 1,000 jobs, nothing changing`,
			value: cpu,
			unit: 's/min',
			peer: peerCpu,
			budget: ratioBudget(cpu, peerCpu, 0.5, `${SERVERS.length} × watch`),
			detail: {
				cpuSeconds: idle.cpuSeconds,
				peerCpuSeconds: idle.peerCpuSeconds,
				windowMs: idle.windowMs,
			},
		},
		{
			id: 'fleet.perPoll',
			label: 'requests per poll per server, most of the 5',
			value: worst,
			unit: 'req',
			budget: limitBudget(worst, 2, '≤ 2'),
			detail: { perServer: idle.perServer, perPoll },
		},
	];
}
