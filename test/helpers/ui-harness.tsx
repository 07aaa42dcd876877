import { EventEmitter } from 'node:events';
import chalk from 'chalk';
import { render } from 'ink';
import type { Snapshot } from '../../source/engine/types.js';
import type { SortOrder } from '../../source/present/sort.js';
import { App } from '../../source/ui/App.js';
import type { Alerts } from '../../source/ui/alerts/alerts.js';
import { createInputDecoder, ESCAPE_TIMEOUT_MS } from '../../source/ui/terminal/input-decoder.js';
import { createKeyHub } from '../../source/ui/terminal/key-source.js';
import { INK_RENDER_MODE } from '../../source/ui/terminal/terminal-output.js';
import type { Reconnector } from '../../source/ui/use-recovery.js';
import { stripAnsi } from './ansi.js';
import { FakeClock } from './fake-clock.js';
import { settle } from './settle.js';
import { FakeEngine } from './ui-fake-engine.js';
import { makeSnapshot } from './ui-fixtures.js';

// Ink draws colour through chalk, which sees no terminal in a test worker and
// would drop every SGR code; basic 16 colours make the codes checkable.
chalk.level = 1;

/** A terminal output stream with a size, recording every write. */
export class FakeStdout extends EventEmitter {
	columns: number;
	rows: number;
	readonly isTTY = true;
	readonly writes: string[] = [];
	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}
	write(data: string): boolean {
		this.writes.push(data);
		return true;
	}
}

/** A terminal input stream: records raw mode and lets a test emit data. */
export class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	readonly rawModes: boolean[] = [];
	encoding: string | null = null;
	paused = true;
	setRawMode(mode: boolean): this {
		this.rawModes.push(mode);
		return this;
	}
	setEncoding(encoding: string): this {
		this.encoding = encoding;
		return this;
	}
	resume(): this {
		this.paused = false;
		return this;
	}
	pause(): this {
		this.paused = true;
		return this;
	}
	ref(): this {
		return this;
	}
	unref(): this {
		return this;
	}
	read(): null {
		return null;
	}
}

/** A rendered App with a fake engine, clock and terminal. */
export interface UiHarness {
	readonly engine: FakeEngine;
	readonly clock: FakeClock;
	readonly stdout: FakeStdout;
	/** How many times the App asked to quit. */
	readonly quits: number;
	/** The last frame, raw (with SGR codes). */
	rawFrame(): string;
	/** The last frame without escape codes, trailing spaces trimmed per line. */
	frame(): string;
	/** The last frame's lines (plain). */
	lines(): string[];
	/** Every frame written so far (raw). */
	frames(): string[];
	/** Feeds raw terminal input, then lets React render. */
	press(...chunks: string[]): Promise<void>;
	/**
	 * Advances the fake clock timer by timer, letting React render (and
	 * re-arm the shared clock) after each, as real time would.
	 */
	advance(ms: number): Promise<void>;
	/** Resizes the terminal. */
	resize(columns: number, rows: number): Promise<void>;
	/** Replaces parts of the engine's snapshot. */
	update(next: Partial<Snapshot>): Promise<void>;
	unmount(): void;
}

/** Options of {@link renderApp}. */
export interface HarnessOptions {
	readonly snapshot?: Snapshot;
	readonly columns?: number;
	readonly rows?: number;
	readonly color?: boolean;
	readonly ascii?: boolean;
	readonly insecure?: boolean;
	readonly now?: number;
	/** What `r` reconnects with after a failed login or certificate. */
	readonly reconnector?: Reconnector;
	/** Marks, unseen failures, bell and desktop notifications (`m`, `x`, `b`, `B`). */
	readonly alerts?: Alerts;
	/** The order the list starts in (`--sort`). */
	readonly sort?: SortOrder;
	/** The engine to render (a FakeEngine subclass that does more); default a plain FakeEngine. */
	readonly engine?: FakeEngine;
}

/** A fixed "now" for tests: 2026-03-04 12:00:00 local time. */
export const TEST_NOW = new Date(2026, 2, 4, 12, 0, 0).getTime();

/**
 * Renders the App with Ink's own render() in the screen's render mode (debug:
 * every frame written whole; Ink's linear renderer) into a fake terminal of
 * the given size. The frames are exactly what the output stage receives.
 */
export async function renderApp(options: HarnessOptions = {}): Promise<UiHarness> {
	const engine = options.engine ?? new FakeEngine(options.snapshot ?? makeSnapshot([]));
	const clock = new FakeClock(options.now ?? TEST_NOW);
	const stdout = new FakeStdout(options.columns ?? 80, options.rows ?? 24);
	const stdin = new FakeStdin();
	const hub = createKeyHub();
	const decoder = createInputDecoder((key) => hub.emit(key), clock);
	let quits = 0;
	const instance = render(
		<App
			engine={engine}
			host="um01.example.com"
			insecure={options.insecure ?? false}
			color={options.color ?? true}
			ascii={options.ascii ?? false}
			keys={hub}
			stdout={stdout}
			clock={clock}
			onQuit={() => {
				quits++;
			}}
			{...(options.reconnector === undefined ? {} : { reconnector: options.reconnector })}
			{...(options.alerts === undefined ? {} : { alerts: options.alerts })}
			{...(options.sort === undefined ? {} : { sort: options.sort })}
		/>,
		{
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			...INK_RENDER_MODE,
			exitOnCtrlC: false,
			patchConsole: false,
		},
	);
	await settle();
	const frames = (): string[] =>
		stdout.writes.filter((w) => !w.startsWith('\x1b]') && !w.startsWith('\x1b[?25'));
	const rawFrame = (): string => frames().at(-1) ?? '';
	const frame = (): string =>
		stripAnsi(rawFrame())
			.split('\n')
			.map((line) => line.trimEnd())
			.join('\n');
	return {
		engine,
		clock,
		stdout,
		get quits() {
			return quits;
		},
		rawFrame,
		frame,
		lines: () => frame().split('\n'),
		frames,
		async press(...chunks) {
			for (const chunk of chunks) {
				decoder.push(chunk);
				await settle();
			}
		},
		async advance(ms) {
			const end = clock.now() + ms;
			for (let due = clock.nextTimerAt(); due !== null && due <= end; due = clock.nextTimerAt()) {
				clock.tick(due - clock.now());
				await settle();
			}
			clock.tick(end - clock.now());
			await settle();
		},
		async resize(columns, rows) {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
			await settle();
		},
		async update(next) {
			engine.set(next);
			await settle();
		},
		unmount() {
			decoder.dispose();
			instance.unmount();
			instance.cleanup();
		},
	};
}

/** Presses Escape: ESC, then the decoder's timeout with nothing after it. */
export async function pressEscape(harness: UiHarness): Promise<void> {
	await harness.press('\x1b');
	await harness.advance(ESCAPE_TIMEOUT_MS);
}
