// Server load: what umwatch asks of the server at the default interval, with
// 1,000 jobs on the server, 0, 50 or 500 of them in progress; the peer beside it.
import type { Simulator } from '../../source/simulator/index.js';
import { sleep, startTool, stopTerminal, type Tool } from '../lib/apps.js';
import { type Figure, limitBudget, ratioBudget } from '../lib/figures.js';
import type { BenchOptions } from '../lib/options.js';
import { perMinute } from '../lib/stats.js';
import { addRunning, MARKER_NAME, startQuietSimulator } from '../lib/world.js';

const INTERVAL_MS = 2000;
const HISTORY = 1000;
/** Jobs in progress in each run: none, the 50, and half the server. */
const ACTIVE = [0, 50, 500] as const;

interface LoadResult {
	readonly tool: Tool;
	readonly active: number;
	readonly requests: number;
	/** List polls started (requests for page 1, which ask for an order); the peer's are all requests. */
	readonly polls: number;
	readonly bytes: number;
	readonly windowMs: number;
	readonly byPath: Record<string, number>;
}

/** Resolves half a second after the next page-1 request (counted as a fault) arrives. */
async function afterNextPoll(sim: Simulator): Promise<void> {
	const before = sim.stats.faults;
	const deadline = Date.now() + 10_000;
	while (sim.stats.faults === before) {
		if (Date.now() > deadline) throw new Error('load: umwatch stopped polling');
		await sleep(20);
	}
	await sleep(500);
}

async function runLoad(tool: Tool, active: number, windowMs: number): Promise<LoadResult> {
	// The marker makes 1,001 finished jobs; those in progress were submitted a minute
	// apart (50: over the last 50 minutes, all past the two minutes of every-poll reads
	// but the newest two; 500: over the last 8 hours).
	const sim = await startQuietSimulator({ history: HISTORY - 1 });
	addRunning(
		sim,
		Array.from({ length: active }, (_, i) => 30_000 + i * 60_000),
		'Load job',
	);
	const term = startTool(tool, sim.url, { cols: 80, rows: 24 });
	try {
		await term.waitForText(MARKER_NAME, { timeoutMs: 30_000 });
		// Let the first load and the version request pass: steady state only.
		await sleep(INTERVAL_MS * 1.5);
		// A zero-latency "fault" on page-1 requests changes nothing but counts them:
		// umwatch asks page 1 in order (order_by), its by-key refreshes do not.
		sim.injectFault(
			{ kind: 'latency', ms: 0 },
			{ count: Number.POSITIVE_INFINITY, path: /order_by=/ },
		);
		// The window holds whole polls only: it opens and closes half a second
		// after a page-1 request, when that poll's refreshes are done.
		if (tool === 'umwatch') await afterNextPoll(sim);
		sim.resetStats();
		const started = performance.now();
		await sleep(tool === 'umwatch' ? windowMs - 1000 : windowMs);
		if (tool === 'umwatch') await afterNextPoll(sim);
		const elapsed = performance.now() - started;
		const stats = sim.stats;
		return {
			tool,
			active,
			requests: stats.requests,
			polls: tool === 'umwatch' ? stats.faults : stats.requests,
			bytes: stats.bytesSent,
			windowMs: elapsed,
			byPath: Object.fromEntries(stats.byPath),
		};
	} finally {
		await stopTerminal(term);
		await sim.close();
	}
}

/** Runs umwatch and the peer, with 0, 50 and 500 jobs in progress, all six at once. */
export async function measureLoad(
	options: BenchOptions,
	log: (line: string) => void,
): Promise<Figure[]> {
	const windowMs = options.quick ? 15_000 : 60_000;
	log(`load: 1,000 jobs, ${ACTIVE.join(', ')} in progress, ${windowMs / 1000} s window`);
	const results = await Promise.all(
		ACTIVE.flatMap((active) =>
			(['umwatch', 'watch'] as const).map((tool) => runLoad(tool, active, windowMs)),
		),
	);
	const figures: Figure[] = [];
	for (const active of ACTIVE) {
		const ours = results.find((r) => r.tool === 'umwatch' && r.active === active);
		const peer = results.find((r) => r.tool === 'watch' && r.active === active);
		if (ours === undefined || peer === undefined) throw new Error('load: a run is missing');
		const requests = perMinute(ours.requests, ours.windowMs);
		const perPoll = ours.requests / Math.max(1, ours.polls);
		const bytes = perMinute(ours.bytes, ours.windowMs);
		const peerBytes = perMinute(peer.bytes, peer.windowMs);
		figures.push(
			{
				id: `load.requests.${active}`,
				label: `requests/min, ${active} of 1,000 in progress`,
				value: requests,
				unit: 'req/min',
				peer: perMinute(peer.requests, peer.windowMs),
				detail: {
					byPath: ours.byPath,
					peerByPath: peer.byPath,
					polls: ours.polls,
					windowMs: ours.windowMs,
				},
			},
			{
				id: `load.perPoll.${active}`,
				label: `requests per poll, ${active} of 1,000 in progress`,
				value: perPoll,
				unit: 'req',
				budget: limitBudget(perPoll, 2, '≤ 2'),
			},
			{
				id: `load.bytes.${active}`,
				label: `bytes downloaded/min, ${active} of 1,000 in progress`,
				value: bytes,
				unit: 'B/min',
				peer: peerBytes,
				// Issue 14: with 50 in progress, no more than the peer (which never sees them change).
				...(active === 50 ? { budget: ratioBudget(bytes, peerBytes, 1, 'watch') } : {}),
				detail: { bytesPerPoll: ours.bytes / Math.max(1, ours.polls), ratio: bytes / peerBytes },
			},
		);
	}
	return figures;
}
