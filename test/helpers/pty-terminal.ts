// A real pseudo-terminal with a headless xterm attached: what a person would see.
//
// node-pty runs the program exactly as a terminal would (isTTY, raw mode, SIGWINCH);
// @xterm/headless parses every byte the program writes into a screen with cells,
// colours and modes. Tests read the screen, and the raw bytes for what must never be
// sent at all (OSC 52, clear-screen), instead of guessing from strings.
import type { Terminal as XTerm } from '@xterm/headless';
import xtermHeadless from '@xterm/headless';
import type { IPty } from 'node-pty';
import { spawn } from 'node-pty';
import { type CellColour, describeCell } from './pty-cell.js';
import { baseEnv, type EnvOptions, ensureSpawnHelperExecutable } from './pty-env.js';

export type { CellColour } from './pty-cell.js';

// The package is CommonJS; only its default export exists at run time.
const { Terminal } = xtermHeadless;

ensureSpawnHelperExecutable();

/** How to start a program in a pseudo-terminal (environment: see `baseEnv`). */
export interface PtyTerminalOptions extends EnvOptions {
	readonly command: string;
	readonly args?: readonly string[];
	readonly cols: number;
	readonly rows: number;
	readonly cwd?: string;
}

/** How a program in the pseudo-terminal ended. */
export interface PtyExit {
	readonly exitCode: number;
	/** The signal number that ended it, or undefined when it exited by itself. */
	readonly signal: number | undefined;
}

/** Options for the wait helpers. */
export interface WaitOptions {
	/** A generous deadline for a real process on a busy machine. */
	readonly timeoutMs?: number;
}

interface Waiter {
	readonly check: () => boolean;
	readonly resolve: () => void;
	readonly reject: (error: Error) => void;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** A program running in a pseudo-terminal, with the screen it has drawn. */
export class PtyTerminal {
	readonly cols: number;
	readonly rows: number;
	/** Resolves once the program has ended and every byte it wrote has been parsed. */
	readonly exit: Promise<PtyExit>;
	readonly #pty: IPty;
	readonly #xterm: XTerm;
	readonly #chunks: Buffer[] = [];
	readonly #waiters = new Set<Waiter>();
	#byteCount = 0;
	#exited: PtyExit | undefined;
	#disposed = false;
	#currentCols: number;
	#currentRows: number;

	constructor(options: PtyTerminalOptions) {
		this.cols = options.cols;
		this.rows = options.rows;
		this.#currentCols = options.cols;
		this.#currentRows = options.rows;
		// No scrollback: the question is what is on the screen, and a program that
		// scrolls shows up as a header missing from the top line.
		this.#xterm = new Terminal({
			cols: options.cols,
			rows: options.rows,
			scrollback: 0,
			allowProposedApi: true,
		});
		this.#pty = spawn(options.command, [...(options.args ?? [])], {
			name: 'xterm-256color',
			cols: options.cols,
			rows: options.rows,
			cwd: options.cwd ?? process.cwd(),
			env: baseEnv(options),
			encoding: null,
		});
		this.#pty.onData((data) => this.#receive(data));
		this.exit = new Promise<PtyExit>((resolve) => {
			this.#pty.onExit(({ exitCode, signal }) => {
				const finish = () => {
					this.#exited = { exitCode, signal: signal === 0 ? undefined : signal };
					resolve(this.#exited);
					this.#settleWaiters();
				};
				// Let xterm parse what is queued before anyone looks at the final screen.
				if (this.#disposed) finish();
				else this.#xterm.write('', finish);
			});
		});
	}

	/** The child's process id. */
	get pid(): number {
		return this.#pty.pid;
	}

	/** The current size (after any resize). */
	get size(): { cols: number; rows: number } {
		return { cols: this.#currentCols, rows: this.#currentRows };
	}

	/** How many bytes the program has written to the terminal so far. */
	get bytesWritten(): number {
		return this.#byteCount;
	}

	/** Every byte the program has written, exactly as sent. */
	rawBytes(): Buffer {
		return Buffer.concat(this.#chunks);
	}

	/** Everything the program has written, decoded as UTF-8. */
	rawText(): string {
		return this.rawBytes().toString('utf8');
	}

	/**
	 * What the program wrote after the first `byteMark` bytes (a `bytesWritten`
	 * reading), decoded as UTF-8. Marks count bytes, not string characters.
	 */
	rawTextSince(byteMark: number): string {
		return this.rawBytes().subarray(byteMark).toString('utf8');
	}

	/** The exit, once it has happened. */
	get exited(): PtyExit | undefined {
		return this.#exited;
	}

	/** The visible lines, top to bottom, each right-trimmed. */
	screenText(): string[] {
		const buffer = this.#xterm.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < this.#currentRows; y++) {
			// Clipped to the width: after a narrowing resize xterm keeps the old cells
			// beyond the edge (for reflow), but nobody can see them.
			const line = buffer.getLine(buffer.viewportY + y);
			lines.push(line?.translateToString(true, 0, this.#currentCols) ?? '');
		}
		return lines;
	}

	/** The visible screen as one string, for error messages and reports. */
	screenDump(): string {
		const lines = this.screenText();
		const width = String(lines.length).length;
		return lines.map((line, i) => `${String(i).padStart(width)}|${line}`).join('\n');
	}

	/** Whether the program is drawing on the alternate screen. */
	isAlternateScreen(): boolean {
		return this.#xterm.buffer.active.type === 'alternate';
	}

	/**
	 * Whether the cursor is shown: the last DECTCEM (`ESC[?25h` / `ESC[?25l`) the
	 * program sent wins; a program that never hid it leaves it visible.
	 */
	cursorVisible(): boolean {
		const text = this.rawText();
		return text.lastIndexOf('\u001B[?25h') >= text.lastIndexOf('\u001B[?25l');
	}

	/** The colour and attributes of the cell at column x, row y (0-based, visible screen). */
	cellAt(x: number, y: number): CellColour {
		const buffer = this.#xterm.buffer.active;
		const cell = buffer.getLine(buffer.viewportY + y)?.getCell(x);
		if (cell === undefined) throw new Error(`no cell at ${x},${y}`);
		return describeCell(cell);
	}

	/** The column where `text` starts on row y, or -1 (wide characters counted as 2). */
	columnOf(text: string, y: number): number {
		const buffer = this.#xterm.buffer.active;
		const line = buffer.getLine(buffer.viewportY + y);
		if (line === undefined) return -1;
		// Walk the cells, because string indexes and columns differ for wide text.
		let joined = '';
		const columns: number[] = [];
		for (let x = 0; x < line.length; x++) {
			const chars = line.getCell(x)?.getChars() ?? '';
			if (chars === '' && (line.getCell(x)?.getWidth() ?? 1) === 0) continue;
			for (const _ of chars === '' ? ' ' : chars) columns.push(x);
			joined += chars === '' ? ' ' : chars;
		}
		const index = joined.indexOf(text);
		return index < 0 ? -1 : (columns[index] ?? -1);
	}

	/** Types bytes into the terminal, as a keyboard would. */
	write(data: string): void {
		this.#pty.write(data);
	}

	/** Resizes the pseudo-terminal (the program gets SIGWINCH) and the screen with it. */
	resize(cols: number, rows: number): void {
		this.#currentCols = cols;
		this.#currentRows = rows;
		this.#xterm.resize(cols, rows);
		this.#pty.resize(cols, rows);
	}

	/** Sends a signal to the program. */
	kill(signal: NodeJS.Signals = 'SIGTERM'): void {
		if (this.#exited === undefined) this.#pty.kill(signal);
	}

	/** Resolves when some visible line contains `text` (or matches the pattern). */
	waitForText(text: string | RegExp, options: WaitOptions = {}): Promise<void> {
		const matches = (line: string) =>
			typeof text === 'string' ? line.includes(text) : text.test(line);
		return this.waitFor(() => this.screenText().some(matches), {
			...options,
			what: `text ${String(text)}`,
		});
	}

	/** Resolves when no visible line contains `text`. */
	waitForNoText(text: string, options: WaitOptions = {}): Promise<void> {
		return this.waitFor(() => !this.screenText().some((line) => line.includes(text)), {
			...options,
			what: `no text ${text}`,
		});
	}

	/**
	 * Resolves when `predicate` holds, checked now and after every chunk the program
	 * writes (never in the middle of a synchronized frame). Rejects with the screen
	 * at the deadline or when the program ends first.
	 */
	waitFor(predicate: () => boolean, options: WaitOptions & { what?: string } = {}): Promise<void> {
		const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
		const what = options.what ?? 'condition';
		return new Promise<void>((resolve, reject) => {
			const fail = (reason: string) =>
				new Error(`${reason} waiting for ${what}. Screen:\n${this.screenDump()}`);
			const timer = setTimeout(() => {
				this.#waiters.delete(waiter);
				reject(fail(`timed out after ${timeoutMs} ms`));
			}, timeoutMs);
			const waiter: Waiter = {
				check: predicate,
				resolve: () => {
					clearTimeout(timer);
					resolve();
				},
				reject: (error) => {
					clearTimeout(timer);
					reject(error);
				},
			};
			if (!this.#midFrame() && predicate()) {
				waiter.resolve();
				return;
			}
			if (this.#exited !== undefined) {
				waiter.reject(fail(`program exited (${JSON.stringify(this.#exited)})`));
				return;
			}
			this.#waiters.add(waiter);
		});
	}

	/** Ends the program (SIGKILL if it still runs) and frees the screen. Safe to call twice. */
	dispose(): void {
		if (this.#disposed) return;
		this.#disposed = true;
		if (this.#exited === undefined) {
			try {
				this.#pty.kill('SIGKILL');
			} catch {
				// Already gone between the check and the kill.
			}
		}
		for (const waiter of this.#waiters) waiter.reject(new Error('terminal disposed'));
		this.#waiters.clear();
		this.#xterm.dispose();
	}

	#receive(data: Buffer | string): void {
		const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
		this.#chunks.push(chunk);
		this.#byteCount += chunk.length;
		if (this.#disposed) return;
		this.#xterm.write(chunk, () => this.#settleWaiters());
	}

	/**
	 * True while the program is inside a synchronized update (`ESC[?2026h` … `l`):
	 * a frame that arrives in several chunks is only looked at once it is whole.
	 */
	#midFrame(): boolean {
		return this.#exited === undefined && this.#xterm.modes.synchronizedOutputMode;
	}

	#settleWaiters(): void {
		if (this.#midFrame()) return;
		for (const waiter of this.#waiters) {
			let done = false;
			try {
				done = waiter.check();
			} catch (error) {
				this.#waiters.delete(waiter);
				waiter.reject(error instanceof Error ? error : new Error(String(error)));
				continue;
			}
			if (done) {
				this.#waiters.delete(waiter);
				waiter.resolve();
			} else if (this.#exited !== undefined) {
				this.#waiters.delete(waiter);
				waiter.reject(
					new Error(
						`program exited (${JSON.stringify(this.#exited)}) before the condition held. Screen:\n${this.screenDump()}`,
					),
				);
			}
		}
	}
}

/** Starts a program in a pseudo-terminal. Dispose it in afterEach. */
export function openPtyTerminal(options: PtyTerminalOptions): PtyTerminal {
	return new PtyTerminal(options);
}
