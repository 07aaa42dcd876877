import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { describeStartupFailure } from '../../source/commands/failure.js';
import { checkFlags, flagName } from '../../source/commands/flags.js';
import { usageFor } from '../../source/commands/help.js';
import { handleInterrupts } from '../../source/commands/signals.js';
import { ConfigError, SetupError } from '../../source/config/errors.js';
import { PromptCancelled } from '../../source/config/prompt.js';

describe('checkFlags', () => {
	it('names unknown flags the way they were typed', () => {
		expect(() => checkFlags({ url: 'x', passwrd: 'y', q: true })).toThrow(
			new ConfigError('unknown flags: --passwrd, -q'),
		);
		expect(flagName('passwordCommand')).toBe('--password-command');
	});

	it('refuses a string flag without a value', () => {
		expect(() => checkFlags({ timeout: '' })).toThrow(new ConfigError('--timeout needs a value'));
		expect(() => checkFlags({ limit: true })).toThrow(new ConfigError('--limit needs a value'));
		expect(checkFlags({ url: 'https://x', json: true, color: false })).toEqual({
			url: 'https://x',
			json: true,
			color: false,
		});
	});
});

describe('describeStartupFailure', () => {
	const env = {};

	it('usage errors: message, hint, the usage of the mode asked for; exit 2', () => {
		const failure = describeStartupFailure(
			new ConfigError('bad', { hint: 'do this' }),
			env,
			'events',
		);
		expect(failure).toEqual({
			code: 2,
			text: `umwatch: bad\nhint: do this\n${usageFor('events')}\n`,
		});
		expect(usageFor('events')).toBe(
			"usage: umwatch [PROFILE...] events [--all] [--partial-ok]\nRun 'umwatch --help' for every flag.",
		);
	});

	it('setup errors exit 2 without usage; client errors exit with their code', () => {
		expect(describeStartupFailure(new SetupError('no file', 'fix it'), env)).toEqual({
			code: 2,
			text: 'umwatch: no file\nhint: fix it\n',
		});
		const tls = new ApiError('tls', 'certificate \u001b[31mchanged', { hint: 'run umwatch trust' });
		expect(describeStartupFailure(tls, env)).toEqual({
			code: 10,
			text: 'umwatch: certificate changed\nhint: run umwatch trust\n',
		});
		expect(describeStartupFailure(new PromptCancelled(), env)).toEqual({ code: 130, text: '' });
	});

	it('an unexpected error is one line, exit 1; the stack only with UMWATCH_DEBUG', () => {
		const error = new TypeError('x is undefined');
		expect(describeStartupFailure(error, env)).toEqual({
			code: 1,
			text: 'umwatch: internal error: x is undefined\n',
		});
		const debug = describeStartupFailure(error, { UMWATCH_DEBUG: '1' });
		expect(
			debug.text.startsWith(
				'umwatch: internal error: x is undefined\nTypeError: x is undefined\n    at ',
			),
		).toBe(true);
	});
});

describe('handleInterrupts', () => {
	function fakeProcess() {
		const emitter = new EventEmitter();
		const exits: number[] = [];
		const written: string[] = [];
		const process = Object.assign(emitter, {
			exit: (code: number) => exits.push(code),
			env: {},
			stderr: { write: (text: string) => written.push(text) },
		});
		return { process, exits, written };
	}

	it('aborts on the first signal with its code, exits at once on a second', () => {
		const { process, exits } = fakeProcess();
		const interrupts = handleInterrupts(process);
		expect([interrupts.signal.aborted, interrupts.exitCode()]).toEqual([false, null]);
		process.emit('SIGTERM');
		expect([interrupts.signal.aborted, interrupts.exitCode(), exits]).toEqual([true, 143, []]);
		process.emit('SIGINT');
		expect([interrupts.exitCode(), exits]).toEqual([143, [143]]);
	});

	it('SIGHUP is 129, and dispose removes every listener', () => {
		const { process } = fakeProcess();
		const interrupts = handleInterrupts(process);
		process.emit('SIGHUP');
		expect(interrupts.exitCode()).toBe(129);
		interrupts.dispose();
		for (const event of [
			'SIGINT',
			'SIGTERM',
			'SIGHUP',
			'uncaughtException',
			'unhandledRejection',
		]) {
			expect(process.listenerCount(event), event).toBe(0);
		}
	});

	it('an escaped error is one line and exit 1', () => {
		const { process, exits, written } = fakeProcess();
		handleInterrupts(process);
		process.emit('uncaughtException', new Error('boom'));
		expect([written, exits]).toEqual([['umwatch: internal error: boom\n'], [1]]);
	});
});
