// Startup: from exec to the first frame that shows jobs, beside bare `node -e 0`.
import { spawn } from 'node:child_process';
import { sleep, startUmwatch, stopTerminal } from '../lib/apps.js';
import type { Figure } from '../lib/figures.js';
import { ratioBudget } from '../lib/figures.js';
import type { BenchOptions } from '../lib/options.js';
import { median } from '../lib/stats.js';
import { MARKER_NAME, startQuietSimulator } from '../lib/world.js';

/** Wall time of `node -e 0`, exec to exit, in ms. */
function bareNode(): Promise<number> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
		child.on('error', reject);
		child.on('exit', () => resolve(performance.now() - started));
	});
}

/**
 * Runs both, alternating, so a slow moment of the machine hits both alike.
 * umwatch runs in a pseudo-terminal (it needs one) against a running simulator;
 * the clock stops when the first job name is on the screen.
 */
export async function measureStartup(
	options: BenchOptions,
	log: (line: string) => void,
): Promise<Figure[]> {
	const runs = options.quick ? 3 : 7;
	log(`startup: ${runs} runs each of umwatch and node -e 0`);
	const sim = await startQuietSimulator();
	const ours: number[] = [];
	const bare: number[] = [];
	try {
		// One unmeasured run of each warms the file cache, as any second start would be.
		await bareNode();
		for (let i = 0; i <= runs; i++) {
			const started = performance.now();
			const term = startUmwatch(sim.url, { cols: 80, rows: 24 });
			try {
				await term.waitForText(MARKER_NAME, { timeoutMs: 30_000 });
				if (i > 0) ours.push(performance.now() - started);
			} finally {
				await stopTerminal(term);
			}
			if (i > 0) bare.push(await bareNode());
			await sleep(100);
		}
	} finally {
		await sim.close();
	}
	const value = median(ours);
	const reference = median(bare);
	return [
		{
			id: 'startup',
			label: 'startup to first frame with jobs',
			value,
			unit: 'ms',
			reference: { label: 'node -e 0', value: reference },
			budget: ratioBudget(value, reference, 4, 'node -e 0'),
			detail: { samples: ours, bareSamples: bare, ratio: value / reference },
		},
	];
}
