import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { QUIET_PAGE_RECORDS } from '../../source/engine/poll-cycle.js';
import { engineHarnessPerTest } from '../helpers/engine-harness.js';

const setup = engineHarnessPerTest();

/** The `max_records` of each list poll's first page (the requests that ask for an order). */
function firstPages(h: ReturnType<typeof setup>): (number | undefined)[] {
	return h.client
		.callsOf('listJobsPage')
		.filter((call) => call.query?.orderBy !== undefined && call.query?.filters === undefined)
		.map((call) => call.query?.maxRecords);
}

describe('the first page of a poll (issue 14: page 1 is most of what a poll downloads)', () => {
	it('asks for 10 records once polls are quiet, and for twice the new jobs after a burst, up to 20', async () => {
		const h = setup();
		h.model.addJobs(30, { state: 'completed' });
		await h.start();
		await h.clock.advance(2000); // the first poll: nothing known about arrivals yet
		await h.clock.advance(2000); // quiet
		h.model.addJobs(7, { state: 'completed' });
		await h.clock.advance(2000); // 7 new ones on a page of 10
		await h.clock.advance(2000); // room for 14
		await h.clock.advance(2000); // quiet again
		expect(firstPages(h).slice(1)).toEqual([20, QUIET_PAGE_RECORDS, 10, 14, 10]);
		expect(h.snapshot().jobs).toHaveLength(37);
	});

	it('finds a burst larger than the quiet page whole, following next', async () => {
		const h = setup();
		h.model.addJobs(5, { state: 'completed' });
		await h.start();
		await h.clock.advance(2000);
		const burst = h.model.addJobs(25);
		await h.clock.advance(2000);
		const held = new Set(h.snapshot().jobs.map((job) => job.key));
		expect(burst.filter((key) => !held.has(key))).toEqual([]);
		expect(h.events.filter((e) => e.type === 'new')).toHaveLength(25);
	});

	it('asks for a whole page again after a failed poll, when jobs may have piled up', async () => {
		const h = setup();
		h.model.addJobs(5, { state: 'completed' });
		await h.start();
		await h.clock.advance(2000);
		await h.clock.advance(2000);
		h.client.failNext(new ApiError('server', 'Unified Manager failed with 503.', { status: 503 }), {
			times: 4,
		});
		await h.clock.advance(2000);
		await h.clock.advance(30_000);
		// The failed poll's four tries asked for 10; the next poll after it, for 20.
		expect(firstPages(h).join(',')).toContain('10,10,10,10,20');
	});
});
