/** The signals umwatch ends on, with the shell's 128 + n exit codes. */
const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** Which signal arrived (if any), and the signal that fires for it. */
export interface Interrupts {
	readonly signal: AbortSignal;
	/** The exit code for the signal received, or null when none came. */
	exitCode(): number | null;
	/** Removes the handlers (the live view installs its own). */
	dispose(): void;
}

/**
 * Turns SIGINT, SIGTERM and SIGHUP into an abort: the running mode closes its
 * connections, children and servers and returns, and the process exits with
 * 130, 143 or 129, quietly. A second signal while winding down exits at once.
 */
export function handleInterrupts(
	process: Pick<NodeJS.Process, 'on' | 'removeListener' | 'exit'>,
): Interrupts {
	const controller = new AbortController();
	let received: number | null = null;
	const handlers = new Map<NodeJS.Signals, () => void>();
	for (const [name, code] of Object.entries(SIGNAL_CODES) as [NodeJS.Signals, number][]) {
		const handler = () => {
			if (received !== null) process.exit(received);
			received = code;
			controller.abort(new Error(`interrupted by ${name}`));
		};
		handlers.set(name, handler);
		process.on(name, handler);
	}
	return {
		signal: controller.signal,
		exitCode: () => received,
		dispose() {
			for (const [name, handler] of handlers) process.removeListener(name, handler);
			handlers.clear();
		},
	};
}
