// Issue 15, items 8 and 9 and the small ones, with the real components: newer
// jobs above the view are marked; Enter opens what was highlighted when it was
// pressed; clearing the filter leaves the selection on its job; help says it
// scrolls; the ASCII live dot is not the RUNNING glyph.
import { describe, expect, test } from 'vitest';
import { ASCII_GLYPHS } from '../../source/present/theme.js';
import { REACTION_MS } from '../../source/ui/screen/cursor.js';
import { makeJob, makeSnapshot, manyJobs } from '../helpers/ui-fixtures.js';
import { pressEscape, renderApp, TEST_NOW, type UiHarness } from '../helpers/ui-harness.js';

/** `count` new jobs `new-1` (oldest) … `new-count` (newest), all newer than manyJobs'. */
function arrivals(count: number) {
	return Array.from({ length: count }, (_, i) =>
		makeJob({
			key: `new-${count - i}`,
			name: `Arrival ${count - i}`,
			submitTime: TEST_NOW + 60_000,
		}),
	);
}

/** The list line the selection pointer is on. */
function selectedLine(h: UiHarness): string | undefined {
	return h.lines().find((line) => line.startsWith('›') || line.startsWith('>'));
}

/** Every frame stays within rows − 1 lines. */
function expectFits(h: UiHarness, rows: number): void {
	const lines = h.rawFrame().replace(/\n$/, '').split('\n');
	expect(lines.length).toBeLessThanOrEqual(rows - 1);
}

describe('newer jobs above the view', () => {
	test('with any row but the newest selected, arrivals above show "▲ N newer" on the table\'s first line', async () => {
		const jobs = manyJobs(40, TEST_NOW);
		const h = await renderApp({ snapshot: makeSnapshot(jobs) });
		await h.press('j');
		expect(h.lines()[3]).toMatch(/^ ✓ NORMAL +Job number 0 /);
		const rows = h.lines().length;
		await h.update(makeSnapshot([...arrivals(10), ...jobs]));
		expect(h.lines()[2]).toMatch(/^ STATE +NAME/);
		expect(h.lines()[3]).toBe(' ▲ 10 newer  g newest');
		// The view stays on the jobs it showed; the marker's line comes out of the table's
		// window (one job row fewer), so the frame does not grow.
		expect(h.lines()[4]).toMatch(/^ ✓ NORMAL +Job number 0 /);
		expect(h.lines()[5]).toMatch(/^›✓ NORMAL +Job number 1 /);
		expect(h.lines()).toHaveLength(rows);
		expectFits(h, 24);
		h.unmount();
	});

	test('g goes to the newest, and the marker goes', async () => {
		const jobs = manyJobs(40, TEST_NOW);
		const h = await renderApp({ snapshot: makeSnapshot(jobs) });
		await h.press('j');
		await h.update(makeSnapshot([...arrivals(10), ...jobs]));
		expect(h.lines()[3]).toBe(' ▲ 10 newer  g newest');
		await h.press('g');
		expect(h.lines()[3]).toMatch(/^›✓ NORMAL +Arrival 10 /);
		expect(h.frame()).not.toContain('newer');
		h.unmount();
	});

	test('scrolled down by keys, the marker counts the rows above; ASCII draws it with ^', async () => {
		const h = await renderApp({ snapshot: makeSnapshot(manyJobs(40, TEST_NOW)), ascii: true });
		// 19 job rows at 80x24: the 20th press scrolls, and the marker takes a line.
		for (let i = 0; i < 19; i++) await h.press('j');
		expect(h.lines()[3]).toBe(' ^ 2 newer  g newest');
		expect(selectedLine(h)).toMatch(/^>\+ NORMAL +Job number 19 /);
		expect(h.lines().at(-1)).toContain('quit');
		expectFits(h, 24);
		// The last row in view is the one above the footer: no job hides behind the marker.
		await h.press('\x1b[6~'); // PgDn: the next page starts right after the last row seen
		expect(h.lines()[4]).toMatch(/Job number 20 /);
		h.unmount();
	});
});

describe('Enter opens what was highlighted when it was pressed', () => {
	test('with the newest selected, a job arriving in the same instant is not the one opened', async () => {
		const jobs = manyJobs(5, TEST_NOW);
		const h = await renderApp({ snapshot: makeSnapshot(jobs) });
		expect(selectedLine(h)).toContain('Job number 0');
		// The new job is drawn (highlighted, as the newest) and Enter arrives at the same moment.
		await h.update(makeSnapshot([...arrivals(1), ...jobs]));
		expect(selectedLine(h)).toContain('Arrival 1');
		await h.press('\r');
		expect(h.lines()[0]).toContain('umwatch › Job number 0');
		// Back in the list, the selection is on the job opened, the arrival above it.
		await pressEscape(h);
		expect(selectedLine(h)).toContain('Job number 0');
		expect(h.lines()[3]).toMatch(/^ ✓ NORMAL +Arrival 1 /);
		// Keys pressed before Enter still count: j moved from what was seen.
		await h.press('g');
		await h.update(makeSnapshot([...arrivals(2), ...jobs]));
		await h.press('j', '\r');
		expect(h.lines()[0]).toContain('umwatch › Arrival 1');
		await pressEscape(h);
		// A job on screen long enough to be seen is the one opened.
		await h.press('g');
		await h.update(makeSnapshot([...arrivals(3), ...jobs]));
		await h.advance(REACTION_MS);
		await h.press('\r');
		expect(h.lines()[0]).toContain('umwatch › Arrival 3');
		h.unmount();
	});
});

describe('clearing the filter', () => {
	test('after opening a job, the selection stays on that job', async () => {
		const h = await renderApp({ snapshot: makeSnapshot(manyJobs(30, TEST_NOW)) });
		await h.press('/', 'Job number 7', '\r');
		expect(selectedLine(h)).toContain('Job number 7');
		await h.press('\r');
		expect(h.lines()[0]).toContain('umwatch › Job number 7');
		await pressEscape(h); // back to the filtered list
		await pressEscape(h); // clears the filter
		expect(h.lines().at(-1)).not.toContain('filter:');
		expect(selectedLine(h)).toContain('Job number 7');
		h.unmount();
	});

	test('after selecting the first match, the selection stays on it, and newer matches do not take it', async () => {
		const jobs = manyJobs(30, TEST_NOW);
		const h = await renderApp({ snapshot: makeSnapshot(jobs) });
		await h.press('/', 'Job number 1', '\r', 'j', 'k');
		expect(selectedLine(h)).toContain('Job number 1 ');
		const match = makeJob({ key: 'm', name: 'Job number 1000', submitTime: TEST_NOW + 1000 });
		await h.update(makeSnapshot([match, ...jobs]));
		expect(selectedLine(h)).toContain('Job number 1 ');
		await pressEscape(h);
		expect(selectedLine(h)).toContain('Job number 1 ');
		h.unmount();
	});
});

describe('help at 80×24', () => {
	test('shows that it scrolls: "↓ more" on its last line, "↑ more" at the end', async () => {
		const h = await renderApp({ snapshot: makeSnapshot(manyJobs(5, TEST_NOW)) });
		await h.press('?');
		const lines = h.lines();
		expect(lines.at(-1)).toContain('Esc close help');
		expect(lines.at(-2)).toBe(' ↓ more');
		expectFits(h, 24);
		await h.press('j');
		expect(h.lines().at(-2)).toBe(' ↑↓ more');
		await h.press('G');
		expect(h.lines().at(-2)).toBe(' ↑ more');
		// The end of the help is in view: the last state of the legend.
		expect(h.lines().at(-3)).toMatch(/UNKNOWN|does not know/);
		expectFits(h, 24);
		h.unmount();
	});
});

describe('--ascii', () => {
	test('the live dot is not the RUNNING glyph', async () => {
		expect(ASCII_GLYPHS.live).not.toBe(ASCII_GLYPHS.states.RUNNING);
		const running = makeJob({ key: 'r', displayState: 'RUNNING', submitTime: TEST_NOW });
		const h = await renderApp({
			snapshot: makeSnapshot([running], { lastSuccessAt: TEST_NOW }),
			ascii: true,
		});
		expect(h.lines()[0]).toMatch(/ @ live 12:00 {3}\? help$/);
		expect(h.lines()[1]).toBe(' * 1 running');
		h.unmount();
	});
});
