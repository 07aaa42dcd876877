// Scale: frame time, merge time and memory as the number of jobs held grows.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Job } from '../../source/api/job.js';
import { JobStore } from '../../source/engine/job-store.js';
import { SnapshotPublisher } from '../../source/engine/snapshot-publisher.js';
import { systemClock } from '../../source/time/clock.js';
import { type Figure, limitBudget, ratioBudget } from '../lib/figures.js';
import { changedJob, makeJobs, parse, rawJob } from '../lib/jobs.js';
import type { BenchOptions } from '../lib/options.js';
import { percentile } from '../lib/stats.js';
import { timeRenders, timeSortedRenders } from './render-scale.js';

const SIZES = [100, 1_000, 10_000, 100_000];
const MEMORY_SIZES = [10_000, 100_000];

/**
 * Merge time per poll in steady state: the engine's store holds `count` jobs;
 * each poll brings page 1 (20 fresh copies, one of them changed) and the
 * snapshot is published. Times the merge plus the publish.
 */
function timeMerges(count: number, iterations: number) {
	const newest = Date.now() - 60_000;
	const store = new JobStore(count);
	store.merge(makeJobs(count, newest));
	const publisher = new SnapshotPublisher(store, systemClock, 2000);
	publisher.subscribe(() => {});
	const samples: number[] = [];
	for (let i = 0; i < iterations + 5; i++) {
		const page: Job[] = [];
		for (let j = 0; j < 20; j++) {
			page.push(j === 2 ? changedJob(2, newest, i % 2 === 0) : parse(rawJob(j, newest)));
		}
		const started = performance.now();
		store.merge(page);
		publisher.publish();
		if (i >= 5) samples.push(performance.now() - started);
	}
	return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples };
}

const execFileAsync = promisify(execFile);

/** Resident memory with `count` jobs held, from a child process of its own. */
async function memoryAt(count: number) {
	const child = join(fileURLToPath(new URL('.', import.meta.url)), 'memory-child.mjs');
	const { stdout } = await execFileAsync(process.execPath, ['--expose-gc', child, String(count)], {
		maxBuffer: 1 << 20,
	});
	return JSON.parse(stdout) as {
		count: number;
		held: number;
		rss: number;
		heapUsed: number;
		baselineRss: number;
		heapPerJob: number;
		rssPerJob: number;
	};
}

/** Runs the scale measurements. */
export async function measureScale(
	options: BenchOptions,
	log: (line: string) => void,
): Promise<Figure[]> {
	const iterations = options.quick ? 20 : 60;
	const figures: Figure[] = [];
	log(`scale: frame time with ${SIZES.map((n) => n.toLocaleString('en')).join(', ')} jobs held`);
	const renders = await timeRenders(SIZES, iterations);
	const base = renders[0];
	for (const r of renders) {
		const budget =
			r.jobs === 100_000 && base !== undefined
				? ratioBudget(r.p95, base.p95, 1.2, 'p95 at 100 jobs')
				: undefined;
		figures.push({
			id: `frame.${r.jobs}`,
			label: `frame time p50 / p95, ${r.jobs.toLocaleString('en')} jobs`,
			value: r.p95,
			unit: 'ms p95',
			reference: { label: 'p50', value: r.p50 },
			...(budget === undefined ? {} : { budget }),
			detail: { p50: r.p50, p95: r.p95, samples: r.samples },
		});
	}
	log('scale: frame time with 10,000 jobs held, sorted by state against unsorted');
	const sorted = await timeSortedRenders(10_000, iterations);
	figures.push({
		id: 'frame.10000.byState',
		label: 'frame time p50 / p95, 10,000 jobs sorted by state',
		value: sorted.byState.p95,
		unit: 'ms p95',
		reference: { label: 'unsorted p95', value: sorted.unsorted.p95 },
		// Issue 13's bar.
		budget: ratioBudget(sorted.byState.p95, sorted.unsorted.p95, 1.5, 'p95 unsorted'),
		detail: { unsorted: sorted.unsorted, byState: sorted.byState },
	});
	for (const count of SIZES) {
		log(`scale: merge time with ${count.toLocaleString('en')} jobs held`);
		const m = timeMerges(count, iterations);
		figures.push({
			id: `merge.${count}`,
			label: `merge per poll p50 / p95, ${count.toLocaleString('en')} jobs`,
			value: m.p95,
			unit: 'ms p95',
			reference: { label: 'p50', value: m.p50 },
			detail: { p50: m.p50, p95: m.p95, samples: m.samples },
		});
	}
	for (const count of MEMORY_SIZES) {
		log(`scale: resident memory with ${count.toLocaleString('en')} jobs held (child process)`);
		const m = await memoryAt(count);
		const mb = m.rss / (1024 * 1024);
		figures.push({
			id: `memory.${count}`,
			label: `resident memory, ${count.toLocaleString('en')} jobs held`,
			value: mb,
			unit: 'MB',
			reference: { label: 'before loading', value: m.baselineRss / (1024 * 1024) },
			// Issue 14's budget (the first round's was < 250 MB).
			...(count === 100_000 ? { budget: limitBudget(mb, 160, '≤ 160 MB') } : {}),
			detail: m,
		});
		figures.push({
			id: `memory.perJob.${count}`,
			label: `heap per job held, ${count.toLocaleString('en')} jobs`,
			value: m.heapPerJob,
			unit: 'B',
			reference: { label: 'resident per job', value: m.rssPerJob },
		});
	}
	return figures;
}
