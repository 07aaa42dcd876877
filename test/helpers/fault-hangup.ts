// umwatch in a pseudo-terminal whose master side a test can close, as sshd does
// when the connection drops (the kernel then sends SIGHUP and the terminal
// answers EIO), plus a look at which processes are left in its session.
import { readdirSync, readFileSync } from 'node:fs';
import { type IPty, spawn } from 'node-pty';
import { ensureBuilt, repoRoot } from './pty-app.js';
import { baseEnv } from './pty-env.js';

/** How a hung-up program ended. */
export interface HangupExit {
	readonly exitCode: number;
	readonly signal: number | undefined;
}

/** A running umwatch whose terminal can be hung up. */
export interface HangupApp {
	readonly pid: number;
	/** Everything written to the terminal so far, as text. */
	output(): string;
	readonly exit: Promise<HangupExit>;
	/** Closes the terminal's master side and sends SIGHUP: the SSH connection dropping. */
	hangUp(): void;
	/** Sends a signal to the program alone (the terminal stays). */
	kill(signal: NodeJS.Signals): void;
	/** Types into the terminal. */
	write(data: string): void;
	/** Kills the program if it still runs. */
	dispose(): void;
}

/** Starts the bundled umwatch with `args` in an 80×24 pseudo-terminal. */
export function startHangupApp(
	args: readonly string[],
	env: Readonly<Record<string, string>> = {},
): HangupApp {
	const chunks: Buffer[] = [];
	const pty: IPty = spawn(process.execPath, [ensureBuilt(), ...args], {
		name: 'xterm-256color',
		cols: 80,
		rows: 24,
		cwd: repoRoot,
		env: baseEnv({ env }),
		encoding: null,
	});
	let exited = false;
	pty.onData((data) => {
		chunks.push(typeof data === 'string' ? Buffer.from(data) : data);
	});
	const exit = new Promise<HangupExit>((resolve) => {
		pty.onExit(({ exitCode, signal }) => {
			exited = true;
			resolve({ exitCode, signal: signal === 0 ? undefined : signal });
		});
	});
	return {
		pid: pty.pid,
		output: () => Buffer.concat(chunks).toString('utf8'),
		exit,
		hangUp: () => (pty as IPty & { destroy(): void }).destroy(),
		kill: (signal) => {
			if (!exited) process.kill(pty.pid, signal);
		},
		write: (data) => pty.write(data),
		dispose: () => {
			if (exited) return;
			try {
				process.kill(pty.pid, 'SIGKILL');
			} catch {
				// Gone already.
			}
		},
	};
}

/**
 * Every process in the session `sid` (the pty child is a session leader, so its
 * pid is the session id): whatever it started, however deep, unless something
 * called setsid itself. Read from /proc (Linux).
 */
export function sessionMembers(sid: number): number[] {
	const members: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // Ended while we looked.
		}
		// `pid (comm) state ppid pgrp session …`; comm may hold spaces and parentheses.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(fields[3]) === sid && fields[0] !== 'Z') members.push(Number(entry));
	}
	return members.sort((a, b) => a - b);
}

/** The command line of a process, for messages. */
export function commandLine(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
	} catch {
		return '(gone)';
	}
}
