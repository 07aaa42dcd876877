import { describe, expect, test } from 'vitest';
import { makeJob, makeSnapshot, manyJobs } from '../helpers/ui-fixtures.js';
import { renderApp, TEST_NOW } from '../helpers/ui-harness.js';

const error = {
	kind: 'network' as const,
	message: 'connection refused (ECONNREFUSED)',
	hint: 'is the server up?',
};

describe('header: connection and freshness', () => {
	test('live shows the time of the last success to the minute', async () => {
		const h = await renderApp({ snapshot: makeSnapshot([], { lastSuccessAt: TEST_NOW - 1000 }) });
		expect(h.lines()[0]).toBe(
			' umwatch  um01.example.com · UM 9.16P1                   ● live 11:59   ? help',
		);
		expect(h.lines()[1]).toBe(' no jobs yet');
		expect(h.lines()[3]).toBe(' no jobs yet');
		h.unmount();
	});

	test('connecting, before the first answer; no version when the server did not say', async () => {
		const h = await renderApp({
			snapshot: makeSnapshot([], { connection: { kind: 'connecting' }, serverVersion: null }),
		});
		expect(h.lines()[0]).toBe(
			' umwatch  um01.example.com                              ○ connecting…   ? help',
		);
		h.unmount();
	});

	test('data older than two intervals is called stale, with its age', async () => {
		const h = await renderApp({ snapshot: makeSnapshot([], { lastSuccessAt: TEST_NOW - 1000 }) });
		expect(h.lines()[0]).toContain('● live 11:59');
		await h.advance(3000);
		expect(h.lines()[0]).toContain('● live 11:59');
		await h.advance(1);
		expect(h.lines()[0]).toContain('○ stale 4s');
		await h.advance(180_000);
		expect(h.lines()[0]).toContain('○ stale 3m');
		// A success makes it live again at once.
		await h.update({ lastSuccessAt: TEST_NOW + 183_500 });
		expect(h.lines()[0]).toContain('● live 12:03');
		h.unmount();
	});

	test('retrying: attempt, countdown and the last error in words', async () => {
		const h = await renderApp({
			snapshot: makeSnapshot([], {
				lastSuccessAt: TEST_NOW - 1000,
				connection: { kind: 'retrying', attempt: 3, nextTryAt: TEST_NOW + 8000, lastError: error },
			}),
		});
		expect(h.lines()[0]).toContain('○ retrying   ? help');
		expect(h.lines()[2]).toBe(' ! attempt 3, next try in 8s: connection refused (ECONNREFUSED)');
		await h.advance(1000);
		expect(h.lines()[2]).toBe(' ! attempt 3, next try in 7s: connection refused (ECONNREFUSED)');
		await h.advance(2001);
		expect(h.lines()[0]).toContain('○ retrying · stale 4s   ? help');
		h.unmount();
	});

	test('failed: the message and the hint', async () => {
		const h = await renderApp({
			snapshot: makeSnapshot([], {
				connection: {
					kind: 'failed',
					error: {
						kind: 'auth',
						message: 'the password was rejected (401)',
						hint: 'check UMWATCH_PASSWORD',
					},
				},
			}),
		});
		expect(h.lines()[0]).toContain('✗ failed   ? help');
		expect(h.lines()[2]).toBe(' ✗ the password was rejected (401)');
		expect(h.lines()[3]).toBe('   check UMWATCH_PASSWORD');
		h.unmount();
	});

	test('paused', async () => {
		const h = await renderApp({ snapshot: makeSnapshot([], { connection: { kind: 'paused' } }) });
		expect(h.lines()[0]).toContain('○ paused   ? help');
		h.unmount();
	});

	test('--insecure shows a persistent warning; skipped records are reported', async () => {
		const h = await renderApp({
			snapshot: makeSnapshot([], { skippedRecords: 2 }),
			insecure: true,
		});
		expect(h.lines()[2]).toBe(" ! --insecure: the server's certificate is not checked");
		expect(h.lines()[3]).toBe(' ! 2 records skipped as unreadable in the last poll');
		await h.press('\r');
		expect(h.lines()[2]).toContain('--insecure');
		h.unmount();
	});

	test('counts by state with glyphs, only states that have jobs', async () => {
		const jobs = [
			makeJob({ key: 'a', displayState: 'RUNNING' }),
			makeJob({ key: 'b', displayState: 'ERROR' }),
			makeJob({ key: 'c', displayState: 'ERROR' }),
			makeJob({ key: 'd', displayState: 'PARTIAL_FAILURES' }),
			makeJob({ key: 'e', displayState: 'QUEUED' }),
		];
		const h = await renderApp({ snapshot: makeSnapshot(jobs) });
		expect(h.lines()[1]).toBe(' ◐ 1 running  ○ 1 queued  ◆ 1 partial  ✗ 2 error');
		h.unmount();
	});

	test('ASCII glyphs', async () => {
		const jobs = [
			makeJob({ key: 'a', displayState: 'RUNNING' }),
			makeJob({ key: 'b', displayState: 'ERROR' }),
		];
		const h = await renderApp({
			snapshot: makeSnapshot(jobs, { lastSuccessAt: TEST_NOW }),
			ascii: true,
		});
		expect(h.lines()[0]).toContain('um01.example.com - UM 9.16P1');
		expect(h.lines()[0]).toContain('@ live 12:00');
		expect(h.lines()[1]).toBe(' * 1 running  x 1 error');
		expect(h.lines()[3]?.startsWith('>* RUNNING')).toBe(true);
		expect(h.lines().at(-1)).toContain('j/k move  Enter open');
		for (const line of h.lines()) expect(line).toMatch(/^[\x20-\x7e]*$/);
		h.unmount();
	});
});

describe('one shared clock', () => {
	test('running jobs under a minute tick together every other second, then each minute', async () => {
		const odd = makeJob({ key: 'o', displayState: 'RUNNING', submitTime: TEST_NOW - 55_000 });
		const job = makeJob({ key: 'r', displayState: 'RUNNING', submitTime: TEST_NOW - 58_000 });
		const h = await renderApp({ snapshot: makeSnapshot([odd, job], { lastSuccessAt: null }) });
		expect(h.lines().slice(3, 5)).toEqual([
			expect.stringMatching(/ 55s$/),
			expect.stringMatching(/ 58s$/),
		]);
		const before = h.frames().length;
		await h.advance(1000);
		expect(h.frames()).toHaveLength(before);
		await h.advance(1000);
		// One frame for both, with each text exact when drawn.
		expect(h.frames()).toHaveLength(before + 1);
		expect(h.lines().slice(3, 5)).toEqual([
			expect.stringMatching(/ 57s$/),
			expect.stringMatching(/ 1m$/),
		]);
		await h.update(makeSnapshot([job], { lastSuccessAt: null }));
		const frames = h.frames().length;
		await h.advance(59_000);
		expect(h.frames()).toHaveLength(frames);
		await h.advance(1000);
		expect(h.lines()[3]).toMatch(/ 2m$/);
		expect(h.frames()).toHaveLength(frames + 1);
		h.unmount();
	});

	test('an idle screen of finished jobs renders nothing for an hour', async () => {
		const h = await renderApp({ snapshot: makeSnapshot(manyJobs(30, TEST_NOW - 60_000)) });
		const frames = h.frames().length;
		await h.advance(3_600_000);
		expect(h.frames()).toHaveLength(frames);
		expect(h.clock.pendingTimers).toBe(1);
		h.unmount();
	});

	test('polls that only move the last-success time within the minute cause no frame', async () => {
		const h = await renderApp({
			snapshot: makeSnapshot(manyJobs(30, TEST_NOW - 60_000), { lastSuccessAt: TEST_NOW - 500 }),
		});
		const frames = h.frames().length;
		for (let i = 1; i <= 20; i++) {
			await h.advance(2000);
			h.engine.set({ lastSuccessAt: h.clock.now() - 100 });
		}
		// 40 s of polls: the header's "live 11:59" became "live 12:00" once, nothing else.
		expect(h.frames().length - frames).toBe(1);
		expect(h.lines()[0]).toContain('● live 12:00');
		h.unmount();
	});
});
