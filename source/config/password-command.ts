import { spawn } from 'node:child_process';
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
			reject(new SetupError(`the password command (${options.origin}) ${message}`, hint));
		};
		const timer = setTimeout(
			() => fail(`did not finish within ${timeoutMs / 1000} s`, 'is it waiting for input?'),
			timeoutMs,
		);
		const onAbort = () => fail('was interrupted');
		if (options.signal?.aborted) onAbort();
		else options.signal?.addEventListener('abort', onAbort, { once: true });
		child.stdout.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_OUTPUT_BYTES) fail('printed far more than a password');
			else chunks.push(chunk);
		});
		child.on('error', (error) => fail(`could not start: ${error.message}`));
		child.on('close', (code, signal) => {
			if (settled) return;
			if (code !== 0) {
				const how = signal === null ? `exited with status ${code}` : `was killed by ${signal}`;
				return fail(how, 'run it yourself to see why');
			}
			const password = firstLine(Buffer.concat(chunks).toString('utf8'));
			if (password === '')
				return fail('printed nothing', 'it must print the password on standard output');
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
