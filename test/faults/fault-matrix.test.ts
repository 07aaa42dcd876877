/**
 * The fault matrix of issue 5, on the whole stack: the simulator misbehaves on
 * a loopback port, the real client, engine and screen live through it. Each
 * row is checked for: no crash (no unhandled rejection, the engine keeps
 * publishing), the screen still answering keys, the header saying what is
 * happening in words, the jobs already shown kept, and recovery to live once
 * the server behaves: by itself, or after `r` where retrying cannot help
 * (401, 403) and umwatch stopped asking.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobIdOf, splitJobId } from '../../source/api/job.js';
import type { JobEvent } from '../../source/engine/types.js';
import type { Simulator } from '../../source/simulator/index.js';
import { REACTION_MS } from '../../source/ui/screen/cursor.js';
import { type FaultStack, STACK_START, startFaultStack } from '../helpers/fault-stack.js';

const JOBS = /\/jobs/;
const DAY_MS = 86_400_000;
const BASE_JOBS = 6;
const RUNNING = `Base job ${BASE_JOBS}`;

/** How the header reads while the server misbehaves. */
interface HeaderExpectation {
	/** The connection status, right of the first line. */
	readonly status: RegExp;
	/** The warning or error line under the counts; null when there must be none. */
	readonly notice: RegExp | null;
	/** The line after it: what to do. */
	readonly hint?: RegExp;
}

/** One row of the matrix. */
interface FaultCase {
	readonly name: string;
	/** Run in the detail view of the running job (the engine long-polls it). */
	readonly detail?: boolean;
	/** Makes the server misbehave; the stack is live with the base jobs. */
	readonly breakServer: (s: FaultStack) => void | Promise<void>;
	readonly header: HeaderExpectation;
	/** Makes the server behave again. */
	readonly heal: (s: FaultStack) => void | Promise<void>;
	/** `auto`: live again by itself; `r`: only after the user presses r. */
	readonly recovery: 'auto' | 'r';
	/** Checks of this row alone, while the fault holds. */
	readonly whileBroken?: (s: FaultStack) => Promise<void>;
	/** Checks of this row alone, once live again. */
	readonly afterRecovery?: (s: FaultStack) => void;
}

function statusFault(status: number, retryAfterSeconds?: number) {
	return (s: FaultStack) =>
		s.sim.injectFault(
			{ kind: 'status', status, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) },
			{ count: Number.POSITIVE_INFINITY, path: JOBS },
		);
}

function clear(s: FaultStack): void {
	s.sim.clearFaults();
}

/** A fault and nothing else: the status word with the message, no hint needed. */
function retrying(notice: RegExp): HeaderExpectation {
	return { status: /○ retrying/, notice };
}

/** Asserts that no request reaches the server for `ms` of fake time: umwatch stopped asking. */
async function expectNoRequestsFor(s: FaultStack, ms: number): Promise<void> {
	const before = s.sim.stats.requests;
	for (let t = 0; t < ms; t += 1000) await s.clock.advance(1000);
	await s.clock.flush();
	expect(s.sim.stats.requests).toBe(before);
}

const CASES: readonly FaultCase[] = [
	{
		name: '401 mid-session',
		breakServer: statusFault(401),
		header: {
			status: /✗ failed/,
			notice: /✗ Unified Manager rejected the user name or password \(401\)\./,
			hint: /^ {3}Check --user and the password source\./,
		},
		heal: clear,
		recovery: 'r',
		whileBroken: (s) => expectNoRequestsFor(s, 60_000),
	},
	{
		name: '403',
		breakServer: statusFault(403),
		header: {
			status: /✗ failed/,
			notice: /✗ Unified Manager refused access for this user \(403\)/,
			hint: /^ {3}The user needs an API role: Operator \(read-only\) is enough to watch jobs\./,
		},
		heal: clear,
		recovery: 'r',
		whileBroken: (s) => expectNoRequestsFor(s, 60_000),
	},
	{
		// The list poll still refreshes the job by key, so the data stays live and the header
		// rightly says so; only the long poll is lost, and it comes back with the job.
		name: '404 for the watched job',
		detail: true,
		breakServer: async (s) => {
			const key = s.engine.getSnapshot().jobs[0]?.key ?? '';
			s.sim.injectFault(
				{ kind: 'status', status: 404 },
				{ count: Number.POSITIVE_INFINITY, path: /\/jobs\/[^?]/ },
			);
			// Answers the held long poll, so the next one meets the 404.
			s.sim.advance(1000);
			s.sim.updateJob(key, { jobResults: [{ name: 'step', value: 'one' }] });
			await s.drive(() => s.sim.stats.faults >= 2, 'two 404s for the job');
		},
		header: { status: /● live/, notice: null },
		heal: clear,
		recovery: 'auto',
	},
	{
		name: '429 with Retry-After',
		breakServer: statusFault(429, 20),
		header: retrying(
			/! attempt 1, next try in \d+s: Unified Manager is limiting requests \(429\); it asks to wait 20 s/,
		),
		heal: clear,
		recovery: 'auto',
		// The server said 20 s: the countdown starts there, and nothing is asked sooner.
		whileBroken: async (s) => {
			expect(s.lines()[2]).toMatch(/^ ! attempt 1, next try in 20s: /);
			await expectNoRequestsFor(s, 18_000);
			expect(s.lines()[2]).toMatch(/^ ! attempt 1, next try in 2s: /);
		},
	},
	{
		name: '500 five times in a row',
		breakServer: (s) =>
			s.sim.injectFault({ kind: 'status', status: 500 }, { count: 5, path: JOBS }),
		header: retrying(/! attempt 1, next try in \ds: Unified Manager failed with 500 Internal/),
		heal: () => undefined,
		recovery: 'auto',
		// Four tries in the first poll (one and three quick retries), the fifth in the next.
		afterRecovery: (s) => expect(s.sim.stats.faults).toBe(5),
	},
	{
		name: '503',
		breakServer: statusFault(503),
		header: retrying(/Unified Manager failed with 503 Service Unavailable/),
		heal: clear,
		recovery: 'auto',
	},
	{
		name: 'connection refused (server down)',
		breakServer: (s) => s.sim.close(),
		header: retrying(/! attempt \d+, next try in \ds: Connection refused by 127\.0\.0\.1:\d+\./),
		heal: async (s) => {
			await s.sim.listen();
		},
		recovery: 'auto',
	},
	{
		name: 'connection reset mid-body',
		breakServer: (s) =>
			s.sim.injectFault(
				{ kind: 'reset-mid-body' },
				{ count: Number.POSITIVE_INFINITY, path: JOBS },
			),
		header: retrying(/The connection to 127\.0\.0\.1:\d+ closed before the whole answer arrived\./),
		heal: clear,
		recovery: 'auto',
	},
	{
		name: 'a server that accepts and never answers',
		breakServer: (s) =>
			s.sim.injectFault({ kind: 'hang' }, { count: Number.POSITIVE_INFINITY, path: JOBS }),
		header: retrying(/127\.0\.0\.1:\d+ did not answer within 300 ms\./),
		heal: clear,
		recovery: 'auto',
	},
	{
		name: 'a truncated body',
		breakServer: (s) =>
			s.sim.injectFault({ kind: 'truncated' }, { count: Number.POSITIVE_INFINITY, path: JOBS }),
		header: retrying(/The connection to 127\.0\.0\.1:\d+ closed before the whole answer arrived\./),
		heal: clear,
		recovery: 'auto',
	},
	{
		name: 'an HTML error page (502 from a proxy)',
		breakServer: (s) =>
			s.sim.injectFault({ kind: 'html' }, { count: Number.POSITIVE_INFINITY, path: JOBS }),
		header: retrying(/Unified Manager failed with 502 Bad Gateway\./),
		heal: clear,
		recovery: 'auto',
	},
	{
		name: 'an HTML page with status 200',
		breakServer: (s) =>
			s.sim.injectFault(
				{ kind: 'html', status: 200 },
				{ count: Number.POSITIVE_INFINITY, path: JOBS },
			),
		header: retrying(/127\.0\.0\.1:\d+ answered HTML, not JSON – a proxy or login page\?/),
		heal: clear,
		recovery: 'auto',
	},
	{
		name: 'a server restart with the same jobs',
		breakServer: (s) => s.sim.close(),
		header: retrying(/Connection refused by 127\.0\.0\.1:\d+\./),
		heal: async (s) => {
			await s.sim.listen();
		},
		recovery: 'auto',
	},
	{
		name: 'clock skew: jobs dated a day ahead',
		breakServer: (s) => {
			const ahead = s.sim.now() + DAY_MS;
			s.sim.addJob({ name: 'Future running', state: 'running', auto: false, submitTime: ahead });
			s.sim.addJob({
				name: 'Future done',
				state: 'completed',
				status: 'normal',
				submitTime: ahead - 60_000,
				completeTime: ahead,
			});
		},
		header: { status: /● live/, notice: null },
		heal: () => undefined,
		recovery: 'auto',
		whileBroken: async (s) => {
			await s.drive(() => s.frame().includes('Future done'), 'the future jobs');
			const names = jobRows(s).map((row) => rowName(row));
			// Newest submitted first, the future ones on top, the rest in their order below.
			expect(names.slice(0, 3)).toEqual(['Future running', 'Future done', RUNNING]);
			// Never a negative duration: the cell before the key column reads 0s for a job not yet begun.
			const durations = jobRows(s).map((row) => row.match(/ (\S+) …/)?.[1]);
			expect(durations.slice(0, 2)).toEqual(['0s', '1m00s']);
			for (const cell of durations) expect(cell, s.frame()).toMatch(/^\d/);
			// On screen long enough to be seen: Enter opens it, not the job highlighted before it came.
			await s.clock.advance(REACTION_MS);
			await s.press('\r');
			await s.until(() => s.lines()[0]?.includes('Future running') === true, 'its detail');
			expect(s.lines()).toContain(' Submitted  2026-11-21 01:00:00 +00:00   in 23 h 59 min');
			expect(s.lines()).toContain(' Duration   0s (running)');
			await s.press('q');
		},
	},
];

/** The table rows of the current frame (they start with a state glyph after the gutter). */
function jobRows(s: FaultStack): string[] {
	return s.lines().filter((line) => /^.[◐○⊘✓!◆✗?] [A-Z_]+ /.test(line));
}

/** The name cell of a table row. */
function rowName(row: string): string {
	return row.slice(20, 49).trim();
}

/** The job name the selection is on. */
function selectedName(s: FaultStack): string {
	const row = jobRows(s).find((line) => line.startsWith('›'));
	return row === undefined ? '' : rowName(row);
}

/** Whether the header shows what the row expects. */
function headerSays(s: FaultStack, header: HeaderExpectation): boolean {
	const lines = s.lines();
	if (!header.status.test(lines[0] ?? '')) return false;
	const notices = lines.slice(2, 5);
	if (header.notice === null) return notices.every((line) => !/^ [!✗] /.test(line));
	const at = notices.findIndex((line) => header.notice?.test(line));
	if (at < 0) return false;
	return header.hint === undefined || header.hint.test(notices[at + 1] ?? '');
}

function seedBaseJobs(sim: Simulator): void {
	for (let i = 1; i < BASE_JOBS; i++) {
		sim.addJob({
			name: `Base job ${i}`,
			state: 'completed',
			status: i === 2 ? 'error' : 'normal',
			submitTime: STACK_START - (BASE_JOBS - i) * 60_000,
			completeTime: STACK_START - (BASE_JOBS - i) * 60_000 + 30_000,
			auto: false,
		});
	}
	sim.addJob({ name: RUNNING, state: 'running', auto: false, submitTime: STACK_START - 30_000 });
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
	unhandled.push(reason);
};
let stack: FaultStack | null = null;

beforeAll(() => {
	process.on('unhandledRejection', onUnhandled);
});

afterAll(() => {
	process.off('unhandledRejection', onUnhandled);
});

afterEach(async () => {
	await stack?.close();
	stack = null;
	expect(unhandled).toEqual([]);
});

/** Moves the selection down and back, and opens and closes help: the screen answers keys. */
async function expectKeysAnswer(s: FaultStack, detail: boolean): Promise<void> {
	if (!detail) {
		const first = selectedName(s);
		await s.press('j');
		await s.until(() => selectedName(s) !== first, 'j to move the selection');
		await s.press('k');
		await s.until(() => selectedName(s) === first, 'k to move it back');
	}
	const title = s.lines()[0] ?? '';
	await s.press('?');
	await s.until(() => /^ umwatch › help/.test(s.lines()[0] ?? ''), '? to open help');
	await s.press('?');
	await s.until(() => s.lines()[0] === title, '? to close help');
}

/** Every base job is still on screen (the list) or the watched one is (its detail). */
function expectDataKept(s: FaultStack, detail: boolean, keys: readonly string[]): void {
	const held = s.engine.getSnapshot().byKey;
	for (const key of keys) expect(held.has(jobIdOf(s.client.server, key))).toBe(true);
	if (detail) {
		expect(s.lines()[0], s.frame()).toContain(RUNNING);
		expect(s.frame()).toMatch(/State +◐ RUNNING/);
		return;
	}
	const names = jobRows(s).map(rowName);
	for (let i = 1; i <= BASE_JOBS; i++) expect(names, s.frame()).toContain(`Base job ${i}`);
}

describe('fault matrix: simulator, client, engine and screen together', () => {
	it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, row) => {
		const s = await startFaultStack({ seed: seedBaseJobs, columns: 140, rows: 24 });
		stack = s;
		await s.until(() => s.connection() === 'live' && jobRows(s).length === BASE_JOBS, 'live');
		const keys = s.engine.getSnapshot().jobs.map((job) => job.key);
		const events: JobEvent[] = [];
		s.engine.onEvent((event) => events.push(event));
		if (row.detail) {
			await s.press('\r');
			await s.until(() => s.sim.stats.longPollsHeld === 1, 'a held long poll');
		}

		await row.breakServer(s);
		await s.drive(() => headerSays(s, row.header), `the header of ${row.name}`);
		expectDataKept(s, row.detail === true, keys);
		await expectKeysAnswer(s, row.detail === true);
		await row.whileBroken?.(s);
		expect(headerSays(s, row.header), s.frame()).toBe(true);
		if (!row.detail) {
			// The user can leave at any time; the harness only counts it, and the screen stays up.
			await s.press('q');
			expect(s.quits).toBe(1);
		}

		await row.heal(s);
		s.sim.advance(1000);
		const fresh = s.sim.addJob({ name: 'Fresh job', state: 'queued', auto: false });
		if (row.recovery === 'r') {
			await expectNoRequestsFor(s, 30_000);
			expect(s.connection()).toBe('failed');
			await s.press('r');
		}
		const live = { status: /● live/, notice: null };
		await s.drive(
			() =>
				headerSays(s, live) &&
				s.engine.getSnapshot().byKey.has(jobIdOf(s.client.server, fresh.key)),
			'live again with the fresh job',
		);
		expectDataKept(s, row.detail === true, keys);
		// Nothing held was taken for new, nothing doubled: one event for each job the server added.
		const added = events.filter((event) => event.type === 'new').map((event) => event.job.key);
		const serverAdded = s.sim
			.jobs()
			.map((job) => job.key)
			.filter((key) => !keys.includes(key));
		expect(serverAdded).toContain(fresh.key);
		expect([...added].sort()).toEqual([...serverAdded].sort());
		expect(s.engine.getSnapshot().jobs.length).toBe(s.sim.jobs().length);
		row.afterRecovery?.(s);

		if (row.detail) {
			// The long poll is back: the watched job's end shows without a list poll.
			await s.drive(() => s.sim.stats.longPollsHeld === 1, 'the long poll back');
			s.sim.advance(1000);
			s.sim.finishJob(splitJobId(s.engine.getSnapshot().focusKey ?? '').key, 'normal');
			await s.until(() => /State +✓ NORMAL/.test(s.frame()), 'the end, long-polled');
			await s.press('q', 'q');
			expect(s.quits).toBe(1);
		}
	});
});
