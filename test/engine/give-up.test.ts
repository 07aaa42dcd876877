import { describe, expect, it } from 'vitest';
import { ApiError, isNoAnswer } from '../../source/api/errors.js';
import { GaveUpError, SilenceBound } from '../../source/engine/give-up.js';
import { waitForJob } from '../../source/engine/wait-for-job.js';
import { createFakeServer } from '../helpers/fake-client.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { track } from '../helpers/track.js';

const refused = () => new ApiError('network', 'Connection refused by um:443.');
const unavailable = () =>
	new ApiError('server', 'Unified Manager failed with 503 Service Unavailable.', { status: 503 });

describe('isNoAnswer', () => {
	it('is true only when no HTTP answer came at all', () => {
		expect(isNoAnswer(refused())).toBe(true);
		expect(isNoAnswer(new ApiError('timeout', 'um did not answer within 30 s.'))).toBe(true);
		expect(isNoAnswer(unavailable())).toBe(false);
		expect(isNoAnswer(new ApiError('rate-limited', '429', { status: 429 }))).toBe(false);
		expect(isNoAnswer(new ApiError('bad-response', 'HTML, not JSON'))).toBe(false);
		expect(isNoAnswer(new ApiError('not-found', '404', { status: 404 }))).toBe(false);
	});
});

describe('SilenceBound', () => {
	it('counts only the time with no answer at all: a 5xx is an answer', async () => {
		const clock = new FakeClock();
		const silence = new SilenceBound(clock);
		await clock.advance(29_000);
		expect(silence.failed(refused())).toBeNull();
		expect(silence.failed(unavailable())).toBeNull();
		await clock.advance(29_999);
		expect(silence.failed(refused())).toBeNull();
		await clock.advance(1);
		const gaveUp = silence.failed(refused());
		expect(gaveUp).toBeInstanceOf(GaveUpError);
		expect(gaveUp).toMatchObject({ kind: 'network', reason: 'no-answer', afterMs: 30_000 });
	});

	it('bears 10 minutes of silence once an answer has come', async () => {
		const clock = new FakeClock();
		const silence = new SilenceBound(clock);
		await clock.advance(5000);
		silence.succeeded();
		await clock.advance(599_999);
		expect(silence.failed(refused())).toBeNull();
		await clock.advance(1);
		expect(silence.failed(refused())).toMatchObject({ reason: 'no-answer', afterMs: 600_000 });
	});
});

describe('waitForJob and a server that answers 5xx', () => {
	it('keeps waiting through minutes of 503 before the job is first seen', async () => {
		const clock = new FakeClock();
		const { model, client } = createFakeServer(clock);
		const key = model.addJob({ state: 'completed', status: 'normal' }).key;
		client.failNext(unavailable, { times: 1_000_000 });
		const result = track(waitForJob(client, key, { clock, random: () => 0.5 }));
		await clock.advance(5 * 60_000);
		expect(result.settled).toBe(false);
		client.clearFaults();
		await clock.advance(30_000);
		expect(result.value?.displayState).toBe('NORMAL');
		expect(clock.pendingTimers).toBe(0);
	});

	it('gives up after 30 s of silence counted from the last answer, even a 503', async () => {
		const clock = new FakeClock();
		const { model, client } = createFakeServer(clock);
		const key = model.addJob().key;
		client.failNext(unavailable, { times: 6 });
		client.failNext(refused, { times: 1_000_000 });
		const answers: number[] = [];
		const result = track(
			waitForJob(client, key, {
				clock,
				random: () => 0.5,
				onRetry: (error) => {
					if (error.kind === 'server') answers.push(clock.now());
				},
			}),
		);
		let gaveUpAt = 0;
		await clock.flush();
		while (!result.settled && (await clock.runNext())) gaveUpAt = clock.now();
		// The 503s went on past the first 30 s; the silence is counted from the last one.
		expect(answers).toHaveLength(6);
		const lastAnswer = answers.at(-1) ?? 0;
		expect(lastAnswer - (answers[0] ?? 0)).toBeGreaterThan(20_000);
		expect(result.error).toBeInstanceOf(GaveUpError);
		const error = result.error as GaveUpError;
		expect(error).toMatchObject({ kind: 'network', reason: 'no-answer', limitMs: 30_000 });
		expect(error.afterMs).toBe(gaveUpAt - lastAnswer);
		expect(error.afterMs).toBeGreaterThanOrEqual(30_000);
		expect(clock.pendingTimers).toBe(0);
	});

	it('gives up at the 30 s bound itself, not a whole backoff step after it', async () => {
		const clock = new FakeClock();
		const t0 = clock.now();
		const { model, client } = createFakeServer(clock);
		const key = model.addJob().key;
		client.failNext(refused, { times: 1_000_000 });
		const result = track(waitForJob(client, key, { clock, random: () => 0.999 }));
		await clock.advance(30_000);
		expect(result.error).toBeInstanceOf(GaveUpError);
		expect(result.error).toMatchObject({ reason: 'no-answer', afterMs: 30_000 });
		expect(clock.now() - t0).toBe(30_000);
		expect(clock.pendingTimers).toBe(0);
	});
});
