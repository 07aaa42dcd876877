import { describe, expect, it } from 'vitest';
import type { Job } from '../../source/api/job.js';
import type { JobsPage } from '../../source/api/types.js';
import { chunkKeys, MAX_KEY_FILTER_CHARS, reachesKnown } from '../../source/engine/poll-cycle.js';
import { parseRaw } from '../helpers/fake-client.js';

const T0 = Date.UTC(2026, 10, 20, 1, 0, 0);
const job = (key: string, ageSeconds: number): Job =>
	parseRaw({ key, state: 'running', submit_time: new Date(T0 - ageSeconds * 1000).toISOString() });
const page = (...jobs: Job[]): JobsPage => ({
	jobs,
	numRecords: jobs.length,
	totalRecords: null,
	nextHref: null,
	skipped: 0,
});

describe('reachesKnown', () => {
	const highWater = job('hw', 10);
	const held = new Map([[highWater.key, highWater]]);
	const store = { get: (key: string) => held.get(key), activeIds: new Set<string>() };

	it('is true at a held job at or below the high-water mark', () => {
		expect(reachesKnown(page(job('new', 1), job('hw', 10)), store, highWater)).toBe(true);
	});

	it('is false for a page of jobs newer than the mark, or in its very second', () => {
		expect(reachesKnown(page(job('new', 1), job('same-second', 10)), store, highWater)).toBe(false);
	});

	it('is true at any job submitted before the mark, held or not', () => {
		expect(reachesKnown(page(job('older', 11)), store, highWater)).toBe(true);
	});

	it('is false for a held job above the mark (learned by focus, not by paging)', () => {
		const focused = job('focused', 2);
		const withFocused = new Map([...held, [focused.key, focused]]);
		const heldJobs = { get: (key: string) => withFocused.get(key), activeIds: new Set<string>() };
		expect(reachesKnown(page(job('new', 1), focused), heldJobs, highWater)).toBe(false);
	});

	it('is false before any poll (everything is new)', () => {
		expect(reachesKnown(page(job('hw', 10)), store, null)).toBe(false);
	});
});

describe('chunkKeys', () => {
	const key = (i: number) => `06a6148bf9e862df:-2611856e:16e8d47e722:-${(0x7f00 + i).toString(16)}`;

	it('keeps 100 real-looking keys in one request', () => {
		const keys = Array.from({ length: 100 }, (_, i) => key(i));
		expect(chunkKeys(keys)).toEqual([keys]);
	});

	it('splits many keys so each URL-encoded filter stays under the limit, in order', () => {
		const keys = Array.from({ length: 500 }, (_, i) => key(i));
		const chunks = chunkKeys(keys);
		expect(chunks.flat()).toEqual(keys);
		expect(chunks.length).toBe(5);
		for (const chunk of chunks) {
			expect(encodeURIComponent(chunk.join('|')).length).toBeLessThanOrEqual(MAX_KEY_FILTER_CHARS);
		}
	});

	it('never puts more than 1000 keys in one request', () => {
		const keys = Array.from({ length: 2500 }, (_, i) => i.toString(36));
		expect(chunkKeys(keys).map((chunk) => chunk.length)).toEqual([1000, 1000, 500]);
	});

	it('returns nothing for nothing', () => {
		expect(chunkKeys([])).toEqual([]);
	});
});
