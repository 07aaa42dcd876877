import { t } from '../i18n/t.js';
import { SetupError } from './errors.js';

/** A terminal input as the prompt needs it: a readable stream that can switch raw mode. */
export interface TerminalInput {
	setRawMode(mode: boolean): unknown;
	readonly isRaw?: boolean;
	on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
	on(event: 'end' | 'close', listener: () => void): unknown;
	removeListener(event: string, listener: (...args: never[]) => void): unknown;
	resume(): unknown;
	pause(): unknown;
}

/** Where the prompt text goes (the terminal, never standard output). */
export interface TerminalOutput {
	write(text: string): unknown;
}

/** The user pressed Ctrl-C at a prompt: the command line exits 130 quietly. */
export class PromptCancelled extends Error {
	override readonly name = 'PromptCancelled';
	constructor() {
		super('cancelled');
	}
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const BACKSPACE = '\u007F';
const CTRL_H = '\b';
const ESC = '\u001B';

/**
 * Asks for a secret with echo off: writes `label` to `output`, reads from
 * `input` in raw mode until Enter, honours Backspace, Ctrl-U (clear) and
 * Ctrl-C (throws {@link PromptCancelled}), and ignores escape sequences
 * (arrow keys). Raw mode is restored on every way out. The secret is never
 * echoed, not even as asterisks (their count would reveal its length).
 */
export function promptHidden(
	input: TerminalInput,
	output: TerminalOutput,
	label: string,
): Promise<string> {
	return new Promise((resolve, reject) => {
		const wasRaw = input.isRaw === true;
		let typed: string[] = [];
		let inEscape = false;
		const finish = (error: Error | null) => {
			input.removeListener('data', onData);
			input.removeListener('end', onEnd);
			input.setRawMode(wasRaw);
			input.pause();
			output.write('\n');
			const secret = typed.join('');
			typed = [];
			if (error === null) resolve(secret);
			else reject(error);
		};
		const onEnd = () => finish(new SetupError(t('config.terminalClosed')));
		const onData = (chunk: Buffer | string) => {
			for (const character of String(chunk)) {
				if (character === '\r' || character === '\n') return finish(null);
				if (character === CTRL_C) return finish(new PromptCancelled());
				if (inEscape) {
					// CSI and SS3 sequences (arrow keys, function keys) end with a letter or `~`.
					if (/[A-Za-z~]/.test(character)) inEscape = false;
					continue;
				}
				if (character === CTRL_D && typed.length === 0) {
					return finish(new SetupError(t('config.noPasswordEntered')));
				}
				if (character === BACKSPACE || character === CTRL_H) typed.pop();
				else if (character === CTRL_U) typed = [];
				else if (character === ESC) inEscape = true;
				else if (character >= ' ') typed.push(character);
			}
		};
		output.write(label);
		input.setRawMode(true);
		input.on('data', onData);
		input.on('end', onEnd);
		input.resume();
	});
}

/**
 * Asks a yes/no question on the terminal (line mode); only "y" or "yes" counts
 * as yes, and "はい" too: with a Japanese input method on, that is what the
 * keys give (in any language: a yes is a yes).
 */
export function promptConfirm(
	input: TerminalInput,
	output: TerminalOutput,
	question: string,
): Promise<boolean> {
	return new Promise((resolve) => {
		let answer = '';
		const done = (yes: boolean) => {
			input.removeListener('data', onData);
			input.removeListener('end', onEnd);
			input.pause();
			resolve(yes);
		};
		const onEnd = () => done(false);
		const onData = (chunk: Buffer | string) => {
			answer += String(chunk);
			const end = answer.indexOf('\n');
			if (end === -1) return;
			done(/^\s*(y(es)?|はい)\s*$/i.test(answer.slice(0, end)));
		};
		output.write(question);
		input.on('data', onData);
		input.on('end', onEnd);
		input.resume();
	});
}
