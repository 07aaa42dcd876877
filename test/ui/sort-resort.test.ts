import { describe, expect, it } from 'vitest';
import { DISPLAY_STATES, type DisplayState, type Job } from '../../source/api/job.js';
import { type SortOrder, sortJobs } from '../../source/present/sort.js';
import { sortReusing } from '../../source/ui/screen/resort.js';
import { makeJob } from '../helpers/ui-fixtures.js';

const NOW = Date.UTC(2026, 11, 1, 0, 0, 0);

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

function jobsOf(count: number, next: () => number): Job[] {
	return Array.from({ length: count }, (_, i) =>
		makeJob({
			key: `k${i}`,
			server: i % 3 === 0 ? 'osaka' : 'tokyo',
			name: `job ${Math.floor(next() * 50)}`,
			displayState: DISPLAY_STATES[Math.floor(next() * DISPLAY_STATES.length)] as DisplayState,
			// Some share a second, so the ties (server, key) matter.
			submitTime: NOW - Math.floor(i / 2) * 1000,
		}),
	);
}

describe('re-sorting after a poll reuses the last sort', () => {
	for (const order of ['state', 'name'] as SortOrder[]) {
		it(`gives exactly the whole sort's order (${order}) when a few jobs changed state or name in place`, () => {
			const next = random(order.length);
			const servers = ['tokyo', 'osaka'];
			let input = jobsOf(2000, next);
			let memo = { input, order, servers, output: sortJobs(input, order, NOW, servers) };
			for (let round = 0; round < 30; round++) {
				const changed = input.slice();
				for (let c = 0; c < 1 + (round % 5); c++) {
					const at = Math.floor(next() * changed.length);
					const job = changed[at] as Job;
					changed[at] = {
						...job,
						displayState: DISPLAY_STATES[Math.floor(next() * DISPLAY_STATES.length)],
						name: round % 2 === 0 ? job.name : `job ${Math.floor(next() * 50)}`,
					} as Job;
				}
				const output = sortReusing(memo, changed, order, NOW, [...servers]);
				expect(output).toEqual(sortJobs(changed, order, NOW, servers));
				input = changed;
				memo = { input, order, servers, output: output as Job[] };
			}
		});
	}

	it('sorts the whole list again when jobs came or went', () => {
		const next = random(5);
		const input = jobsOf(500, next);
		const memo = {
			input,
			order: 'state' as const,
			servers: [],
			output: sortJobs(input, 'state', NOW),
		};
		const grown = [
			makeJob({ key: 'new', displayState: 'ERROR', submitTime: NOW + 1000 }),
			...input,
		];
		expect(sortReusing(memo, grown, 'state', NOW, [])).toEqual(sortJobs(grown, 'state', NOW));
		const shrunk = input.slice(1);
		expect(sortReusing(memo, shrunk, 'state', NOW, [])).toEqual(sortJobs(shrunk, 'state', NOW));
	});
});
