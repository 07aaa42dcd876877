/**
 * The terminal's state for a full-screen session: alternate screen, hidden
 * cursor, raw input. Entered once, restored exactly once on every way out
 * (a quit, a signal, the terminal going away, an uncaught error), with every
 * listener it added removed again. Ink 6.8 has no alternateScreen option.
 */

import { SIGNAL_EXIT_CODES } from '../../api/exit-codes.js';
import { TITLE_POP, TITLE_PUSH } from './notify-sequences.js';

/** Switch to the alternate screen, home the cursor, clear, hide the cursor. */
export const ENTER_SEQUENCE = '\x1b[?1049h\x1b[H\x1b[2J\x1b[?25l';
/** Reset attributes, show the cursor, back to the main screen (its contents intact). */
export const LEAVE_SEQUENCE = '\x1b[0m\x1b[?25h\x1b[?1049l';

/** Signals that end the session: kill, a dropped SSH link, an interrupt not seen as a key. */
export const SESSION_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

/** A signal that ends the session. */
export type SessionSignal = (typeof SESSION_SIGNALS)[number];

/** The input side, as far as the session uses it. */
export interface SessionInput {
	readonly isTTY?: boolean;
	setRawMode?(mode: boolean): unknown;
	setEncoding(encoding: BufferEncoding): unknown;
	resume(): unknown;
	pause(): unknown;
	on(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
	off(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
}

/** The output side. */
export interface SessionOutput {
	write(data: string): unknown;
	on(event: 'error', listener: (error: Error) => void): unknown;
	off(event: 'error', listener: (error: Error) => void): unknown;
}

/** The process, as far as signals and last-resort error events go (injected in tests). */
export interface SessionProcess {
	on(event: string, listener: (...args: unknown[]) => void): unknown;
	off(event: string, listener: (...args: unknown[]) => void): unknown;
	/** Ends the process at once; used when a second signal arrives while shutting down. */
	exit?(code: number): void;
}

/** Why a session ended without the app asking. */
export type SessionEnd =
	| { readonly reason: 'signal'; readonly signal: SessionSignal }
	/** The terminal went away (EIO or EPIPE on output, as after an SSH drop). */
	| { readonly reason: 'output-closed'; readonly error: Error }
	| { readonly reason: 'error'; readonly error: unknown };

/** Options of {@link openTerminalSession}. */
export interface TerminalSessionOptions {
	readonly stdin: SessionInput;
	readonly stdout: SessionOutput;
	readonly process: SessionProcess;
	/** Every input chunk, UTF-8 decoded. */
	readonly onInput: (chunk: string) => void;
	/**
	 * Called when the session ends by itself, before the terminal is restored
	 * (so the owner can unmount its screen first); restored right after regardless.
	 */
	readonly onEnd: (end: SessionEnd) => void;
	/**
	 * The screen sets the window title: the old one is pushed on the title stack
	 * on entry and popped on the way out, on every path that restores.
	 */
	readonly title?: boolean;
}

/** An open session. */
export interface TerminalSession {
	/** Restores the terminal and removes every listener. Safe to call more than once. */
	restore(): void;
	readonly restored: boolean;
}

/** Enters the full-screen session. */
export function openTerminalSession(options: TerminalSessionOptions): TerminalSession {
	const { stdin, stdout, process: proc } = options;
	let restored = false;
	const raw = stdin.isTTY === true && typeof stdin.setRawMode === 'function';

	const onData = (chunk: string | Buffer): void => {
		options.onInput(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
	};
	const end = (why: SessionEnd): void => {
		if (restored) return;
		// The owner unmounts its screen first (in the alternate screen), then restores.
		try {
			options.onEnd(why);
		} finally {
			session.restore();
		}
	};
	const onSignal = SESSION_SIGNALS.map(
		(signal) => [signal, () => end({ reason: 'signal', signal })] as const,
	);
	const onError = (error: unknown): void => end({ reason: 'error', error });
	let outputGone = false;
	const onOutputError = (error: Error): void => {
		outputGone = true;
		end({ reason: 'output-closed', error });
	};

	const session: TerminalSession = {
		get restored() {
			return restored;
		},
		restore() {
			if (restored) return;
			restored = true;
			stdin.off('data', onData);
			for (const [signal, listener] of onSignal) {
				proc.off(signal, listener);
				// Ink's signal-exit re-raises a signal once it is the last listener, which
				// would kill the process before the owner can print its summary and exit
				// with 128 + n. A standing listener prevents that; a second signal (the
				// user insisting) still ends the process at once.
				proc.on(signal, () => proc.exit?.(SIGNAL_EXIT_CODES[signal]));
			}
			proc.off('uncaughtException', onError);
			proc.off('unhandledRejection', onError);
			try {
				if (raw) stdin.setRawMode?.(false);
				stdin.pause();
			} catch {
				// The terminal may already be gone (SSH dropped); nothing left to restore.
			}
			try {
				stdout.write(options.title === true ? TITLE_POP + LEAVE_SEQUENCE : LEAVE_SEQUENCE);
			} catch {
				// As above: a closed terminal cannot be written to, and needs no restoring.
			}
			stdout.off('error', onOutputError);
			// A dead terminal keeps failing late writes; swallow those rather than crash.
			if (outputGone) stdout.on('error', ignore);
		},
	};

	for (const [signal, listener] of onSignal) proc.on(signal, listener);
	proc.on('uncaughtException', onError);
	proc.on('unhandledRejection', onError);
	stdout.on('error', onOutputError);
	stdout.write(options.title === true ? ENTER_SEQUENCE + TITLE_PUSH : ENTER_SEQUENCE);
	if (raw) stdin.setRawMode?.(true);
	stdin.setEncoding('utf8');
	stdin.on('data', onData);
	stdin.resume();
	return session;
}

function ignore(): void {}
