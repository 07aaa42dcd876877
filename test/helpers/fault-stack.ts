// The whole app minus the process: the simulator on a loopback port, the real
// client over real HTTP, the real engine and the real App rendered by Ink into
// a fake terminal. Engine and screen share one fake clock, so polls, backoff,
// countdowns and staleness move only when a test says; the HTTP requests are
// real, so tests wait for real conditions with a generous deadline.
import { render } from 'ink';
import { createElement } from 'react';
import { createClient } from '../../source/api/client.js';
import type { AiqumClient, ClientOptions } from '../../source/api/types.js';
import { createEngine, type EngineOptions, type WatchEngine } from '../../source/engine/engine.js';
import {
	createSimulator,
	type Simulator,
	type SimulatorOptions,
} from '../../source/simulator/index.js';
import { App } from '../../source/ui/App.js';
import { createInputDecoder } from '../../source/ui/terminal/input-decoder.js';
import { createKeyHub } from '../../source/ui/terminal/key-source.js';
import { stripAnsi } from './ansi.js';
import { FakeClock } from './fake-clock.js';
import { FakeStdin, FakeStdout } from './ui-harness.js';
import { until } from './until.js';

/** Engine and simulator start here: 2026-11-20 10:00 in Tokyo. */
export const STACK_START = Date.UTC(2026, 10, 20, 1, 0, 0);

/** How long a test waits for a real condition before failing. */
export const STACK_DEADLINE_MS = 10_000;
const IO_PAUSE_MS = 5;

/** A running stack. */
export interface FaultStack {
	readonly sim: Simulator;
	readonly client: AiqumClient;
	readonly engine: WatchEngine;
	readonly clock: FakeClock;
	readonly stdout: FakeStdout;
	/** How many times the App asked to quit. */
	readonly quits: number;
	/** Every byte written to the terminal so far. */
	raw(): string;
	/** The last frame's lines, without escape codes, trailing spaces trimmed. */
	lines(): string[];
	/** The last frame as one string (for failure messages). */
	frame(): string;
	/** Feeds raw terminal input, then lets React render. */
	press(...chunks: string[]): Promise<void>;
	/** Waits in real time, without moving the fake clock, until `condition` holds. */
	until(condition: () => boolean, what: string): Promise<void>;
	/** Moves the fake clock in steps (real requests run between them) until `condition` holds. */
	drive(condition: () => boolean, what: string, stepMs?: number): Promise<void>;
	/** The engine's connection kind now. */
	connection(): string;
	/** Stops the engine, unmounts, closes client and server. */
	close(): Promise<void>;
}

/** Options of {@link startFaultStack}. */
export interface FaultStackOptions {
	readonly sim?: SimulatorOptions;
	readonly client?: Partial<ClientOptions>;
	readonly engine?: Partial<Omit<EngineOptions, 'client' | 'clock'>>;
	readonly columns?: number;
	readonly rows?: number;
	/** Called with the simulator before it listens (to add jobs). */
	readonly seed?: (sim: Simulator) => void;
}

/**
 * A short real pause that paces key presses and fake-time steps so the real
 * sockets (simulator, client) and Ink's renders keep up; pacing only, never
 * a check that nothing happened.
 */
function ioPause(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, IO_PAUSE_MS));
}

/**
 * Starts simulator, client, engine and App. Client timeouts are short (a hung
 * server is noticed in 300 ms of real time); the engine polls every 2 s of
 * fake time with no jitter.
 */
export async function startFaultStack(options: FaultStackOptions = {}): Promise<FaultStack> {
	const clock = new FakeClock(STACK_START);
	const sim = createSimulator({
		seed: 7,
		autoAdvance: false,
		startTime: STACK_START,
		historyJobs: 0,
		activeJobs: 0,
		ratePerMinute: 0,
		...options.sim,
	});
	options.seed?.(sim);
	await sim.listen();
	const client = createClient({
		url: sim.url,
		user: 'admin',
		password: 'admin',
		clock,
		connectTimeoutMs: 300,
		headersTimeoutMs: 300,
		bodyTimeoutMs: 300,
		...options.client,
	});
	const engine = createEngine({ client, clock, random: () => 0.5, ...options.engine });
	const stdout = new FakeStdout(options.columns ?? 100, options.rows ?? 24);
	const stdin = new FakeStdin();
	const hub = createKeyHub();
	const decoder = createInputDecoder((key) => hub.emit(key), clock);
	let quits = 0;
	engine.start();
	const instance = render(
		createElement(App, {
			engine,
			host: client.displayHost,
			insecure: false,
			color: true,
			ascii: false,
			keys: hub,
			stdout,
			clock,
			onQuit: () => {
				quits += 1;
			},
		}),
		{
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			debug: true,
			exitOnCtrlC: false,
			patchConsole: false,
		},
	);
	const frames = (): string[] =>
		stdout.writes.filter((w) => !w.startsWith('\x1b]') && !w.startsWith('\x1b[?25'));
	const frame = (): string =>
		stripAnsi(frames().at(-1) ?? '')
			.split('\n')
			.map((line) => line.trimEnd())
			.join('\n');
	const waitFor = (condition: () => boolean, what: string): Promise<void> =>
		until(condition, what, { timeoutMs: STACK_DEADLINE_MS, stepMs: IO_PAUSE_MS, detail: frame });
	let closed = false;
	const stack: FaultStack = {
		sim,
		client,
		engine,
		clock,
		stdout,
		get quits() {
			return quits;
		},
		raw: () => stdout.writes.join(''),
		lines: () => frame().split('\n'),
		frame,
		async press(...chunks) {
			for (const chunk of chunks) {
				decoder.push(chunk);
				await ioPause();
			}
		},
		until: waitFor,
		async drive(condition, what, stepMs = 250) {
			const deadline = Date.now() + STACK_DEADLINE_MS;
			while (!condition()) {
				if (Date.now() > deadline) throw new Error(`timed out driving to ${what}:\n${frame()}`);
				await clock.advance(stepMs);
				await ioPause();
			}
		},
		connection: () => engine.getSnapshot().connection.kind,
		async close() {
			if (closed) return;
			closed = true;
			await engine.stop();
			decoder.dispose();
			instance.unmount();
			instance.cleanup();
			await client.close();
			await sim.close();
		},
	};
	return stack;
}
