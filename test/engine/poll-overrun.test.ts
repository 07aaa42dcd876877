// Issue 15, item 7: a hung server. Once a list poll has gone one interval without
// an answer, the snapshot carries when it started (so the header can count the
// wait); a poll that answers in time publishes nothing.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { engineHarnessPerTest } from '../helpers/engine-harness.js';

const setup = engineHarnessPerTest();

const timeout = () => new ApiError('timeout', 'um.test did not answer within 30 s.');

/** An engine live on 3 jobs, whose server from now on takes `latencyMs` to answer. */
async function liveThenSlow(latencyMs: number) {
	const h = setup();
	h.model.addJobs(3);
	await h.start();
	expect(h.snapshot().connection).toEqual({ kind: 'live' });
	h.client.latencyMs = latencyMs;
	return h;
}

describe('a list poll that overruns its interval', () => {
	it('publishes its start once, after one interval, and clears it with the answer', async () => {
		const h = await liveThenSlow(30_000);
		await h.clock.advance(2000); // the next poll starts now
		const startedAt = h.clock.now();
		const published = h.snapshots.length;
		await h.clock.advance(1999);
		expect(h.snapshots.length).toBe(published);
		expect(h.snapshot().pollStartedAt).toBe(null);

		await h.clock.advance(1);
		expect(h.snapshots.length).toBe(published + 1);
		expect(h.snapshot().pollStartedAt).toBe(startedAt);
		expect(h.snapshot().connection).toEqual({ kind: 'live' });

		// Waiting on: nothing more is published (the screen counts the seconds itself).
		await h.clock.advance(20_000);
		expect(h.snapshots.length).toBe(published + 1);

		await h.clock.advance(8000); // the answer arrives 30 s after the poll began
		expect(h.snapshot().pollStartedAt).toBe(null);
		expect(h.snapshot().connection).toEqual({ kind: 'live' });
		expect(h.snapshots.length).toBe(published + 2);
	});

	it('publishes nothing for polls that answer within the interval', async () => {
		const h = await liveThenSlow(1500);
		const published = h.snapshots.length;
		await h.clock.advance(20_000);
		expect(h.client.requestCount).toBeGreaterThan(5);
		expect(h.snapshots.length).toBe(published);
		expect(h.snapshot().pollStartedAt).toBe(null);
	});

	it('is cleared when the poll fails, and set again when the retry hangs too', async () => {
		const h = await liveThenSlow(30_000);
		// Every try of the next poll times out: the first and its three quick retries.
		h.client.failNext(timeout, { times: 4 });
		await h.clock.advance(2000);
		const first = h.clock.now();
		await h.clock.advance(2000);
		expect(h.snapshot().pollStartedAt).toBe(first);
		for (let i = 0; i < 10 && h.snapshot().connection.kind !== 'retrying'; i++) {
			await h.clock.advance(30_000);
		}
		const connection = h.snapshot().connection;
		expect(connection.kind).toBe('retrying');
		expect(h.snapshot().pollStartedAt).toBe(null);
		if (connection.kind !== 'retrying') return;
		await h.clock.advanceTo(connection.nextTryAt);
		const retry = h.clock.now();
		await h.clock.advance(2000);
		expect(h.snapshot().pollStartedAt).toBe(retry);
		expect(h.snapshot().connection.kind).toBe('retrying');
	});

	it('is cleared at once by a pause, which cancels the poll', async () => {
		const h = await liveThenSlow(30_000);
		await h.clock.advance(4000);
		expect(h.snapshot().pollStartedAt).not.toBe(null);
		h.engine.setPaused(true);
		expect(h.snapshot().connection).toEqual({ kind: 'paused' });
		expect(h.snapshot().pollStartedAt).toBe(null);
		await h.clock.advance(60_000);
		expect(h.snapshot().pollStartedAt).toBe(null);
	});
});
