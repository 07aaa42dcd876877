import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { runWatchUi, type WatchUiOptions } from '../../source/ui/run.js';
import { ENTER_SEQUENCE, LEAVE_SEQUENCE } from '../../source/ui/terminal/terminal-session.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { settle } from '../helpers/settle.js';
import { FakeEngine } from '../helpers/ui-fake-engine.js';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';
import { FakeStdin, FakeStdout, TEST_NOW } from '../helpers/ui-harness.js';

function start(
	snapshot = makeSnapshot([makeJob({ key: 'a' }), makeJob({ key: 'b', displayState: 'ERROR' })]),
) {
	const engine = new FakeEngine(snapshot);
	const stdin = new FakeStdin();
	const stdout = new FakeStdout(80, 24);
	const stderr = new FakeStdout(80, 24);
	const proc = new EventEmitter();
	const clock = new FakeClock(TEST_NOW);
	const options: WatchUiOptions = {
		engine,
		host: 'um01',
		insecure: false,
		color: true,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		timers: clock,
		process: proc,
	};
	const exit = runWatchUi(options);
	const listeners = () => ({
		stdinData: stdin.listenerCount('data'),
		stdoutError: stdout.listenerCount('error'),
		stdoutResize: stdout.listenerCount('resize'),
		// Signal guards stay on purpose (one per signal, see terminal-session.ts).
		process: proc
			.eventNames()
			.filter((e) => !['SIGTERM', 'SIGHUP', 'SIGINT'].includes(String(e)))
			.reduce((n, e) => n + proc.listenerCount(e), 0),
		guards: ['SIGTERM', 'SIGHUP', 'SIGINT'].map((s) => proc.listenerCount(s)).join(','),
		engine: engine.subscriberCount,
	});
	return { engine, stdin, stdout, proc, clock, exit, listeners };
}

function expectRestored(t: ReturnType<typeof start>): void {
	expect(t.stdout.writes[0]).toBe(ENTER_SEQUENCE);
	expect(t.stdout.writes.at(-1)).toBe(LEAVE_SEQUENCE);
	expect(t.stdout.writes.filter((w) => w.includes('\x1b[?1049l'))).toEqual([LEAVE_SEQUENCE]);
	expect(t.stdin.rawModes).toEqual([true, false]);
	expect(t.stdin.paused).toBe(true);
	expect(t.listeners()).toEqual({
		stdinData: 0,
		stdoutError: 0,
		stdoutResize: 0,
		process: 0,
		guards: '1,1,1',
		engine: 0,
	});
}

describe('runWatchUi', () => {
	test('q quits, restores the terminal exactly and summarises', async () => {
		const t = start();
		await settle();
		expect(t.listeners().stdinData).toBe(1);
		expect(t.listeners().engine).toBe(1);
		t.clock.tick(12 * 60_000 + 5000);
		t.stdin.emit('data', 'q');
		const exit = await t.exit;
		expect(exit).toEqual({
			reason: 'quit',
			summary: 'umwatch: watched um01 for 12m; 2 jobs, 1 failed',
		});
		expectRestored(t);
	});

	test('Ctrl-C quits from a detail view too', async () => {
		const t = start();
		await settle();
		t.stdin.emit('data', '\r');
		await settle();
		t.stdin.emit('data', '\x03');
		const exit = await t.exit;
		expect(exit.reason).toBe('quit');
		expect(t.engine.calls.focus).toEqual(['a', null]);
		expectRestored(t);
	});

	for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
		test(`${signal} restores the terminal and says so`, async () => {
			const t = start();
			await settle();
			t.proc.emit(signal);
			const exit = await t.exit;
			expect(exit).toEqual({
				reason: 'signal',
				signal,
				summary: `umwatch: watched um01 for 0s; 2 jobs, 1 failed (ended by ${signal})`,
			});
			expectRestored(t);
		});
	}

	test('the terminal going away (EIO) counts as a hang-up', async () => {
		const t = start();
		await settle();
		t.stdout.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }));
		const exit = await t.exit;
		expect(exit.reason).toBe('signal');
		expect(exit.signal).toBe('SIGHUP');
		expect(t.stdin.rawModes).toEqual([true, false]);
	});

	test('an uncaught error restores the terminal and reports it', async () => {
		const t = start();
		await settle();
		const error = new Error('kaboom');
		t.proc.emit('uncaughtException', error);
		const exit = await t.exit;
		expect(exit.reason).toBe('error');
		expect(exit.error).toBe(error);
		expect(exit.summary).toBe(
			'umwatch: watched um01 for 0s; 2 jobs, 1 failed (stopped by an unexpected error: kaboom)',
		);
		expectRestored(t);
	});

	test('an error while rendering restores the terminal and reports it', async () => {
		const broken = makeSnapshot([makeJob({ key: 'a' })]);
		const t = start({ ...broken, counts: undefined as never });
		const exit = await t.exit;
		expect(exit.reason).toBe('error');
		expect(exit.error).toBeInstanceOf(Error);
		expect(t.stdout.writes.at(-1)).toBe(LEAVE_SEQUENCE);
		expect(t.stdin.rawModes).toEqual([true, false]);
	});
});
