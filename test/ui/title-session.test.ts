import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import {
	ENTER_SEQUENCE,
	LEAVE_SEQUENCE,
	openTerminalSession,
	type SessionProcess,
} from '../../source/ui/terminal/terminal-session.js';
import { FakeStdin, FakeStdout } from '../helpers/ui-harness.js';

const PUSH = '\u001B[22;0t';
const POP = '\u001B[23;0t';

class FakeProcess extends EventEmitter implements SessionProcess {
	exit(): void {}
}

function open(title: boolean) {
	const stdin = new FakeStdin();
	const stdout = new FakeStdout(80, 24);
	const proc = new FakeProcess();
	const session = openTerminalSession({
		stdin,
		stdout,
		process: proc,
		onInput: () => {},
		onEnd: () => {},
		title,
	});
	const pops = () => stdout.writes.join('').split(POP).length - 1;
	return { stdout, proc, session, pops };
}

const WAYS_OUT: readonly [string, (t: ReturnType<typeof open>) => void][] = [
	['the owner restores (q, Ctrl-C)', (t) => t.session.restore()],
	['SIGTERM', (t) => t.proc.emit('SIGTERM')],
	['SIGHUP', (t) => t.proc.emit('SIGHUP')],
	['SIGINT', (t) => t.proc.emit('SIGINT')],
	['an uncaught error', (t) => t.proc.emit('uncaughtException', new Error('boom'))],
	['an unhandled rejection', (t) => t.proc.emit('unhandledRejection', new Error('boom'))],
	['the terminal going away', (t) => t.stdout.emit('error', new Error('EIO'))],
];

describe('the window title in the terminal session', () => {
	test.each(WAYS_OUT)('pushed on entry, popped once before leaving: %s', (_, end) => {
		const t = open(true);
		expect(t.stdout.writes[0]).toBe(ENTER_SEQUENCE + PUSH);
		end(t);
		t.session.restore();
		expect(t.stdout.writes.at(-1)).toBe(POP + LEAVE_SEQUENCE);
		expect(t.pops()).toBe(1);
	});

	test('without a title (--no-title) neither push nor pop', () => {
		const t = open(false);
		t.proc.emit('SIGTERM');
		expect(t.stdout.writes.join('')).not.toMatch(/\u001B\[2[23];0t/);
	});
});
