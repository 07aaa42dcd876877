// One end-to-end session: the fixture simulator plus umwatch watching it in a
// pseudo-terminal, with the screen checks every live-view test shares.
import { expect } from 'vitest';
import type { SimulatorOptions } from '../../source/simulator/types.js';
import { type AppOptions, startApp } from './pty-app.js';
import {
	E2E_PASSWORD,
	FIXTURE_JOB_COUNT,
	type FixtureServer,
	fixtureName,
	startFixtureServer,
} from './pty-fixtures.js';
import {
	lastNonEmptyIndex,
	lineIndexOf,
	nonEmptyLines,
	stackTraceLines,
	visibleJobNumbers,
} from './pty-screen.js';
import type { PtyTerminal } from './pty-terminal.js';

/** A running session: the server and the terminal umwatch draws in. */
export interface WatchSession {
	readonly server: FixtureServer;
	readonly term: PtyTerminal;
}

/** How to start a session. */
export interface WatchOptions {
	readonly cols?: number;
	readonly rows?: number;
	/** Poll interval in seconds (default 1). */
	readonly interval?: number;
	readonly noColor?: boolean;
	readonly simulator?: Partial<SimulatorOptions>;
	/** False: only what `simulator` generates, no fixture jobs (then nothing is awaited). */
	readonly fixtureJobs?: boolean;
	/** Extra app options (env, tz). */
	readonly app?: Partial<AppOptions>;
}

const open = new Set<WatchSession>();

/**
 * Starts the fixture simulator and umwatch watching it, and waits until the
 * newest fixture job is on screen. Call `closeWatchSessions` in afterEach.
 */
export async function watchFixtures(options: WatchOptions = {}): Promise<WatchSession> {
	const fixtureJobs = options.fixtureJobs ?? true;
	const server = await startFixtureServer(options.simulator, { fixtureJobs });
	const term = startApp({
		args: [...server.args, '--interval', String(options.interval ?? 1)],
		password: E2E_PASSWORD,
		cols: options.cols ?? 80,
		rows: options.rows ?? 24,
		...(options.noColor === undefined ? {} : { noColor: options.noColor }),
		...options.app,
	});
	const session = { server, term };
	open.add(session);
	if (fixtureJobs) await term.waitForText(fixtureName(FIXTURE_JOB_COUNT));
	return session;
}

/** Kills every session's program and closes its server. */
export async function closeWatchSessions(): Promise<void> {
	const sessions = [...open];
	open.clear();
	for (const { term } of sessions) term.dispose();
	await Promise.all(sessions.map(({ server }) => server.sim.close()));
}

/** The descending run n, n-1, … of the given length: newest first, none skipped. */
export function newestFirst(from: number, length: number): number[] {
	return Array.from({ length }, (_, i) => from - i);
}

/** Asserts what holds on every list frame: header on top, column titles, at most rows-1 lines. */
export function expectCalmFrame(t: PtyTerminal): void {
	const lines = t.screenText();
	expect(lines[0], t.screenDump()).toContain('127.0.0.1');
	expect(lines[t.size.rows - 1], t.screenDump()).toBe('');
	expect(lineIndexOf(lines, /STATE\s+NAME/), t.screenDump()).toBeGreaterThan(0);
}

/** Whether a whole list frame for the current size is drawn: header, titles, jobs, footer. */
export function frameSettled(t: PtyTerminal): boolean {
	const lines = t.screenText();
	const footer = lastNonEmptyIndex(lines);
	return (
		lines[0]?.includes('127.0.0.1') === true &&
		lineIndexOf(lines, /STATE\s+NAME/) > 0 &&
		footer === t.size.rows - 2 &&
		/move/.test(lines[footer] ?? '') &&
		visibleJobNumbers(lines).length > 0
	);
}

/** The fixture job the selection pointer (`›` in the gutter) is on. */
export function selectedJob(t: PtyTerminal): number | undefined {
	const line = t.screenText().find((l) => l.startsWith('›'));
	return line === undefined ? undefined : visibleJobNumbers([line])[0];
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * Asserts the terminal after umwatch ended: main screen, cursor shown, exactly
 * one line printed (the summary; the pty started blank), no stack trace, and
 * the process gone.
 */
export function expectRestored(t: PtyTerminal): void {
	const screen = t.screenDump();
	expect(t.isAlternateScreen(), screen).toBe(false);
	expect(t.cursorVisible(), screen).toBe(true);
	expect(nonEmptyLines(t.screenText()), screen).toHaveLength(1);
	expect(stackTraceLines(t.screenText()), screen).toEqual([]);
	expect(isRunning(t.pid)).toBe(false);
}
