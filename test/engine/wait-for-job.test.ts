import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { WaitTimeoutError, waitForJob } from '../../source/engine/wait-for-job.js';
import { createFakeServer, type FakeClientOptions } from '../helpers/fake-client.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { track } from '../helpers/track.js';

function setup(options: FakeClientOptions = {}) {
	const clock = new FakeClock();
	const { model, client } = createFakeServer(clock, options);
	return { clock, model, client, t0: clock.now() };
}

const random = () => 0.5;

describe('waitForJob', () => {
	it('resolves at once with a job that is already over', async () => {
		const { clock, model, client } = setup();
		const key = model.addJob({ state: 'completed', status: 'warning' }).key;
		const job = await waitForJob(client, key, { clock });
		expect(job.displayState).toBe('WARNING');
		expect(client.requestCount).toBe(1);
	});

	it('long-polls, returning the moment the job ends', async () => {
		const { clock, model, client, t0 } = setup();
		const key = model.addJob().key;
		const updates: string[] = [];
		const result = track(
			waitForJob(client, key, {
				clock,
				random,
				onUpdate: (job, progress) => updates.push(`${job.displayState} ${progress.longPoll}`),
			}),
		);
		await clock.advance(45_000);
		expect(result.settled).toBe(false);
		model.finishJob(key, 'partial_failures');
		await clock.flush();
		expect(result.value?.displayState).toBe('PARTIAL_FAILURES');
		expect(clock.now()).toBe(t0 + 45_000);
		// One GET, a long poll held the full 30 s, then one answered by the change.
		expect(client.calls.map((c) => `${c.method}@${c.at - t0}`)).toEqual([
			'getJob@0',
			'longPollJob@0',
			'longPollJob@30000',
		]);
		expect(updates).toEqual(['RUNNING unknown', 'RUNNING supported', 'PARTIAL_FAILURES supported']);
		expect(clock.pendingTimers).toBe(0);
	});

	it('falls back to polling with a growing interval when long polls are ignored', async () => {
		const { clock, model, client, t0 } = setup({ longPoll: 'ignore' });
		const key = model.addJob().key;
		const result = track(waitForJob(client, key, { clock, random }));
		await clock.advance(20_000);
		expect(result.settled).toBe(false);
		const times = client.calls.map((c) => `${c.method}@${c.at - t0}`);
		// 2 quick long polls (1 s apart), then GETs after 1 s, 1.5 s, 2.25 s, 3.375 s, 5.0625 s…
		expect(times).toEqual([
			'getJob@0',
			'longPollJob@0',
			'longPollJob@1000',
			'getJob@2000',
			'getJob@3500',
			'getJob@5750',
			'getJob@9125',
			'getJob@14188',
		]);
		model.finishJob(key);
		await clock.advance(10_000);
		expect(result.value?.displayState).toBe('NORMAL');
		expect(clock.pendingTimers).toBe(0);
	});

	it('rides out transient errors, telling onRetry about each', async () => {
		const { clock, model, client } = setup();
		const key = model.addJob({ state: 'completed' }).key;
		client.failNext(() => new ApiError('server', 'Service unavailable.', { status: 503 }), {
			times: 2,
		});
		client.failNext(new ApiError('network', 'Connection refused.'));
		const retries: string[] = [];
		const result = track(
			waitForJob(client, key, { clock, random, onRetry: (e, n) => retries.push(`${e.kind} ${n}`) }),
		);
		await clock.advance(750 + 1500 + 3000);
		expect(result.value?.displayState).toBe('NORMAL');
		expect(retries).toEqual(['server 1', 'server 2', 'network 3']);
	});

	it('gives up on a server that never answered after the short limit', async () => {
		const { clock, model, client, t0 } = setup();
		const key = model.addJob().key;
		client.failNext(() => new ApiError('network', 'Connection refused.'), { times: 1000 });
		const result = track(waitForJob(client, key, { clock, random }));
		await clock.advance(29_000);
		expect(result.settled).toBe(false);
		await clock.advance(30_000);
		expect((result.error as ApiError).kind).toBe('network');
		expect(clock.now() - t0).toBeGreaterThanOrEqual(30_000);
		expect(client.inFlight).toBe(0);
		expect(clock.pendingTimers).toBe(0);
	});

	it('tolerates a long outage once the job has been seen, then gives up', async () => {
		const { clock, model, client } = setup({});
		const key = model.addJob().key;
		const result = track(
			waitForJob(client, key, {
				clock,
				random,
				giveUp: { beforeFirstAnswerMs: 1000, afterAnswerMs: 120_000 },
			}),
		);
		await clock.advance(10);
		expect(client.callsOf('getJob')).toHaveLength(1);
		client.failNext(() => new ApiError('network', 'Connection reset.'), { times: 1000 });
		await clock.advance(100_000);
		expect(result.settled).toBe(false);
		await clock.advance(100_000);
		expect((result.error as ApiError).kind).toBe('network');
		expect(clock.pendingTimers).toBe(0);
	});

	it('retries a 404 while the job is not yet visible, then finds it', async () => {
		const { clock, model, client } = setup();
		const result = track(waitForJob(client, 'late-key', { clock, random }));
		await clock.advance(750);
		expect(result.settled).toBe(false);
		expect(client.callsOf('getJob')).toHaveLength(2);
		model.addJob({ key: 'late-key', state: 'completed', status: 'normal' });
		await clock.advance(1500);
		expect(result.value?.key).toBe('late-key');
		expect(client.callsOf('getJob')).toHaveLength(3);
	});

	it('reports a job that never appears as not found', async () => {
		const { clock, client } = setup();
		const result = track(waitForJob(client, 'missing', { clock, random }));
		await clock.advance(60_000);
		expect(result.error).toBeInstanceOf(ApiError);
		expect((result.error as ApiError).kind).toBe('not-found');
		expect(client.callsOf('getJob')).toHaveLength(6);
		expect(clock.pendingTimers).toBe(0);
	});

	it('times out with a WaitTimeoutError carrying the last copy seen', async () => {
		const { clock, model, client, t0 } = setup();
		const key = model.addJob({ name: 'slow' }).key;
		const result = track(waitForJob(client, key, { clock, random, timeoutMs: 90_000 }));
		await clock.advance(89_999);
		expect(result.settled).toBe(false);
		await clock.advance(1);
		expect(result.error).toBeInstanceOf(WaitTimeoutError);
		const error = result.error as WaitTimeoutError;
		expect(error.lastJob?.name).toBe('slow');
		expect(error.key).toBe(key);
		expect(error.timeoutMs).toBe(90_000);
		expect(clock.now()).toBe(t0 + 90_000);
		expect(client.inFlight).toBe(0);
		expect(clock.pendingTimers).toBe(0);
	});

	it('throws fatal errors at once', async () => {
		const { clock, model, client } = setup();
		const key = model.addJob().key;
		client.failNext(new ApiError('auth', 'Rejected.', { status: 401 }));
		await expect(waitForJob(client, key, { clock })).rejects.toMatchObject({ kind: 'auth' });
		expect(client.requestCount).toBe(1);
	});

	it('ends with an aborted ApiError when its signal aborts', async () => {
		const { clock, model, client } = setup();
		const key = model.addJob().key;
		const controller = new AbortController();
		const result = track(waitForJob(client, key, { clock, signal: controller.signal }));
		await clock.advance(5000);
		controller.abort();
		await clock.flush();
		expect((result.error as ApiError).kind).toBe('aborted');
		expect(client.inFlight).toBe(0);
		expect(clock.pendingTimers).toBe(0);
	});
});
