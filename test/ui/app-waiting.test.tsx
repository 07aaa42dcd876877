// Issue 15, item 7: a hung server. From the first interval a poll overruns, the
// header says what it waits for and counts up on the screen's own clock; before
// that, and once the answer came, it costs nothing.
import { describe, expect, test } from 'vitest';
import { makeSnapshot, manyJobs } from '../helpers/ui-fixtures.js';
import { renderApp, TEST_NOW } from '../helpers/ui-harness.js';

const error = {
	kind: 'timeout' as const,
	message: 'um01.example.com did not answer within 30 s',
	hint: '',
};

/** A live screen whose last poll ended at TEST_NOW - 1000 (the interval is 2 s). */
function live() {
	return renderApp({
		snapshot: makeSnapshot(manyJobs(5, TEST_NOW - 60_000), { lastSuccessAt: TEST_NOW - 1000 }),
	});
}

describe('header: a poll that gets no answer', () => {
	test('says "waiting for an answer" from the first interval overrun, counting up', async () => {
		const h = await live();
		expect(h.lines()[0]).toContain('● live 11:59');
		// The next poll began at TEST_NOW + 1000; the engine says so once it has overrun.
		await h.advance(3000);
		await h.update({ pollStartedAt: TEST_NOW + 1000 });
		expect(h.lines()[0]).toMatch(/ ○ waiting for an answer for 2s {3}\? help$/);
		await h.advance(1000);
		expect(h.lines()[0]).toContain('○ waiting for an answer for 3s');
		// Past the point where the data is called stale, it still says why.
		await h.advance(60_000);
		expect(h.lines()[0]).toBe(
			' umwatch  um01.example.com · UM 9.… ○ waiting for an answer for 1m03s   ? help',
		);
		expect(h.lines()[0]).not.toContain('stale');
		// The answer: live again at once.
		await h.update({ pollStartedAt: null, lastSuccessAt: h.clock.now() });
		expect(h.lines()[0]).toContain('● live 12:01');
		h.unmount();
	});

	test('judges the overrun at the rendered time: a start less than an interval ago shows nothing yet', async () => {
		const h = await live();
		await h.update({ pollStartedAt: TEST_NOW - 500 });
		expect(h.lines()[0]).toContain('● live 11:59');
		await h.advance(1499);
		expect(h.lines()[0]).toContain('● live 11:59');
		await h.advance(1);
		expect(h.lines()[0]).toContain('○ waiting for an answer for 2s');
		h.unmount();
	});

	test('while retrying, the notice says the retry is waiting instead of "next try in 0s"', async () => {
		const h = await renderApp({
			snapshot: makeSnapshot([], {
				lastSuccessAt: TEST_NOW - 60_000,
				connection: { kind: 'retrying', attempt: 1, nextTryAt: TEST_NOW - 2000, lastError: error },
				pollStartedAt: TEST_NOW - 2000,
			}),
		});
		expect(h.lines()[0]).toContain('○ retrying · stale 1m');
		expect(h.lines()[2]).toBe(
			' ! attempt 2: waiting for an answer for 2s; last error: um01.example.com did n…',
		);
		await h.advance(1000);
		expect(h.lines()[2]).toContain('attempt 2: waiting for an answer for 3s;');
		h.unmount();
	});
});
