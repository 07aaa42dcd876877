import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import type { Job } from '../../source/api/job.js';
import { runWait, type WaitForJobFn } from '../../source/output/wait.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { activeCharacters, captureIo, fakeClient, stdinOf } from '../helpers/out-fakes.js';
import { apiJob } from '../helpers/ui-fixtures.js';

const KEY = '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87';
const T0 = Date.parse('2026-11-28T03:00:00Z');

function job(fields: Record<string, unknown>): Job {
	return apiJob({
		key: KEY,
		name: 'Create File Share',
		submit_time: new Date(T0).toISOString(),
		...fields,
	});
}

const FINISHED = job({
	state: 'completed',
	status: 'normal',
	complete_time: new Date(T0 + 100_000).toISOString(),
});

/** A waiter that resolves with `final` at once, recording the key it was asked for. */
function resolvesWith(final: Job, seen: string[] = []): WaitForJobFn {
	return async (_client, key) => {
		seen.push(key);
		return final;
	};
}

describe('runWait outcome', () => {
	it('prints one line and exits 0 for a normal job; stderr silent off a terminal', async () => {
		const io = captureIo({ clock: new FakeClock(T0 + 200_000) });
		const code = await runWait(fakeClient([]), KEY, { format: 'line' }, io, resolvesWith(FINISHED));
		expect(code).toBe(0);
		expect(io.stdout.text()).toBe(`NORMAL  Create File Share  ${KEY}  took 1m40s\n`);
		expect(io.stderr.text()).toBe('');
	});

	it.each([
		[{ state: 'completed', status: 'warning' }, 3, 'WARNING'],
		[{ state: 'completed', status: 'partial_failures' }, 4, 'PARTIAL_FAILURES'],
		[{ state: 'completed', status: 'error' }, 5, 'ERROR'],
		[{ state: 'aborted' }, 6, 'ABORTED'],
		[
			{ state: 'vanished', complete_time: new Date(T0 + 1000).toISOString() },
			12,
			'UNKNOWN:vanished',
		],
	])('%j exits %i', async (fields, code, label) => {
		const io = captureIo({ clock: new FakeClock(T0 + 5000) });
		expect(
			await runWait(fakeClient([]), KEY, { format: 'line' }, io, resolvesWith(job(fields))),
		).toBe(code);
		expect(io.stdout.text().split('  ')[0]).toBe(label);
	});

	it('--json prints the whole job; --quiet prints nothing', async () => {
		const io = captureIo({ clock: new FakeClock(T0) });
		await runWait(fakeClient([]), KEY, { format: 'json' }, io, resolvesWith(FINISHED));
		expect(JSON.parse(io.stdout.text())).toMatchObject({
			key: KEY,
			state: 'NORMAL',
			duration_ms: 100_000,
			over: true,
		});
		const quiet = captureIo({ clock: new FakeClock(T0), stderr: { isTTY: true } });
		expect(
			await runWait(
				fakeClient([]),
				KEY,
				{ format: 'line', quiet: true },
				quiet,
				resolvesWith(FINISHED),
			),
		).toBe(0);
		expect(quiet.stdout.text()).toBe('');
		expect(quiet.stderr.text()).toBe('');
	});

	it('reads the key from a 202 body on stdin for "-"', async () => {
		const seen: string[] = [];
		const io = captureIo({
			clock: new FakeClock(T0),
			stdin: stdinOf(JSON.stringify({ job: { key: KEY, _links: {} } })),
		});
		expect(
			await runWait(fakeClient([]), '-', { format: 'line' }, io, resolvesWith(FINISHED, seen)),
		).toBe(0);
		expect(seen).toEqual([KEY]);
	});

	it('exits 2 with one line for empty stdin, without asking the server', async () => {
		const seen: string[] = [];
		const io = captureIo({ clock: new FakeClock(T0), stdin: stdinOf('') });
		expect(
			await runWait(fakeClient([]), '-', { format: 'line' }, io, resolvesWith(FINISHED, seen)),
		).toBe(2);
		expect(io.stderr.text()).toBe(
			'umwatch: stdin is empty: expected an AIQUM 202 body such as {"job":{"key":"…"}} or {"operationId":"…"}, or a job key\n',
		);
		expect(seen).toEqual([]);
	});
});

describe('runWait failures', () => {
	it.each([
		[new ApiError('not-found', `Job ${KEY} was not found.`, { status: 404 }), 8],
		[
			new ApiError('auth', 'The user name or password was rejected (401).', {
				hint: 'check UMWATCH_USER',
			}),
			9,
		],
		[new ApiError('permission', 'Permission denied (403).'), 9],
		[
			new ApiError('tls', 'The certificate is self-signed.', {
				hint: 'use --ca-file or --insecure',
			}),
			10,
		],
		[new ApiError('network', 'Connection refused.'), 11],
		[new Error('boom'), 1],
	])('%s exits %i with its message and hint on stderr', async (error, code) => {
		const io = captureIo({ clock: new FakeClock(T0) });
		const failing: WaitForJobFn = async () => {
			throw error;
		};
		expect(await runWait(fakeClient([]), KEY, { format: 'line' }, io, failing)).toBe(code);
		const hint = error instanceof ApiError && error.hint !== '' ? `hint: ${error.hint}\n` : '';
		const prefix = code === 1 ? 'internal error: ' : '';
		expect(io.stderr.text()).toBe(`umwatch: ${prefix}${error.message}\n${hint}`);
		expect(io.stdout.text()).toBe('');
	});

	it('--timeout exits 7 naming the last state seen', async () => {
		const clock = new FakeClock(T0);
		const io = captureIo({ clock });
		const hangs: WaitForJobFn = (_client, _key, options) =>
			new Promise((_resolve, reject) => {
				options.onUpdate?.(job({ state: 'running' }));
				options.signal.addEventListener('abort', () => reject(new ApiError('aborted', 'aborted')));
			});
		const waiting = runWait(fakeClient([]), KEY, { format: 'line', timeoutMs: 90_000 }, io, hangs);
		await Promise.resolve();
		clock.tick(90_000);
		expect(await waiting).toBe(7);
		expect(io.stderr.text()).toBe(
			`umwatch: timed out after 1m30s waiting for job ${KEY} (last seen RUNNING)\n`,
		);
		expect(clock.pendingTimers).toBe(0);
	});

	it('exits 130 when interrupted, erasing the progress line', async () => {
		const clock = new FakeClock(T0);
		const controller = new AbortController();
		const io = captureIo({
			clock,
			signal: controller.signal,
			stderr: { isTTY: true, columns: 80 },
		});
		const hangs: WaitForJobFn = (_client, _key, options) =>
			new Promise((_resolve, reject) => {
				options.signal.addEventListener('abort', () => reject(new ApiError('aborted', 'aborted')));
			});
		const waiting = runWait(fakeClient([]), KEY, { format: 'line' }, io, hangs);
		await Promise.resolve();
		controller.abort();
		expect(await waiting).toBe(130);
		expect(io.stderr.text().endsWith('\r\u001b[2K')).toBe(true);
		expect(clock.pendingTimers).toBe(0);
	});
});

describe('runWait progress line', () => {
	it('rewrites one line in place on a terminal stderr and erases it at the end', async () => {
		const clock = new FakeClock(T0);
		const io = captureIo({ clock, stderr: { isTTY: true, columns: 80 } });
		let finish: (job: Job) => void = () => {};
		let update: (job: Job) => void = () => {};
		let retry: (error: ApiError) => void = () => {};
		const waiter: WaitForJobFn = (_client, _key, options) =>
			new Promise((resolve) => {
				finish = resolve;
				update = (j) => options.onUpdate?.(j);
				retry = (e) => options.onRetry?.(e, 1);
			});
		const waiting = runWait(fakeClient([]), KEY, { format: 'line' }, io, waiter);
		await Promise.resolve();
		update(job({ state: 'running' }));
		clock.tick(2000);
		retry(new ApiError('server', 'The server failed (503).'));
		update(job({ state: 'running' }));
		finish(FINISHED);
		expect(await waiting).toBe(0);
		expect(io.stderr.text().split('\r\u001b[2K')).toEqual([
			'',
			`waiting for ${KEY}  elapsed 0s`,
			'◐ RUNNING  Create File Share  elapsed 0s',
			'◐ RUNNING  Create File Share  elapsed 1s',
			'◐ RUNNING  Create File Share  elapsed 2s',
			'◐ RUNNING  Create File Share  elapsed 2s  retrying: The server failed (503).',
			'◐ RUNNING  Create File Share  elapsed 2s',
			'',
		]);
		expect(io.stdout.text()).toBe(`NORMAL  Create File Share  ${KEY}  took 1m40s\n`);
		expect(clock.pendingTimers).toBe(0);
	});

	it('prints hostile names inert on stdout and in the progress line', async () => {
		const hostile = apiJob({
			key: KEY,
			name: 'x\u001b]52;c;SGk=\u0007y\u001b[2J\u009d0;t\u009cz\u202e',
			state: 'running',
			submit_time: new Date(T0).toISOString(),
		});
		const final = apiJob({
			...{ key: KEY, name: hostile.name },
			state: 'completed',
			status: 'error',
		});
		const io = captureIo({ clock: new FakeClock(T0), stderr: { isTTY: true, columns: 80 } });
		const waiter: WaitForJobFn = async (_c, _k, options) => {
			options.onUpdate?.(hostile);
			return final;
		};
		expect(await runWait(fakeClient([]), KEY, { format: 'line' }, io, waiter)).toBe(5);
		expect(activeCharacters(io.stdout.text())).toEqual([]);
		// The only escapes on stderr are umwatch's own CR + erase-line.
		expect(activeCharacters(io.stderr.text().replaceAll('\r\u001b[2K', ''))).toEqual([]);
		expect(io.stdout.text()).toBe(`ERROR  xyz  ${KEY}\n`);
	});
});
