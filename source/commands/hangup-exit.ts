import { isatty } from 'node:tty';

/** The part of the process the guard uses (tests may pass a fake). */
export interface HangupExitProcess {
	readonly pid: number;
	on(event: 'exit', listener: () => void): unknown;
	off(event: 'exit', listener: () => void): unknown;
	removeAllListeners(event: 'SIGHUP'): unknown;
	kill(pid: number, signal: 'SIGHUP'): unknown;
}

/**
 * Node 20 puts the terminal modes of stdin, stdout and stderr back in a hook
 * that runs after every `exit`, and aborts when that fails (SIGABRT: a core
 * dump, which may hold the password, instead of the exit code asked for).
 * It fails whenever the terminal has hung up, i.e. every time an SSH
 * connection drops under umwatch (nodejs/node#51519, fixed only in later
 * release lines). Installed once at start, this ends such an exit by
 * SIGHUP's default action instead, which runs no hook and which a shell
 * reports as the same 129. Returns the uninstaller.
 */
export function guardExitAfterHangup(
	proc: HangupExitProcess,
	isTerminal: (fd: number) => boolean = isatty,
): () => void {
	const terminals = [0, 1, 2].filter((fd) => isTerminal(fd));
	const onExit = (): void => {
		// A terminal we started on that no longer answers as one has hung up (EIO).
		if (terminals.every((fd) => isTerminal(fd))) return;
		proc.removeAllListeners('SIGHUP');
		proc.kill(proc.pid, 'SIGHUP');
	};
	proc.on('exit', onExit);
	return () => {
		proc.off('exit', onExit);
	};
}
