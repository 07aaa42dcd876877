import type { Readable, Writable } from 'node:stream';
import type { Clock } from '../time/clock.js';

/** A stream the output modes write to; `isTTY` and `columns` decide the format. */
export type OutputStream = Writable & {
	readonly isTTY?: boolean | undefined;
	readonly columns?: number | undefined;
};

/** A stream `wait -` reads an AIQUM 202 body from. */
export type InputStream = Readable & { readonly isTTY?: boolean | undefined };

/**
 * Everything a scripting mode touches outside its arguments, injected so tests
 * can run each mode against fake streams and a fake clock. The CLI passes the
 * process's own streams, environment and an AbortSignal that fires on SIGINT.
 */
export interface OutputIo {
	readonly stdout: OutputStream;
	readonly stderr: OutputStream;
	readonly stdin?: InputStream;
	/** The environment (NO_COLOR is honoured); `process.env` in the CLI. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Elapsed times and the progress line; the system clock by default. */
	readonly clock?: Clock;
	/** Fires when the user interrupts (SIGINT): the mode stops and returns 130. */
	readonly signal?: AbortSignal;
	/** IANA time zone for printed times (tests pin it); the process's local zone by default. */
	readonly timeZone?: string;
}

/** Whether colour may be used on `stream`: asked for, a terminal, and NO_COLOR not set. */
export function colorAllowed(color: boolean, stream: OutputStream, env?: OutputIo['env']): boolean {
	const noColor = env?.NO_COLOR;
	return color && stream.isTTY === true && (noColor === undefined || noColor === '');
}
