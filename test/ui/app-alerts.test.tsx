import { describe, expect, test } from 'vitest';
import type { DisplayState, Job } from '../../source/api/job.js';
import { Alerts } from '../../source/ui/alerts/alerts.js';
import { settle } from '../helpers/settle.js';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';
import { renderApp } from '../helpers/ui-harness.js';

function job(key: string, displayState: DisplayState): Job {
	return makeJob({ key, name: `Job ${key}`, displayState });
}

const JOBS = [job('c', 'RUNNING'), job('b', 'ERROR'), job('a', 'ABORTED')];

function alerts(bell = false): Alerts {
	return new Alerts({
		bell,
		desktop: false,
		tmux: false,
		severalServers: () => false,
		write: () => {},
		startedAt: 0,
		defer: (task) => task(),
	});
}

async function withFailures(ascii = false, rows = 24) {
	const a = alerts(true);
	const h = await renderApp({ snapshot: makeSnapshot(JOBS), alerts: a, ascii, columns: 100, rows });
	for (const failed of [JOBS[2], JOBS[1]] as Job[]) {
		a.onEvent({ type: 'transition', at: 0, job: failed, from: 'RUNNING', to: failed.displayState });
	}
	await settle();
	return { h, a };
}

describe('unseen failures, marks and the bell keys', () => {
	test('the header counts failures not seen; x opens the newest and sees it', async () => {
		const { h } = await withFailures();
		expect(h.lines()[1]).toMatch(/✗ 2 new$/);
		await h.press('x');
		expect(h.lines()[0]).toContain('Job b');
		await h.press('q');
		expect(h.lines()[1]).toMatch(/✗ 1 new$/);
		await h.press('x', 'q');
		expect(h.lines()[1]).not.toContain('new');
		await h.press('x');
		expect(h.frame()).toContain('no new failures');
		h.unmount();
	});

	test('opening a failed job sees it', async () => {
		const { h } = await withFailures();
		// The newest is selected; the next one down failed (ERROR, arrived unseen).
		await h.press('j', '\r');
		expect(h.lines()[0]).toContain('Job b');
		await h.press('q');
		expect(h.lines()[1]).toMatch(/✗ 1 new$/);
		h.unmount();
	});

	test('m marks the highlighted job and m again unmarks it; in its detail too', async () => {
		const { h } = await withFailures();
		await h.press('m');
		expect(h.frame()).toContain('⚑ Job c');
		expect(h.frame()).toContain('marked: told when it ends');
		await h.press('m');
		expect(h.frame()).not.toContain('⚑');
		await h.press('\r', 'm', 'q');
		expect(h.frame()).toContain('⚑ Job c');
		h.unmount();
	});

	test('a marked job is kept fresh by the engine; unmarked, no longer', async () => {
		const { h } = await withFailures();
		const kept: (readonly string[])[] = [];
		Object.assign(h.engine, { keepFresh: (ids: readonly string[]) => kept.push(ids) });
		await h.press('m');
		expect(kept.at(-1)).toEqual(['c']);
		await h.press('m');
		expect(kept.at(-1)).toEqual([]);
		h.unmount();
	});

	test('with ASCII glyphs the mark is #', async () => {
		const { h } = await withFailures(true);
		await h.press('m');
		expect(h.frame()).toContain('# Job c');
		h.unmount();
	});

	test('b and B say what they turned on or off', async () => {
		const { h, a } = await withFailures();
		await h.press('b');
		expect(h.frame()).toContain('bell off');
		expect(a.getState().bell).toBe(false);
		await h.press('B');
		expect(h.frame()).toContain('desktop notifications on');
		expect(a.getState().desktop).toBe(true);
		h.unmount();
	});

	test('the help lists m, x, b and B', async () => {
		const { h } = await withFailures(false, 80);
		await h.press('?');
		const help = h.frame();
		expect(help).toMatch(/\bm\s+mark \/ unmark the job/);
		expect(help).toMatch(/\bx\s+open the newest failure not seen yet/);
		expect(help).toMatch(/\bb\s+bell on \/ off/);
		expect(help).toMatch(/\bB\s+desktop notifications on \/ off/);
		h.unmount();
	});
});
