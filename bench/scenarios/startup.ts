// Startup: from exec to the first frame that shows jobs, beside bare `node -e 0`,
// and where umwatch's own part of that time (the fixed part) goes.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StartupMark } from '../../source/commands/startup-trace.js';
import { sleep, startUmwatch, stopTerminal } from '../lib/apps.js';
import type { Figure } from '../lib/figures.js';
import { limitBudget, ratioBudget } from '../lib/figures.js';
import type { BenchOptions } from '../lib/options.js';
import { median } from '../lib/stats.js';
import { MARKER_NAME, startQuietSimulator } from '../lib/world.js';

/** Issue 14's budgets: both must hold, on a fast machine and on a slow one. */
const RATIO_BUDGET = 3.0;
const FIXED_BUDGET_MS = 150;

/** Wall time of `node -e 0`, exec to exit, in ms. */
function bareNode(): Promise<number> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
		child.on('error', reject);
		child.on('exit', () => resolve(performance.now() - started));
	});
}

/** One start of umwatch: wall ms to the first frame with jobs, and its trace. */
interface Start {
	readonly ms: number;
	/** Each traced phase's end, in ms after exec (on this process's clock). */
	readonly phases: Readonly<Record<string, number>>;
	/** CPU ms umwatch had used at each traced phase's end. */
	readonly cpu: Readonly<Record<string, number>>;
}

/** Wall-clock ms since the epoch, on the same footing as the trace's `epochMs`. */
function epochNow(): number {
	return performance.timeOrigin + performance.now();
}

/**
 * Starts umwatch in a pseudo-terminal (it needs one) against the simulator,
 * with the start-up trace on (UMWATCH_STARTUP_TRACE, a file nobody else
 * sees); the clock stops when the first job name is on the screen.
 */
async function startOnce(url: string, traceFile: string): Promise<Start> {
	rmSync(traceFile, { force: true });
	const started = performance.now();
	const startedEpoch = epochNow();
	const term = startUmwatch(url, { cols: 80, rows: 24 }, [], { UMWATCH_STARTUP_TRACE: traceFile });
	let ms: number;
	try {
		await term.waitForText(MARKER_NAME, { timeoutMs: 30_000 });
		ms = performance.now() - started;
	} finally {
		await stopTerminal(term);
	}
	const phases: Record<string, number> = {};
	const cpu: Record<string, number> = {};
	// A build from before the trace (UMWATCH_BENCH_BINARY) writes none: no phases then.
	const trace = existsSync(traceFile) ? readFileSync(traceFile, 'utf8').trim() : '';
	for (const line of trace === '' ? [] : trace.split('\n')) {
		const mark = JSON.parse(line) as StartupMark;
		phases[mark.mark] ??= mark.epochMs - startedEpoch;
		cpu[mark.mark] ??= mark.cpuMs;
	}
	return { ms, phases, cpu };
}

/**
 * The phases of the start in order, each as the median of its own duration
 * (from the previous mark) over the runs, in ms: `launch` is Node's own
 * start-up plus loading the entry; `main` the command line's modules and
 * argv; `config`, `connected` (password, client); `polling` (the engine and
 * the watch chunk); `first-answer` the first request, while Ink, React and
 * Yoga load beside it; `ui-start` the rest of that load; `first-frame` the
 * first render, up to the frame on the screen.
 */
function phaseBreakdown(starts: readonly Start[]): Record<string, number> {
	const order = ['launch', 'main', 'config', 'connected', 'polling', 'first-answer', 'ui-start'];
	const breakdown: Record<string, number> = {};
	let previous: (start: Start) => number = () => 0;
	for (const name of order) {
		const before = previous;
		breakdown[name] = median(
			starts.map((start) => (start.phases[name] ?? Number.NaN) - before(start)),
		);
		previous = (start) => start.phases[name] ?? Number.NaN;
	}
	breakdown['first-frame'] = median(starts.map((start) => start.ms - previous(start)));
	return breakdown;
}

/**
 * Runs both, alternating (umwatch, node -e 0, umwatch, …), so a slow moment of
 * the machine hits both alike. The fixed part is the median of each pair's
 * difference: what umwatch adds to Node's own start, on this machine.
 */
export async function measureStartup(
	options: BenchOptions,
	log: (line: string) => void,
): Promise<Figure[]> {
	const runs = options.quick ? 5 : 11;
	log(`startup: ${runs} runs each of umwatch and node -e 0, interleaved`);
	const sim = await startQuietSimulator();
	const traceDir = mkdtempSync(join(tmpdir(), 'umwatch-bench-trace-'));
	const traceFile = join(traceDir, 'trace.ndjson');
	const starts: Start[] = [];
	const bare: number[] = [];
	try {
		// One unmeasured run of each warms the file cache, as any second start would be.
		await bareNode();
		await startOnce(sim.url, traceFile);
		for (let i = 0; i < runs; i++) {
			starts.push(await startOnce(sim.url, traceFile));
			bare.push(await bareNode());
			await sleep(100);
		}
	} finally {
		await sim.close();
		rmSync(traceDir, { recursive: true, force: true });
	}
	const ours = starts.map((start) => start.ms);
	const value = median(ours);
	const reference = median(bare);
	const fixed = median(ours.map((ms, i) => ms - (bare[i] ?? Number.NaN)));
	const breakdown = phaseBreakdown(starts);
	log(
		`startup: fixed part ${Math.round(fixed)} ms; phases (ms): ${Object.entries(breakdown)
			.map(([name, ms]) => `${name} ${Math.round(ms)}`)
			.join(', ')}`,
	);
	return [
		{
			id: 'startup',
			label: 'startup to first frame with jobs',
			value,
			unit: 'ms',
			reference: { label: 'node -e 0', value: reference },
			budget: ratioBudget(value, reference, RATIO_BUDGET, 'node -e 0'),
			detail: { samples: ours, bareSamples: bare, ratio: value / reference },
		},
		{
			id: 'startup.fixed',
			label: 'startup, fixed part (umwatch − node -e 0)',
			value: fixed,
			unit: 'ms',
			budget: limitBudget(fixed, FIXED_BUDGET_MS, `≤ ${FIXED_BUDGET_MS} ms`),
			detail: {
				phasesMs: breakdown,
				phaseEndsMs: starts.map((start) => start.phases),
				// CPU time is steadier than wall time on a busy machine.
				phaseEndsCpuMs: starts.map((start) => start.cpu),
			},
		},
	];
}
