import type { Environment } from '../config/paths.js';

/**
 * The process's edges as every command sees them, injected so the command
 * line is the only place that touches `process`.
 */
export interface CommandIo {
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WriteStream;
	readonly env: Environment;
	/** Fires on SIGINT, SIGTERM or SIGHUP (see signals.ts); the running mode winds down. */
	readonly signal: AbortSignal;
}

/** Writes one line to standard error, prefixed like every umwatch message. */
export function say(io: Pick<CommandIo, 'stderr'>, line: string): void {
	io.stderr.write(`umwatch: ${line}\n`);
}
