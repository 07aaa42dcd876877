import { openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import { t } from '../i18n/t.js';
import type { TerminalInput, TerminalOutput } from './prompt.js';

/** The controlling terminal, for prompts and for the live view's keys. */
export interface Terminal {
	readonly input: TerminalInput & NodeJS.ReadableStream;
	readonly output: TerminalOutput;
	/** Releases what {@link openTerminal} opened (never closes our own stdin or stderr). */
	close(): void;
}

/** The process's standard streams, injected so tests can pretend. */
export interface StandardStreams {
	readonly stdin: NodeJS.ReadStream;
	readonly stderr: NodeJS.WriteStream;
}

/**
 * Finds the terminal to talk to: standard input and standard error when they
 * are terminals, else `/dev/tty` (so `curl … | umwatch` can still ask for a
 * password and read keys). Returns the reason as a string when there is none.
 */
export function openTerminal(streams: StandardStreams): Terminal | string {
	let input: (TerminalInput & NodeJS.ReadableStream) | null = streams.stdin.isTTY
		? streams.stdin
		: null;
	let output: TerminalOutput | null = streams.stderr.isTTY ? streams.stderr : null;
	const opened: Array<{ destroy(): void }> = [];
	try {
		if (input === null) {
			const stream = new ReadStream(openSync('/dev/tty', 'r'));
			opened.push(stream);
			input = stream;
		}
		if (output === null) {
			const stream = new WriteStream(openSync('/dev/tty', 'w'));
			opened.push(stream);
			output = stream;
		}
	} catch (error) {
		for (const stream of opened) stream.destroy();
		const code =
			typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
		return code === '' ? t('config.noTerminal') : t('config.noTerminalCode', { code });
	}
	return {
		input,
		output,
		close() {
			for (const stream of opened) stream.destroy();
		},
	};
}

/** A terminal to read keys from, and how to let it go again. */
export interface Keyboard {
	readonly input: NodeJS.ReadStream;
	close(): void;
}

/**
 * The live view's key source: standard input when it is a terminal, else the
 * controlling terminal opened as `/dev/tty` (so `… | umwatch` still works).
 * Returns the reason as a string when neither is available.
 */
export function openKeyboard(stdin: NodeJS.ReadStream): Keyboard | string {
	if (stdin.isTTY) return { input: stdin, close() {} };
	try {
		const stream = new ReadStream(openSync('/dev/tty', 'r'));
		return { input: stream as unknown as NodeJS.ReadStream, close: () => stream.destroy() };
	} catch (error) {
		const code =
			typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
		return code === '' ? t('config.noKeyboard') : t('config.noKeyboardCode', { code });
	}
}
