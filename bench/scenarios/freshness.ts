// Freshness: from the simulator changing a job to the change on screen.
import type { Simulator } from '../../source/simulator/index.js';
import type { PtyTerminal } from '../../test/helpers/pty-terminal.js';
import { sleep, startUmwatch, stopTerminal } from '../lib/apps.js';
import { type Figure, limitBudget } from '../lib/figures.js';
import type { BenchOptions } from '../lib/options.js';
import { median } from '../lib/stats.js';
import { MARKER_NAME, startQuietSimulator } from '../lib/world.js';

/** umwatch's default poll interval (ms): the list budget is one interval plus 150 ms. */
const INTERVAL_MS = 2000;

function addFresh(sim: Simulator, name: string): string {
	return sim.addJob({
		name,
		type: 'Provisioning',
		state: 'running',
		auto: false,
		submitTime: Date.now(),
	}).key;
}

/** Finishes the job and times how long until `pattern` is on the screen. */
async function timeChange(
	sim: Simulator,
	term: PtyTerminal,
	key: string,
	pattern: RegExp,
): Promise<number> {
	const started = performance.now();
	sim.finishJob(key, 'normal');
	await term.waitFor(() => term.screenText().some((line) => pattern.test(line)), {
		timeoutMs: 20_000,
		what: `${pattern}`,
	});
	return performance.now() - started;
}

/**
 * The list (plain polling): one umwatch runs; each sample adds a running job,
 * waits until it is listed, waits a random part of an interval (so the change
 * lands anywhere in the poll cycle), finishes it and times the new state on screen.
 */
async function listSamples(count: number): Promise<number[]> {
	const sim = await startQuietSimulator({ autoAdvance: true });
	const term = startUmwatch(sim.url, { cols: 80, rows: 24 });
	const samples: number[] = [];
	try {
		await term.waitForText(MARKER_NAME, { timeoutMs: 30_000 });
		for (let i = 1; i <= count; i++) {
			const name = `Fresh list job ${i}`;
			const key = addFresh(sim, name);
			await term.waitForText(new RegExp(`RUNNING\\s+${name}\\b`), { timeoutMs: 20_000 });
			await sleep(((i * 0.618) % 1) * INTERVAL_MS);
			samples.push(await timeChange(sim, term, key, new RegExp(`NORMAL\\s+${name}\\b`)));
		}
	} finally {
		await stopTerminal(term);
		await sim.close();
	}
	return samples;
}

/**
 * The detail view (long polling): each sample starts umwatch on a server whose
 * newest job is running, opens it with Enter, waits until the server holds the
 * long poll, then finishes the job and times the State line changing.
 */
async function detailSamples(count: number): Promise<number[]> {
	const sim = await startQuietSimulator({ autoAdvance: true });
	const samples: number[] = [];
	try {
		for (let i = 1; i <= count; i++) {
			const name = `Fresh detail job ${i}`;
			const key = addFresh(sim, name);
			const term = startUmwatch(sim.url, { cols: 80, rows: 24 });
			try {
				await term.waitForText(new RegExp(`RUNNING\\s+${name}\\b`), { timeoutMs: 30_000 });
				term.write('\r');
				await term.waitForText(/^\s*State\s+\S+\s+RUNNING/, { timeoutMs: 20_000 });
				const deadline = Date.now() + 20_000;
				while (sim.stats.longPollsHeld === 0) {
					if (Date.now() > deadline) throw new Error('freshness: no long poll was held');
					await sleep(20);
				}
				await sleep(200 + ((i * 0.618) % 1) * 500);
				samples.push(await timeChange(sim, term, key, /^\s*State\s+\S+\s+NORMAL/));
			} finally {
				await stopTerminal(term);
			}
		}
	} finally {
		await sim.close();
	}
	return samples;
}

/** Runs both freshness measurements. */
export async function measureFreshness(
	options: BenchOptions,
	log: (line: string) => void,
): Promise<Figure[]> {
	const count = options.quick ? 3 : 7;
	log(`freshness: ${count} changes in the detail view (long polling)`);
	const detail = await detailSamples(count);
	log(`freshness: ${count} changes in the list (polling every ${INTERVAL_MS / 1000} s)`);
	const list = await listSamples(count);
	const detailMedian = median(detail);
	const listMedian = median(list);
	return [
		{
			id: 'freshness.detail',
			label: 'change to screen, detail view (long poll)',
			value: detailMedian,
			unit: 'ms',
			budget: limitBudget(detailMedian, 150, '< 150 ms', true),
			detail: { samples: detail },
		},
		{
			id: 'freshness.list',
			label: 'change to screen, list (2 s polling)',
			value: listMedian,
			unit: 'ms',
			budget: limitBudget(listMedian, INTERVAL_MS + 150, '< 2150 ms', true),
			detail: { samples: list },
		},
	];
}
