// r while a poll is in flight: that poll began before the key press (and, after
// a failed login, before the new password was read), so one more follows it.
import { expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { engineHarnessPerTest } from '../helpers/engine-harness.js';

const setup = engineHarnessPerTest();
const LIST = ['listJobsPage', 'listJobsPageAt'] as const;

it('a refresh during a poll polls once more as soon as it ends, and never two at once', async () => {
	const h = setup({ client: { latencyMs: 1000 } });
	h.model.addJobs(2, { state: 'completed' });
	h.engine.start();
	await h.clock.advance(5000);
	const polls = () => h.client.callsOf(...LIST).length;
	while (h.client.inFlight === 0) await h.clock.advance(10);
	const before = polls();
	h.engine.refresh();
	h.engine.refresh();
	await h.clock.advance(1020);
	// The one in flight ended; the asked-for one started at once, not half an interval later.
	expect(polls()).toBe(before + 1);
	expect(h.client.inFlight).toBe(1);
	await h.clock.advance(1000);
	expect(polls()).toBe(before + 1);
	expect(h.client.maxListInFlight).toBe(1);
});

it('a refresh asked for while a rejected poll is in flight is not lost', async () => {
	const h = setup({ client: { latencyMs: 500 } });
	h.model.addJobs(2);
	h.engine.start();
	await h.clock.advance(3000);
	expect(h.snapshot().connection).toEqual({ kind: 'live' });
	h.client.failNext(new ApiError('auth', 'rejected (401)'), { methods: LIST, times: 100 });
	await h.clock.advance(3000);
	expect(h.snapshot().connection.kind).toBe('failed');
	// r: a poll starts (still rejected)…
	h.engine.refresh();
	await h.clock.advance(100);
	// …the password is fixed meanwhile, and r again while that poll is in flight.
	h.client.clearFaults();
	h.engine.refresh();
	await h.clock.advance(2000);
	expect(h.snapshot().connection).toEqual({ kind: 'live' });
});
