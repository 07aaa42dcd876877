// Terminal bytes and CPU: umwatch against `watch curl | jq`, side by side, in
// pseudo-terminals, over the same quiet simulated server.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Simulator } from '../../source/simulator/index.js';
import type { PtyTerminal } from '../../test/helpers/pty-terminal.js';
import {
	SIZES,
	sizeLabel,
	sleep,
	startTool,
	stopTerminal,
	type TermSize,
	type Tool,
} from '../lib/apps.js';
import { type Figure, limitBudget, ratioBudget } from '../lib/figures.js';
import type { BenchOptions } from '../lib/options.js';
import { readCpu } from '../lib/proc.js';
import { perMinute } from '../lib/stats.js';
import { addRunning, MARKER_NAME, startQuietSimulator } from '../lib/world.js';

/** The three scenarios of the issue. */
export type Scenario = 'a' | 'b' | 'c';

const SCENARIO_TEXT: Readonly<Record<Scenario, string>> = {
	a: 'nothing changing',
	b: 'one job changes state once',
	c: 'five jobs running',
};

/**
 * Ages of the five running jobs of scenario (c) when the program starts: all
 * started in the last 25 s, with different sub-second phases, so every
 * duration ticks each second for most of the minute, as a batch of jobs
 * just submitted does. The worst steady case for a live table.
 */
const RUNNING_AGES_MS = [1_300, 4_700, 9_100, 15_500, 21_900];

/** The job that changes in scenario (b): running for 20 minutes, so it ticks only by the minute. */
const CHANGING_AGE_MS = 20 * 60_000;

/** Time after the first frame with jobs before the window opens (startup drawing is not counted). */
const SETTLE_MS = 500;

/** What one tool did over one window. */
export interface WindowResult {
	readonly tool: Tool;
	readonly scenario: Scenario;
	readonly size: TermSize;
	readonly windowMs: number;
	readonly bytes: number;
	readonly cpuSeconds: number;
	/** Scenario (b): bytes from the change until a second after it was on screen. */
	readonly changeBytes: number | null;
	/** Scenario (b): ms from the change on the server to the change on screen. */
	readonly changeVisibleMs: number | null;
}

/** The pattern that says the changed job shows its new state. */
function changedPattern(tool: Tool): RegExp {
	return tool === 'umwatch' ? /NORMAL\s+Bench job 1\b/ : /completed\s+Bench job 1\b/;
}

/** CPU seconds of the program so far: itself plus every child it has reaped (sh, curl, jq). */
function cpuOf(term: PtyTerminal): number {
	const cpu = readCpu(term.pid);
	return cpu.self + cpu.children;
}

async function prepare(scenario: Scenario): Promise<{ sim: Simulator; changing: string | null }> {
	const sim = await startQuietSimulator();
	if (scenario === 'b') {
		const [key] = addRunning(sim, [CHANGING_AGE_MS]);
		return { sim, changing: key ?? null };
	}
	if (scenario === 'c') addRunning(sim, RUNNING_AGES_MS);
	return { sim, changing: null };
}

/** Runs one tool at one size through one scenario window. */
async function runWindow(
	tool: Tool,
	scenario: Scenario,
	size: TermSize,
	windowMs: number,
	options: BenchOptions,
): Promise<WindowResult> {
	const { sim, changing } = await prepare(scenario);
	const term = startTool(tool, sim.url, size);
	try {
		await term.waitForText(MARKER_NAME, { timeoutMs: 30_000 });
		await sleep(SETTLE_MS);
		const startBytes = term.bytesWritten;
		const startCpu = cpuOf(term);
		const startedAt = performance.now();
		let changeBytes: number | null = null;
		let changeVisibleMs: number | null = null;
		if (changing !== null) {
			await sleep(windowMs / 6);
			const before = term.bytesWritten;
			const changedAt = performance.now();
			sim.finishJob(changing, 'normal');
			const pattern = changedPattern(tool);
			await term.waitFor(() => term.screenText().some((line) => pattern.test(line)), {
				timeoutMs: 20_000,
				what: 'the changed job',
			});
			changeVisibleMs = performance.now() - changedAt;
			await sleep(1000);
			changeBytes = term.bytesWritten - before;
		}
		await sleep(Math.max(0, windowMs - (performance.now() - startedAt)));
		const bytes = term.bytesWritten - startBytes;
		const cpuSeconds = cpuOf(term) - startCpu;
		const elapsed = performance.now() - startedAt;
		mkdirSync(options.dumpDir, { recursive: true });
		writeFileSync(
			join(options.dumpDir, `${tool}-${scenario}-${sizeLabel(size)}.bin`),
			term.rawBytes().subarray(startBytes, startBytes + bytes),
		);
		return {
			tool,
			scenario,
			size,
			windowMs: elapsed,
			bytes,
			cpuSeconds,
			changeBytes,
			changeVisibleMs,
		};
	} finally {
		await stopTerminal(term);
		await sim.close();
	}
}

/**
 * Runs every scenario: within a scenario both tools at both sizes at once (each
 * with its own simulator), so the four windows share the same minute of the
 * machine's life and the ratios compare like with like.
 */
export async function measureTerminal(
	options: BenchOptions,
	log: (line: string) => void,
): Promise<{ figures: Figure[]; windows: WindowResult[] }> {
	const windowMs = options.quick ? 15_000 : 60_000;
	const windows: WindowResult[] = [];
	for (const scenario of ['a', 'b', 'c'] as const) {
		log(`terminal: scenario (${scenario}) ${SCENARIO_TEXT[scenario]}, ${windowMs / 1000} s window`);
		const runs = SIZES.flatMap((size) =>
			(['umwatch', 'watch'] as const).map((tool) =>
				runWindow(tool, scenario, size, windowMs, options),
			),
		);
		windows.push(...(await Promise.all(runs)));
	}
	return { figures: terminalFigures(windows), windows };
}

function find(windows: readonly WindowResult[], tool: Tool, scenario: Scenario, size: TermSize) {
	const found = windows.find(
		(w) => w.tool === tool && w.scenario === scenario && w.size.cols === size.cols,
	);
	if (found === undefined) throw new Error(`no window for ${tool} ${scenario} ${sizeLabel(size)}`);
	return found;
}

/** Turns the windows into figures with the budgets. */
export function terminalFigures(windows: readonly WindowResult[]): Figure[] {
	const figures: Figure[] = [];
	for (const size of SIZES) {
		const label = sizeLabel(size);
		const small = size.cols === 80;
		for (const scenario of ['a', 'b', 'c'] as const) {
			const ours = find(windows, 'umwatch', scenario, size);
			const peer = find(windows, 'watch', scenario, size);
			const value = perMinute(ours.bytes, ours.windowMs);
			const peerValue = perMinute(peer.bytes, peer.windowMs);
			const budget =
				scenario === 'a'
					? ratioBudget(value, peerValue, 1.0, 'watch')
					: scenario === 'c' && small
						? limitBudget(value, 10 * 1024, '≤ 10 KB/min')
						: undefined;
			figures.push({
				id: `bytes.${scenario}.${label}`,
				label: `bytes/min, (${scenario}) ${SCENARIO_TEXT[scenario]}, ${label}`,
				value,
				unit: 'B/min',
				peer: peerValue,
				...(budget === undefined ? {} : { budget }),
				detail: { bytes: ours.bytes, peerBytes: peer.bytes, windowMs: ours.windowMs },
			});
			if (scenario === 'b') {
				const change = ours.changeBytes ?? Number.NaN;
				figures.push({
					id: `bytes.change.${label}`,
					label: `bytes for the one change (b), ${label}`,
					value: change,
					unit: 'B',
					peer: peer.changeBytes ?? Number.NaN,
					budget: limitBudget(change, 1024, '≤ 1 KB'),
					detail: {
						visibleMs: ours.changeVisibleMs,
						peerVisibleMs: peer.changeVisibleMs,
					},
				});
			}
		}
		for (const scenario of ['a', 'c'] as const) {
			const ours = find(windows, 'umwatch', scenario, size);
			const peer = find(windows, 'watch', scenario, size);
			const value = perMinute(ours.cpuSeconds, ours.windowMs);
			const peerValue = perMinute(peer.cpuSeconds, peer.windowMs);
			figures.push({
				id: `cpu.${scenario}.${label}`,
				label: `CPU s/min, (${scenario}) ${SCENARIO_TEXT[scenario]}, ${label}`,
				value,
				unit: 's/min',
				peer: peerValue,
				budget: ratioBudget(value, peerValue, 0.5, 'watch'),
				detail: { cpuSeconds: ours.cpuSeconds, peerCpuSeconds: peer.cpuSeconds },
			});
		}
	}
	return figures;
}
