import { SIGNAL_EXIT_CODES } from '../api/exit-codes.js';
import { describeStartupFailure } from './failure.js';

/** The signals umwatch ends on, with the shell's 128 + n exit codes. */
const SIGNAL_CODES = SIGNAL_EXIT_CODES;

/** Which signal arrived (if any), and the signal that fires for it. */
export interface Interrupts {
	readonly signal: AbortSignal;
	/** The exit code for the signal received, or null when none came. */
	exitCode(): number | null;
	/** Removes every handler (the live view installs its own, and restores the terminal first). */
	dispose(): void;
}

/** The parts of `process` the guards use (a fake in tests). */
export interface GuardedProcess {
	on(event: string, listener: (...args: unknown[]) => void): unknown;
	removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
	exit(code: number): unknown;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly stderr: { write(text: string): unknown };
}

/**
 * Guards the non-interactive modes. SIGINT, SIGTERM and SIGHUP become an
 * abort: the running mode closes its connections, children and servers and
 * returns, and the process exits with 130, 143 or 129, quietly; a second
 * signal while winding down exits at once. An error that escapes everything
 * (an uncaught exception or rejection) is one line and exit 1, with the stack
 * only when UMWATCH_DEBUG is set.
 */
export function handleInterrupts(process: GuardedProcess): Interrupts {
	const controller = new AbortController();
	let received: number | null = null;
	const handlers: [string, (...args: unknown[]) => void][] = [];
	for (const [name, code] of Object.entries(SIGNAL_CODES)) {
		handlers.push([
			name,
			() => {
				if (received !== null) {
					process.exit(received);
					return;
				}
				received = code;
				controller.abort(new Error(`interrupted by ${name}`));
			},
		]);
	}
	const lastResort = (error: unknown) => {
		process.stderr.write(describeStartupFailure(error, process.env).text);
		process.exit(1);
	};
	handlers.push(['uncaughtException', lastResort], ['unhandledRejection', lastResort]);
	for (const [event, handler] of handlers) process.on(event, handler);
	return {
		signal: controller.signal,
		exitCode: () => received,
		dispose() {
			for (const [event, handler] of handlers) process.removeListener(event, handler);
			handlers.length = 0;
		},
	};
}
