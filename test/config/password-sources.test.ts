import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SetupError } from '../../source/config/errors.js';
import { readPassword } from '../../source/config/password.js';
import { runPasswordCommand } from '../../source/config/password-command.js';
import { readPasswordFile } from '../../source/config/password-file.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'umwatch-pass-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function setupError(promise: Promise<unknown>): Promise<SetupError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof SetupError) return error;
		throw error;
	}
	throw new Error('expected a SetupError');
}

describe('password file', () => {
	it('returns the first line without its newline', () => {
		const path = join(dir, 'p');
		writeFileSync(path, 'pa ss\r\nsecond line\n', { mode: 0o600 });
		expect(readPasswordFile(path)).toEqual({ password: 'pa ss', warning: null });
	});

	it('warns when others can read it', () => {
		const path = join(dir, 'p');
		writeFileSync(path, 'secret\n');
		chmodSync(path, 0o644);
		expect(readPasswordFile(path).warning).toBe(
			`warning: the password file ${path} is readable by other users (mode 644); run chmod 600 ${path}`,
		);
	});

	it('names an unreadable or empty file without quoting it', () => {
		expect(() => readPasswordFile(join(dir, 'missing'))).toThrow(
			`cannot read the password file ${join(dir, 'missing')}: ENOENT`,
		);
		const empty = join(dir, 'empty');
		writeFileSync(empty, '\nsecret-on-line-2\n', { mode: 0o600 });
		expect(() => readPasswordFile(empty)).toThrow(`the password file ${empty} is empty`);
	});
});

describe('password command', () => {
	const origin = '--password-command';

	it('returns the first line of its output', async () => {
		expect(await runPasswordCommand("printf 'se cret\\nmeta: x\\n'", { origin })).toBe('se cret');
	});

	it('reports a non-zero exit without its output', async () => {
		const error = await setupError(
			runPasswordCommand('echo leaked-secret; exit 3', { origin, stderr: 'ignore' }),
		);
		expect(error.message).toBe('the password command (--password-command) exited with status 3');
		expect(error.hint).toBe('run it yourself to see why');
	});

	it('reports empty output and a timeout', async () => {
		expect((await setupError(runPasswordCommand('true', { origin }))).message).toBe(
			'the password command (--password-command) printed nothing',
		);
		const started = Date.now();
		const error = await setupError(runPasswordCommand('exec sleep 30', { origin, timeoutMs: 200 }));
		expect(error.message).toBe(
			'the password command (--password-command) did not finish within 0.2 s',
		);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('ends the command when umwatch is told to stop (a hang-up must not wait for it)', async () => {
		const controller = new AbortController();
		const running = setupError(
			runPasswordCommand('exec sleep 30', { origin, signal: controller.signal }),
		);
		controller.abort();
		expect((await running).message).toBe(
			'the password command (--password-command) was interrupted',
		);
		const already = setupError(
			runPasswordCommand('exec sleep 30', { origin, signal: controller.signal }),
		);
		expect((await already).message).toBe(
			'the password command (--password-command) was interrupted',
		);
	});
});

describe('readPassword in source order', () => {
	const context = {
		env: { UMWATCH_PASSWORD: 'from-env' },
		openTerminal: () => 'no terminal is attached (test)',
		warn: () => undefined,
		label: 'u@host',
	};

	it('reads each kind of source', async () => {
		expect(await readPassword({ kind: 'environment' }, context)).toBe('from-env');
		const file = join(dir, 'p');
		writeFileSync(file, 'from-file\n', { mode: 0o600 });
		expect(
			await readPassword({ kind: 'file', path: file, origin: '--password-file' }, context),
		).toBe('from-file');
		expect(
			await readPassword({ kind: 'command', command: 'echo from-command', origin: 'x' }, context),
		).toBe('from-command');
	});

	it('explains when there is no terminal to prompt on', async () => {
		const error = await setupError(readPassword({ kind: 'prompt' }, context));
		expect(error.message).toBe('no password: no terminal is attached (test)');
		expect(error.hint).toBe(
			'set UMWATCH_PASSWORD, or use --password-file or --password-command (or a profile that names one)',
		);
	});

	it('passes warnings on', async () => {
		const file = join(dir, 'p');
		writeFileSync(file, 'x\n');
		chmodSync(file, 0o604);
		const warnings: string[] = [];
		await readPassword(
			{ kind: 'file', path: file, origin: 'f' },
			{ ...context, warn: (w) => warnings.push(w) },
		);
		expect(warnings).toEqual([
			`warning: the password file ${file} is readable by other users (mode 604); run chmod 600 ${file}`,
		]);
	});
});
