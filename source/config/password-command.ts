import { spawn } from 'node:child_process';
import { t } from '../i18n/t.js';
import { SetupError } from './errors.js';

/** Options for {@link runPasswordCommand}; tests shorten the timeout. */
export interface PasswordCommandOptions {
	/** Where the command came from, for messages ("--password-command", "profile prod"). */
	readonly origin: string;
	/** Give up (and kill the command) after this long. Default 30 s. */
	readonly timeoutMs?: number;
	/** The command's own standard error goes here (its prompts and complaints). Default: ours. */
	readonly stderr?: 'inherit' | 'ignore';
	/**
	 * Ends the command early (umwatch got a signal). Without it, a hang-up while
	 * the command runs would leave umwatch waiting for it until the time limit.
	 */
	readonly signal?: AbortSignal;
}

/** More than any password; stops a runaway command from filling memory. */
const MAX_OUTPUT_BYTES = 64 * 1024;

/**
 * Runs `command` with `/bin/sh -c` and returns the first line of its standard
 * output (e.g. `pass show um/prod`, whose later lines are metadata). Its
 * standard error passes through, so its own prompts and messages are seen. A
 * non-zero exit, a signal, a timeout or empty output is a
 * {@link SetupError}; the output itself is never quoted. On a timeout
 * the shell is killed; a process it started in the background may outlive it
 * (the price of keeping the command in the terminal's process group).
 */
export function runPasswordCommand(
	command: string,
	options: PasswordCommandOptions,
): Promise<string> {
	const timeoutMs = options.timeoutMs ?? 30_000;
	const { origin } = options;
	return new Promise((resolve, reject) => {
		// Not detached: a command that asks on /dev/tty (sudo, ssh) must stay in the
		// terminal's foreground process group, and Ctrl-C must reach it too.
		const child = spawn('/bin/sh', ['-c', command], {
			stdio: ['ignore', 'pipe', options.stderr ?? 'inherit'],
		});
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		// Gives up at once: a grandchild holding the pipe open must not keep us waiting.
		const fail = (message: string, hint = '') => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			options.signal?.removeEventListener('abort', onAbort);
			chunks.length = 0;
			child.stdout.destroy();
			child.kill('SIGKILL');
			reject(new SetupError(message, hint));
		};
		const timer = setTimeout(
			() =>
				fail(
					t('config.passwordCommand.timeout', { origin, seconds: timeoutMs / 1000 }),
					t('config.passwordCommand.timeout.hint'),
				),
			timeoutMs,
		);
		const onAbort = () => fail(t('config.passwordCommand.interrupted', { origin }));
		if (options.signal?.aborted) onAbort();
		else options.signal?.addEventListener('abort', onAbort, { once: true });
		child.stdout.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_OUTPUT_BYTES) fail(t('config.passwordCommand.tooMuch', { origin }));
			else chunks.push(chunk);
		});
		child.on('error', (error) =>
			fail(t('config.passwordCommand.cannotStart', { origin, detail: error.message })),
		);
		child.on('close', (code, signal) => {
			if (settled) return;
			if (code !== 0) {
				const how =
					signal === null
						? t('config.passwordCommand.exited', { origin, status: String(code) })
						: t('config.passwordCommand.killed', { origin, signal });
				return fail(how, t('config.passwordCommand.failed.hint'));
			}
			const password = firstLine(Buffer.concat(chunks).toString('utf8'));
			if (password === '')
				return fail(
					t('config.passwordCommand.nothing', { origin }),
					t('config.passwordCommand.nothing.hint'),
				);
			settled = true;
			clearTimeout(timer);
			options.signal?.removeEventListener('abort', onAbort);
			chunks.length = 0;
			resolve(password);
		});
	});
}

function firstLine(text: string): string {
	const end = text.indexOf('\n');
	const line = end === -1 ? text : text.slice(0, end);
	return line.endsWith('\r') ? line.slice(0, -1) : line;
}
