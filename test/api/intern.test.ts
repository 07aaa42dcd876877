import { randomUUID } from 'node:crypto';
import { getHeapSnapshot, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { POOL_MAX_RAW, StringPool } from '../../source/api/intern.js';
import type { Job } from '../../source/api/job.js';
import { parseJobsPage } from '../../source/api/parse.js';

/** How many strings on the heap read exactly `text` (a heap snapshot, taken after a full GC). */
async function copiesOnHeap(texts: readonly string[]): Promise<number[]> {
	let json = '';
	for await (const chunk of getHeapSnapshot()) json += chunk;
	const snapshot = JSON.parse(json) as {
		snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
		nodes: number[];
		strings: string[];
	};
	const {
		node_fields: fields,
		node_types: [types],
	} = snapshot.snapshot.meta;
	const typeAt = fields.indexOf('type');
	const nameAt = fields.indexOf('name');
	const counts = texts.map(() => 0);
	for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
		if (!types[snapshot.nodes[i + typeAt] as number]?.includes('string')) continue;
		const found = texts.indexOf(snapshot.strings[snapshot.nodes[i + nameAt] as number] as string);
		if (found >= 0) counts[found] = (counts[found] as number) + 1;
	}
	return counts;
}

/** 1,000 jobs from one page as the server sends it (JSON text: each record its own strings). */
function parseThousand(type: string, taskType: string, resultName: string): readonly Job[] {
	const records = Array.from({ length: 1000 }, (_, i) => ({
		key: `k${i}`,
		type,
		state: 'completed',
		status: 'normal',
		task_reports: [{ key: `k${i}:t1`, type: taskType }],
		job_results: [{ name: resultName, value: `v${i}` }],
	}));
	return parseJobsPage(JSON.parse(JSON.stringify({ records })), 'https://um.example.test/api').jobs;
}

describe('shared strings', () => {
	it('1,000 parsed jobs of one type hold one string for the type, the task type and the result name', async () => {
		// Unique texts, so nothing else on the heap reads the same; Japanese, as types often are.
		const tag = randomUUID();
		const texts = [`種別 ${tag}`, `タスク ${tag}`, `結果 ${tag}`] as const;
		const jobs = parseThousand(...texts);
		expect(jobs).toHaveLength(1000);
		expect(jobs.every((job) => job.type === texts[0])).toBe(true);
		const counts = await copiesOnHeap(texts);
		// One held by the jobs, and at most the test's own `texts`: without sharing, 1,000 more.
		for (const count of counts) expect(count).toBeLessThanOrEqual(2);
		expect(jobs[999]?.taskReports[0]?.type).toBe(texts[1]);
	}, 30_000);

	it('shares the empty lists of jobs without tasks, results or extra fields', () => {
		const page = parseJobsPage(
			{ records: [{ key: 'a' }, { key: 'b', task_reports: [] }] },
			'https://um.example.test/api',
		);
		const [a, b] = page.jobs;
		expect(a?.taskReports).toBe(b?.taskReports);
		expect(a?.jobResults).toBe(a?.extra);
		expect(Object.isFrozen(a?.taskReports)).toBe(true);
	});
});

/** A full garbage collection (the flag set at run time, so no test needs a node option). */
function collectGarbage(): void {
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc') as () => void;
	gc();
	gc();
}

describe('what a held job costs', () => {
	it('a finished job with one task and one result takes under 1,000 bytes of heap', () => {
		// Like the bench's jobs (bench/lib/jobs.ts); before the compact record, ~1,640 bytes.
		const page = (from: number) =>
			JSON.parse(
				JSON.stringify({
					records: Array.from({ length: 1000 }, (_, n) => {
						const i = from + n;
						const key = `06a6148bf9e862df:-2611856e:16e8d47e722:${i.toString(16)}`;
						return {
							key,
							name: `ボリュームの作成 ${i}`,
							type: ['Provisioning', 'Modify'][i % 2],
							state: 'completed',
							status: ['normal', 'error'][i % 2],
							submit_time: new Date(1.76e12 + i * 30_000).toISOString(),
							complete_time: new Date(1.76e12 + i * 30_000 + 20_000).toISOString(),
							task_reports: [{ key: `${key}:t1`, type: 'monitor_discover', state: 'completed' }],
							job_results: [{ name: 'volumeKey', value: `7d5a59b3-953a-4b1e:uuid=${i}` }],
							_links: { self: { href: `/api/management-server/jobs/${key}` } },
						};
					}),
				}),
			);
		const held: Job[] = [];
		collectGarbage();
		const before = process.memoryUsage().heapUsed;
		for (let from = 0; from < 5000; from += 1000) {
			held.push(...parseJobsPage(page(from), 'https://um.example.test/api').jobs);
		}
		collectGarbage();
		const perJob = (process.memoryUsage().heapUsed - before) / held.length;
		expect(held).toHaveLength(5000);
		expect(perJob).toBeLessThan(1000);
	});
});

describe('StringPool', () => {
	const upper = (raw: string) => raw.toUpperCase();

	it('makes each value once and hands out the same string after', () => {
		const pool = new StringPool(10);
		let made = 0;
		const make = (raw: string) => {
			made += 1;
			return upper(raw);
		};
		expect(pool.share('running', make)).toBe('RUNNING');
		expect(pool.share('running', make)).toBe('RUNNING');
		expect(made).toBe(1);
		expect(pool.size).toBe(1);
	});

	it('does not pool long values', () => {
		const pool = new StringPool(10);
		expect(pool.share('x'.repeat(POOL_MAX_RAW + 1), upper)).toBe('X'.repeat(POOL_MAX_RAW + 1));
		expect(pool.size).toBe(0);
	});

	it('stays within its capacity against values that never repeat', () => {
		const pool = new StringPool(16);
		for (let i = 0; i < 1000; i++) {
			expect(pool.share(`v${i}`, upper)).toBe(`V${i}`);
			expect(pool.size).toBeLessThanOrEqual(16);
		}
		expect(pool.share('v999', upper)).toBe('V999');
	});
});
