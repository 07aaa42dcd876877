import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import {
	ENTER_SEQUENCE,
	LEAVE_SEQUENCE,
	openTerminalSession,
	type SessionEnd,
	type SessionProcess,
} from '../../source/ui/terminal/terminal-session.js';
import { FakeStdin, FakeStdout } from '../helpers/ui-harness.js';

class FakeProcess extends EventEmitter implements SessionProcess {
	readonly exits: number[] = [];
	exit(code: number): void {
		this.exits.push(code);
	}
}

function open() {
	const stdin = new FakeStdin();
	const stdout = new FakeStdout(80, 24);
	const proc = new FakeProcess();
	const inputs: string[] = [];
	const ends: SessionEnd[] = [];
	const writesAtEnd: number[] = [];
	const session = openTerminalSession({
		stdin,
		stdout,
		process: proc,
		onInput: (chunk) => inputs.push(chunk),
		onEnd: (end) => {
			ends.push(end);
			writesAtEnd.push(stdout.writes.length);
		},
	});
	const listenerCounts = () => ({
		data: stdin.listenerCount('data'),
		error: stdout.listenerCount('error'),
		process: proc.eventNames().reduce((n, e) => n + proc.listenerCount(e), 0),
		// After restore only the guards stay: one per signal, so none kills the process.
		guards: ['SIGTERM', 'SIGHUP', 'SIGINT'].map((s) => proc.listenerCount(s)).join(','),
	});
	return { stdin, stdout, proc, inputs, ends, writesAtEnd, session, listenerCounts };
}

describe('terminal session', () => {
	test('enters the alternate screen, hides the cursor and turns raw mode on', () => {
		const t = open();
		expect(t.stdout.writes).toEqual(['\x1b[?1049h\x1b[H\x1b[2J\x1b[?25l']);
		expect(ENTER_SEQUENCE).toBe('\x1b[?1049h\x1b[H\x1b[2J\x1b[?25l');
		expect(t.stdin.rawModes).toEqual([true]);
		expect(t.stdin.encoding).toBe('utf8');
		expect(t.stdin.paused).toBe(false);
		expect(t.listenerCounts()).toEqual({ data: 1, error: 1, process: 5, guards: '1,1,1' });
	});

	test('passes input through as text', () => {
		const t = open();
		t.stdin.emit('data', 'q');
		t.stdin.emit('data', Buffer.from('ボ', 'utf8'));
		expect(t.inputs).toEqual(['q', 'ボ']);
	});

	test('restore writes exactly the leave sequence once and removes every listener', () => {
		const t = open();
		t.session.restore();
		t.session.restore();
		expect(t.stdout.writes).toEqual([ENTER_SEQUENCE, '\x1b[0m\x1b[?25h\x1b[?1049l']);
		expect(LEAVE_SEQUENCE).toBe('\x1b[0m\x1b[?25h\x1b[?1049l');
		expect(t.stdin.rawModes).toEqual([true, false]);
		expect(t.stdin.paused).toBe(true);
		expect(t.listenerCounts()).toEqual({ data: 0, error: 0, process: 3, guards: '1,1,1' });
		expect(t.session.restored).toBe(true);
		t.stdin.emit('data', 'q');
		expect(t.inputs).toEqual([]);
	});

	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
		test(`${signal} ends the session; the owner hears first, then the terminal is restored`, () => {
			const t = open();
			t.proc.emit(signal);
			expect(t.ends).toEqual([{ reason: 'signal', signal }]);
			// onEnd ran before the leave sequence was written.
			expect(t.writesAtEnd).toEqual([1]);
			expect(t.stdout.writes).toEqual([ENTER_SEQUENCE, LEAVE_SEQUENCE]);
			expect(t.stdin.rawModes).toEqual([true, false]);
			expect(t.listenerCounts()).toEqual({ data: 0, error: 0, process: 3, guards: '1,1,1' });
			t.proc.emit('SIGTERM');
			expect(t.ends).toHaveLength(1);
			// A second signal while shutting down ends the process at once, with 128 + n.
			expect(t.proc.exits).toEqual([143]);
		});
	}

	test('after a quit, a stray signal exits with 128 + n instead of killing the process', () => {
		const t = open();
		t.session.restore();
		t.proc.emit('SIGHUP');
		expect(t.ends).toEqual([]);
		expect(t.proc.exits).toEqual([129]);
	});

	test('an uncaught error restores the terminal and reports it', () => {
		const t = open();
		const error = new Error('boom');
		t.proc.emit('uncaughtException', error);
		expect(t.ends).toEqual([{ reason: 'error', error }]);
		expect(t.stdout.writes.at(-1)).toBe(LEAVE_SEQUENCE);
		expect(t.listenerCounts()).toEqual({ data: 0, error: 0, process: 3, guards: '1,1,1' });
	});

	test('a dead terminal (EIO) ends the session; later write errors are swallowed', () => {
		const t = open();
		const error = Object.assign(new Error('read EIO'), { code: 'EIO' });
		t.stdout.emit('error', error);
		expect(t.ends).toEqual([{ reason: 'output-closed', error }]);
		expect(t.listenerCounts()).toEqual({ data: 0, error: 1, process: 3, guards: '1,1,1' });
		expect(() => t.stdout.emit('error', error)).not.toThrow();
	});

	test('restores even when the owner throws', () => {
		const stdin = new FakeStdin();
		const stdout = new FakeStdout(80, 24);
		const proc = new FakeProcess();
		openTerminalSession({
			stdin,
			stdout,
			process: proc,
			onInput: () => {},
			onEnd: () => {
				throw new Error('owner failed');
			},
		});
		expect(() => proc.emit('SIGTERM')).toThrow('owner failed');
		expect(stdout.writes).toEqual([ENTER_SEQUENCE, LEAVE_SEQUENCE]);
		expect(stdin.rawModes).toEqual([true, false]);
	});

	test('no raw mode on a non-terminal input', () => {
		const stdin = Object.assign(new FakeStdin(), { isTTY: false });
		const stdout = new FakeStdout(80, 24);
		const session = openTerminalSession({
			stdin,
			stdout,
			process: new FakeProcess(),
			onInput: () => {},
			onEnd: () => {},
		});
		session.restore();
		expect(stdin.rawModes).toEqual([]);
	});
});
