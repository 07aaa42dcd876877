import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { ONE_SHOT_RETRY_MS, withOneShotRetries } from '../../source/engine/backoff.js';
import { GaveUpError } from '../../source/engine/give-up.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { track } from '../helpers/track.js';

/** A request that fails with `errors` in turn (the last one for ever after), or answers 'ok' past them. */
function failing(errors: readonly ApiError[], thenSucceed = false) {
	const calls: number[] = [];
	return {
		calls,
		request: (clock: FakeClock) => async () => {
			calls.push(clock.now());
			const error = errors[Math.min(calls.length - 1, errors.length - 1)];
			if (thenSucceed && calls.length > errors.length) return 'ok';
			throw error;
		},
	};
}

const unavailable = new ApiError('server', 'Unified Manager failed with 503 Service Unavailable.', {
	status: 503,
	hint: 'The server is overloaded or starting up.',
});

describe('withOneShotRetries', () => {
	it('retries like a poll of the live view for 30 s after the first failure, then gives up saying so', async () => {
		const clock = new FakeClock();
		const t0 = clock.now();
		const { calls, request } = failing([unavailable]);
		const result = track(
			withOneShotRetries(request(clock), {
				clock,
				random: () => 0,
				signal: new AbortController().signal,
			}),
		);
		await clock.advance(ONE_SHOT_RETRY_MS - 1);
		expect(result.settled).toBe(false);
		await clock.advance(1);
		// The quick retries of a poll (0.25, 0.5, 1 s, jittered to half here), then the
		// backoff between polls (2 s doubling), the last try placed at the end of 30 s.
		expect(clock.delays).toEqual([125, 250, 500, 1000, 2000, 4000, 8000, 14_125]);
		expect(calls.map((at) => at - t0)).toEqual([
			0, 125, 375, 875, 1875, 3875, 7875, 15_875, 30_000,
		]);
		const error = result.error as GaveUpError;
		expect(error).toBeInstanceOf(GaveUpError);
		expect(error).toMatchObject({
			kind: 'server',
			status: 503,
			message: unavailable.message,
			hint: unavailable.hint,
			reason: 'retries-spent',
			afterMs: 30_000,
			limitMs: 30_000,
		});
		expect(clock.pendingTimers).toBe(0);
	});

	it('answers as soon as the server does', async () => {
		const clock = new FakeClock();
		const { calls, request } = failing([unavailable, unavailable, unavailable, unavailable], true);
		const result = track(
			withOneShotRetries(request(clock), {
				clock,
				random: () => 0,
				signal: new AbortController().signal,
			}),
		);
		await clock.advance(2000);
		expect(result).toMatchObject({ settled: true, value: 'ok' });
		expect(calls).toHaveLength(5);
	});

	it('waits as long as Retry-After asks when that fits in the budget', async () => {
		const clock = new FakeClock();
		const limited = new ApiError('rate-limited', 'Limited (429).', {
			status: 429,
			retryAfterMs: 5000,
		});
		const { calls, request } = failing([limited], true);
		const result = track(
			withOneShotRetries(request(clock), {
				clock,
				random: () => 0,
				signal: new AbortController().signal,
			}),
		);
		await clock.advance(4999);
		expect(calls).toHaveLength(1);
		await clock.advance(1);
		expect(result).toMatchObject({ settled: true, value: 'ok' });
		expect(clock.delays).toEqual([5000]);
	});

	it('gives up at once on a Retry-After longer than the budget', async () => {
		const clock = new FakeClock();
		const limited = new ApiError('rate-limited', 'Limited (429).', {
			status: 429,
			retryAfterMs: 120_000,
		});
		const { calls, request } = failing([limited]);
		const result = track(
			withOneShotRetries(request(clock), {
				clock,
				random: () => 0,
				signal: new AbortController().signal,
			}),
		);
		await clock.flush();
		expect(calls).toHaveLength(1);
		expect(result.error).toBeInstanceOf(GaveUpError);
		expect(result.error).toMatchObject({
			reason: 'retries-spent',
			afterMs: 0,
			retryAfterMs: 120_000,
		});
		expect(clock.pendingTimers).toBe(0);
	});

	it('counts from the first failure, so a request that hung until its timeout is retried', async () => {
		const clock = new FakeClock();
		let calls = 0;
		const hangThenAnswer = () => {
			calls += 1;
			if (calls > 1) return Promise.resolve('ok');
			return new Promise<string>((_, reject) => {
				clock.setTimeout(
					() => reject(new ApiError('timeout', 'um did not answer within 30 s.')),
					30_000,
				);
			});
		};
		const result = track(
			withOneShotRetries(hangThenAnswer, {
				clock,
				random: () => 0,
				signal: new AbortController().signal,
			}),
		);
		await clock.advance(30_125);
		expect(result).toMatchObject({ settled: true, value: 'ok' });
		expect(calls).toBe(2);
	});

	it.each([
		['a rejected password', new ApiError('auth', 'Rejected (401).', { status: 401 })],
		['a missing role', new ApiError('permission', 'Refused (403).', { status: 403 })],
		['an untrusted certificate', new ApiError('tls', 'Self-signed.')],
		['a missing job', new ApiError('not-found', 'No job (404).', { status: 404 })],
		['a 404 for the jobs list', new ApiError('bad-response', '404 for /x/jobs.', { status: 404 })],
		['a redirect', new ApiError('bad-response', 'A redirect (302).', { status: 302 })],
		['a bad request', new ApiError('request', 'Bad Request (400).', { status: 400 })],
	])('does not retry %s, and does not call it giving up', async (_name, error) => {
		const clock = new FakeClock();
		// Past a 503 first: the retrying has begun when the answer that will not change comes.
		const { calls, request } = failing([unavailable, error]);
		const result = track(
			withOneShotRetries(request(clock), {
				clock,
				random: () => 0,
				signal: new AbortController().signal,
			}),
		);
		await clock.advance(1000);
		expect(calls).toHaveLength(2);
		expect(result.error).toBe(error);
		expect(clock.pendingTimers).toBe(0);
	});

	it('retries a bad answer that carries no status (an HTML page, a body cut short)', async () => {
		const clock = new FakeClock();
		const cut = new ApiError('bad-response', 'um answered JSON that was cut short (20 bytes).');
		const { calls, request } = failing([cut], true);
		const result = track(
			withOneShotRetries(request(clock), {
				clock,
				random: () => 0,
				signal: new AbortController().signal,
			}),
		);
		await clock.advance(200);
		expect(result).toMatchObject({ settled: true, value: 'ok' });
		expect(calls).toHaveLength(2);
	});

	it('an interrupt ends the waiting at once', async () => {
		const clock = new FakeClock();
		const controller = new AbortController();
		const { request } = failing([unavailable]);
		const result = track(
			withOneShotRetries(request(clock), {
				clock,
				random: () => 0,
				signal: controller.signal,
			}),
		);
		await clock.advance(5000);
		controller.abort();
		await clock.flush();
		expect(result.error).toMatchObject({ kind: 'aborted' });
		expect(clock.pendingTimers).toBe(0);
	});
});
