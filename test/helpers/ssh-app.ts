// umwatch on the test's own sshd (sshd.ts), reached with `ssh -tt` from a local
// pseudo-terminal, and the remote processes found in /proc (the server is this
// machine) by a marker in their environment.
import { readdirSync, readFileSync } from 'node:fs';
import { ensureBuilt } from './pty-app.js';
import { openPtyTerminal, type PtyTerminal } from './pty-terminal.js';
import { SSH, type Sshd, shellQuote } from './sshd.js';

/** How to start umwatch on the server through `ssh -tt`. */
export interface SshAppOptions {
	readonly args: readonly string[];
	readonly cols?: number;
	readonly rows?: number;
	/** The local environment ssh runs in (TERM and LANG default as in pty-env). */
	readonly env?: Readonly<Record<string, string>>;
	/**
	 * Variables ssh forwards (SendEnv). Default: LANG and LC_*, as Debian's
	 * /etc/ssh/ssh_config sends them; without a UTF-8 locale umwatch draws ASCII.
	 */
	readonly sendEnv?: readonly string[];
}

/** A remote umwatch seen through a local ssh in a pseudo-terminal. */
export interface SshApp {
	/** The local terminal; `term.pid` is the ssh client. */
	readonly term: PtyTerminal;
	/** In the remote umwatch's environment, to find its process in /proc. */
	readonly marker: string;
}

let markerCount = 0;

/** What a stock Debian ssh client forwards (ssh_config: `SendEnv LANG LC_*`). */
const DEFAULT_SEND_ENV: readonly string[] = ['LANG', 'LC_*'];

/** The remote command line that runs the built binary with Node, absolute paths. */
export function remoteUmwatch(args: readonly string[], marker?: string): string {
	const words = [process.execPath, ensureBuilt(), ...args].map(shellQuote);
	return [...(marker === undefined ? [] : ['env', `UMWATCH_E2E_MARK=${marker}`]), ...words].join(
		' ',
	);
}

/**
 * Starts `ssh -tt host node …/umwatch.js ARGS` in a local pseudo-terminal (80×24
 * unless told). Dispose `term` in afterEach (it kills the ssh client).
 */
export function startSshApp(sshd: Sshd, options: SshAppOptions): SshApp {
	markerCount += 1;
	const marker = `${process.pid}-${markerCount}-${Date.now()}`;
	const term = openPtyTerminal({
		command: SSH,
		args: [
			...sshd.sshArgs({ tty: true, sendEnv: options.sendEnv ?? DEFAULT_SEND_ENV }),
			remoteUmwatch(options.args, marker),
		],
		cols: options.cols ?? 80,
		rows: options.rows ?? 24,
		env: { HOME: sshd.dir, ...options.env },
	});
	return { term, marker };
}

/** Process ids whose environment holds the marker (this machine is the server). */
export function markedProcesses(marker: string): number[] {
	const wanted = `UMWATCH_E2E_MARK=${marker}`;
	const pids: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
			if (environ.includes(wanted)) pids.push(Number(entry));
		} catch {
			// Gone while we looked, or a zombie: nothing to read.
		}
	}
	return pids;
}

/** The environment of a running process, from /proc. */
export function processEnv(pid: number): Record<string, string> {
	const env: Record<string, string> = {};
	for (const entry of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
		const at = entry.indexOf('=');
		if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
	}
	return env;
}
