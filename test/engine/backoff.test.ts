import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import {
	backoffDelay,
	MAX_RETRY_AFTER_MS,
	POLL_BACKOFF,
	retryDelay,
	withQuickRetries,
} from '../../source/engine/backoff.js';
import { FakeClock } from '../helpers/fake-clock.js';

describe('backoffDelay', () => {
	it('doubles from 2 s to a 30 s cap, with half of each delay jittered', () => {
		const low = [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, POLL_BACKOFF, () => 0));
		const high = [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, POLL_BACKOFF, () => 0.999_999));
		expect(low).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000]);
		expect(high).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000]);
	});

	it('clamps a random source that leaves [0, 1)', () => {
		expect(backoffDelay(1, POLL_BACKOFF, () => 7)).toBe(2000);
		expect(backoffDelay(1, POLL_BACKOFF, () => -3)).toBe(1000);
	});
});

describe('retryDelay', () => {
	const error = (retryAfterMs?: number) =>
		new ApiError('rate-limited', 'slow down', retryAfterMs === undefined ? {} : { retryAfterMs });

	it('waits at least as long as Retry-After says', () => {
		expect(retryDelay(error(20_000), 1, POLL_BACKOFF, () => 0)).toBe(20_000);
		expect(retryDelay(error(10), 1, POLL_BACKOFF, () => 0)).toBe(1000);
		expect(retryDelay(error(), 1, POLL_BACKOFF, () => 0)).toBe(1000);
	});

	it('does not let a huge Retry-After park the engine for days', () => {
		expect(retryDelay(error(86_400_000), 1, POLL_BACKOFF, () => 0)).toBe(MAX_RETRY_AFTER_MS);
	});
});

describe('withQuickRetries', () => {
	it('retries retryable failures 3 times, then rethrows the last', async () => {
		const clock = new FakeClock();
		const controller = new AbortController();
		let calls = 0;
		const result = withQuickRetries(
			async () => {
				calls += 1;
				throw new ApiError('server', `fail ${calls}`);
			},
			{ clock, random: () => 0, signal: controller.signal },
		).catch((error: unknown) => error);
		await clock.advance(125 + 250 + 500);
		expect(calls).toBe(4);
		expect(await result).toMatchObject({ kind: 'server', message: 'fail 4' });
		expect(clock.delays).toEqual([125, 250, 500]);
	});

	it.each([['auth'], ['permission'], ['tls'], ['request'], ['method'], ['too-large']] as const)(
		'does not retry %s',
		async (kind) => {
			const clock = new FakeClock();
			let calls = 0;
			const promise = withQuickRetries(
				async () => {
					calls += 1;
					throw new ApiError(kind, 'no');
				},
				{ clock, random: () => 0, signal: new AbortController().signal },
			);
			await expect(promise).rejects.toMatchObject({ kind });
			expect(calls).toBe(1);
		},
	);

	it('turns a stray non-ApiError into a bad-response ApiError', async () => {
		const clock = new FakeClock();
		const promise = withQuickRetries(
			async () => {
				throw new TypeError('oops');
			},
			{ clock, random: () => 0, retries: 0, signal: new AbortController().signal },
		);
		await expect(promise).rejects.toMatchObject({ kind: 'bad-response' });
	});

	it('stops waiting at once when aborted', async () => {
		const clock = new FakeClock();
		const controller = new AbortController();
		const promise = withQuickRetries(
			async () => {
				throw new ApiError('network', 'refused');
			},
			{ clock, random: () => 0, signal: controller.signal },
		).catch((error: unknown) => error);
		await clock.flush();
		expect(clock.pendingTimers).toBe(1);
		controller.abort();
		expect(await promise).toMatchObject({ kind: 'aborted' });
		expect(clock.pendingTimers).toBe(0);
	});
});
