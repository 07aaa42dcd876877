import { describe, expect, test } from 'vitest';
import type { Job } from '../../source/api/job.js';
import { makeJob, makeSnapshot, manyJobs } from '../helpers/ui-fixtures.js';
import { pressEscape, renderApp, TEST_NOW } from '../helpers/ui-harness.js';

const UP = '\x1b[A';
const DOWN = '\x1b[B';
const PGUP = '\x1b[5~';
const PGDN = '\x1b[6~';
const HOME = '\x1b[H';
const END = '\x1b[F';

/** The name on the selected row (plain text). */
function selectedName(lines: string[]): string {
	const line = lines.find((l) => l.startsWith('›')) ?? '';
	return line.slice(20, 43).trim();
}

async function listOf(jobs: Job[], rows = 24) {
	return renderApp({ snapshot: makeSnapshot(jobs), rows });
}

describe('list keys', () => {
	test('↑/↓ and j/k move one row', async () => {
		const h = await listOf(manyJobs(50, TEST_NOW));
		await h.press(DOWN, DOWN, 'j');
		expect(selectedName(h.lines())).toBe('Job number 3');
		await h.press(UP, 'k');
		expect(selectedName(h.lines())).toBe('Job number 1');
		h.unmount();
	});

	test('PgDn/PgUp move a page; Home/End and g/G jump', async () => {
		const h = await listOf(manyJobs(50, TEST_NOW), 12);
		// 12 rows: 11 lines, 4 of them header/footer: a page is 7 rows.
		await h.press(PGDN);
		expect(selectedName(h.lines())).toBe('Job number 7');
		await h.press(PGDN, PGUP);
		expect(selectedName(h.lines())).toBe('Job number 7');
		await h.press(END);
		expect(selectedName(h.lines())).toBe('Job number 49');
		await h.press(HOME);
		expect(selectedName(h.lines())).toBe('Job number 0');
		await h.press('G');
		expect(selectedName(h.lines())).toBe('Job number 49');
		await h.press('g');
		expect(selectedName(h.lines())).toBe('Job number 0');
		h.unmount();
	});

	test('an arrow split in two chunks moves and is not Escape', async () => {
		const h = await listOf(manyJobs(10, TEST_NOW));
		await h.press('/', 'x', '\r');
		expect(h.lines().at(-1)).toContain('filter: x');
		await h.press('\x1b', '[B');
		await h.advance(1000);
		// The filter survived: a split arrow did not act as Escape (which would clear it).
		expect(h.lines().at(-1)).toContain('filter: x');
		h.unmount();
		const g = await listOf(manyJobs(10, TEST_NOW));
		await g.press('\x1b');
		await g.advance(20);
		await g.press('[B');
		await g.press('\x1b[', 'B');
		expect(selectedName(g.lines())).toBe('Job number 2');
		g.unmount();
	});

	test('focus and mouse reports are neither Escape nor typed text', async () => {
		const h = await listOf(manyJobs(10, TEST_NOW));
		await h.press('/', 'a', 'b');
		await h.press('\x1b[I', '\x1b[O', '\x1b[<0;5;5M', '\x1b[<0;5;5m');
		await h.advance(1000);
		expect(h.lines().at(-1)?.startsWith(' /ab')).toBe(true);
		expect(h.lines().at(-1)).not.toContain('[I');
		h.unmount();
	});

	test('Enter, → and l open the detail; Esc, Backspace, ←, h and q go back', async () => {
		const h = await listOf(manyJobs(5, TEST_NOW));
		for (const open of ['\r', '\x1b[C', 'l']) {
			for (const back of ['esc', '\x7f', '\x1b[D', 'h', 'q']) {
				await h.press(open);
				expect(h.lines()[0]).toContain('umwatch › Job number 0');
				if (back === 'esc') await pressEscape(h);
				else await h.press(back);
				expect(h.lines()[2]).toContain('STATE');
			}
		}
		expect(h.quits).toBe(0);
		expect(h.engine.calls.focus).toEqual(Array.from({ length: 15 }, () => ['job-0', null]).flat());
		h.unmount();
	});

	test('q quits from the list; Ctrl-C quits from the list, detail, help and the filter prompt', async () => {
		const h = await listOf(manyJobs(5, TEST_NOW));
		await h.press('q');
		expect(h.quits).toBe(1);
		await h.press('\x03');
		await h.press('\r', '\x03');
		await h.press('?', '\x03');
		await pressEscape(h);
		await pressEscape(h);
		await h.press('/', '\x03');
		expect(h.quits).toBe(5);
		h.unmount();
	});

	test('r refreshes; p pauses and resumes', async () => {
		const h = await listOf(manyJobs(5, TEST_NOW));
		await h.press('r');
		expect(h.engine.calls.refresh).toBe(1);
		await h.press('p');
		await h.update({ connection: { kind: 'paused' } });
		await h.press('p');
		expect(h.engine.calls.paused).toEqual([true, false]);
		h.unmount();
	});

	test('? shows help generated from the key map; Esc closes it', async () => {
		const h = await renderApp({ snapshot: makeSnapshot(manyJobs(5, TEST_NOW)), rows: 46 });
		await h.press('?');
		const frame = h.frame();
		expect(h.lines()[0]).toContain('umwatch › help');
		expect(frame).toContain(' Job list');
		expect(frame).toContain('   ↑ k                        move up / scroll up');
		expect(frame).toContain('   Enter → l                  open job');
		expect(frame).toContain('   Esc Backspace ← h q        back to the list');
		expect(frame).toContain('   y                          copy the job key (OSC 52)');
		expect(frame).toContain('   /                          filter by name, type, key');
		expect(frame).toContain(
			'   f                          state: all, in progress, failed, finished',
		);
		expect(h.lines()).toHaveLength(45);
		await pressEscape(h);
		expect(h.lines()[2]).toContain('STATE');
		h.unmount();
	});

	test('help scrolls when it is taller than the screen', async () => {
		const h = await renderApp({ snapshot: makeSnapshot(manyJobs(5, TEST_NOW)), rows: 12 });
		await h.press('?');
		expect(h.lines()).toHaveLength(11);
		expect(h.lines()[1]).toBe(' Job list');
		await h.press('G');
		expect(h.frame()).toContain('✗ ERROR');
		expect(h.lines()).toHaveLength(11);
		h.unmount();
	});
});

describe('filters', () => {
	const jobs = [
		makeJob({ key: 'k1', name: 'ボリュームの作成', displayState: 'RUNNING' }),
		makeJob({ key: 'k2', name: 'Expand LUN', type: 'Modify', displayState: 'ERROR' }),
		makeJob({ key: 'k3', name: 'Protect Volume', type: 'Protection', displayState: 'NORMAL' }),
		makeJob({ key: 'zz-k4', name: 'Cluster Rediscovery', displayState: 'PARTIAL_FAILURES' }),
		makeJob({ key: 'k5', name: 'Create Share', displayState: 'ABORTED' }),
	];
	const names = (lines: string[]) =>
		lines.slice(3, -1).map((l) => /^. ?\S+ \S+ +(.*?) {2,}/.exec(l)?.[1] ?? l);

	test('/ filters live over name, type and key; Enter keeps it; Esc clears it', async () => {
		const h = await listOf(jobs);
		await h.press('/', 'p', 'r', 'o');
		// "pro" is in the type "Provisioning" too; only Expand LUN (Modify) drops out.
		expect(names(h.lines())).not.toContain('Expand LUN');
		expect(names(h.lines())).toHaveLength(4);
		await h.press('t');
		expect(names(h.lines())).toEqual(['Protect Volume']);
		expect(h.lines().at(-1)).toBe(' /prot   Enter keep  Esc clear  1 of 5');
		await h.press('\x7f', '\x7f', '\x7f', '\x7f', 'm', 'o', 'd');
		expect(names(h.lines())).toEqual(['Expand LUN']);
		await h.press('\r');
		expect(h.lines().at(-1)).toBe(
			'  filter: mod  1 of 5  ↑↓ move  ⏎ open  / filter  f state: all  ? help  q quit',
		);
		// Keys act on the list again once the filter is kept.
		await h.press('\r');
		expect(h.lines()[0]).toContain('umwatch › Expand LUN');
		await pressEscape(h);
		await pressEscape(h);
		expect(names(h.lines())).toHaveLength(5);
		await h.press('/', 'z', 'z');
		expect(names(h.lines())).toEqual(['Cluster Rediscovery']);
		await pressEscape(h);
		expect(names(h.lines())).toHaveLength(5);
		await h.press('/', 'ボ', 'リ', '\r');
		expect(names(h.lines())).toEqual(['ボリュームの作成']);
		h.unmount();
	});

	test('typing fast: several keys in one chunk each see the state the one before left', async () => {
		const h = await listOf(jobs);
		await h.press('/exp\r');
		expect(names(h.lines())).toEqual(['Expand LUN']);
		h.unmount();
	});

	test('no match says so', async () => {
		const h = await listOf(jobs);
		await h.press('/', 'q', 'q');
		expect(h.lines()[3]).toBe(' no jobs match the filter');
		h.unmount();
	});

	test('f cycles all → in progress → failed → finished → all', async () => {
		const h = await listOf(jobs);
		expect(h.lines().at(-1)).toContain('f state: all');
		await h.press('f');
		expect(names(h.lines())).toEqual(['ボリュームの作成']);
		expect(h.lines().at(-1)).toContain('  state: in progress  1 of 5');
		await h.press('f');
		expect(names(h.lines())).toEqual(['Expand LUN', 'Cluster Rediscovery', 'Create Share']);
		expect(h.lines().at(-1)).toContain('3 of 5');
		await h.press('f');
		expect(names(h.lines())).toEqual([
			'Expand LUN',
			'Protect Volume',
			'Cluster Rediscovery',
			'Create Share',
		]);
		await h.press('f');
		expect(names(h.lines())).toHaveLength(5);
		h.unmount();
	});

	test('at 60 columns the footer still shows both active filters', async () => {
		const h = await renderApp({ snapshot: makeSnapshot(jobs), rows: 24, columns: 60 });
		await h.press('/', 'E', 'x', '\r', 'f', 'f');
		const footer = h.lines().at(-1) ?? '';
		expect(footer).toContain('filter: Ex');
		expect(footer).toContain('state: failed');
		expect(footer).toContain('q quit');
		h.unmount();
	});
});
