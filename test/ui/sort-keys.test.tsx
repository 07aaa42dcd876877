/**
 * Sorting and jumping to failures in the live view, as the user sees it:
 * the real App over a fake engine's snapshot.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplayState, Job } from '../../source/api/job.js';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';
import { renderApp, TEST_NOW, type UiHarness } from '../helpers/ui-harness.js';

let harness: UiHarness | null = null;
afterEach(() => {
	harness?.unmount();
	harness = null;
});

const STATES: readonly DisplayState[] = ['NORMAL', 'ERROR', 'RUNNING', 'WARNING', 'NORMAL'];

/** 20 jobs, newest first: job 0 is the newest; every 5th state cycles; durations grow with the index. */
function jobs(count = 20): Job[] {
	return Array.from({ length: count }, (_, i) => {
		const displayState = STATES[i % STATES.length] as DisplayState;
		const running = displayState === 'RUNNING';
		return makeJob({
			key: `k${i}`,
			name: `Job ${String.fromCharCode(90 - i)}${i}`,
			displayState,
			submitTime: TEST_NOW - (i + 1) * 60_000,
			completeTime: running ? null : TEST_NOW - (i + 1) * 60_000 + (i + 1) * 1000,
		});
	});
}

async function open(list: readonly Job[], rows = 14, ascii = false) {
	harness = await renderApp({ snapshot: makeSnapshot(list), rows, ascii });
	return harness;
}

function tableRows(h: UiHarness): string[] {
	const lines = h.lines();
	const heading = lines.findIndex((line) => line.includes('NAME'));
	return lines.slice(heading + 1, -1);
}

/** The selected row's job key (its name says it: `Job Z0` is k0). */
function selected(h: UiHarness): string | undefined {
	const line = tableRows(h).find((row) => row.startsWith('›') || row.startsWith('>'));
	const n = line?.match(/Job [A-Z](\d+)/)?.[1];
	return n === undefined ? undefined : `k${n}`;
}

const selectedLine = (h: UiHarness) =>
	tableRows(h).findIndex((row) => row.startsWith('›') || row.startsWith('>'));

const heading = (h: UiHarness) => h.lines().find((line) => line.includes('NAME')) ?? '';

describe('s and S cycle the sort', () => {
	it('submitted, state, duration, name and back; the footer and the title say which; the selection stays on its job and line', async () => {
		const h = await open(jobs());
		expect(heading(h)).toContain('SUBMITTED▼');
		await h.press('j', 'j', 'j'); // k3, a WARNING
		expect(selected(h)).toBe('k3');
		const line = selectedLine(h);
		await h.press('s');
		expect(h.lines().at(-1)).toContain('sort: state');
		expect(heading(h)).toContain('STATE▼');
		expect(heading(h)).not.toContain('SUBMITTED▼');
		expect(selected(h)).toBe('k3');
		// The same line, or the next when jobs now above it take a line for the "▲ N above" marker.
		expect(selectedLine(h) - line).toBeGreaterThanOrEqual(0);
		expect(selectedLine(h) - line).toBeLessThanOrEqual(1);
		// Failures first: the row above the selection's block starts with the errors.
		await h.press('g');
		expect(tableRows(h)[0]).toContain('ERROR');
		await h.press('s');
		expect(h.lines().at(-1)).toContain('sort: duration');
		expect(heading(h)).toContain('▼DURATION');
		// The running jobs run longest (up to now); then the longest finished first.
		await h.press('g');
		expect(tableRows(h)[0]).toContain('RUNNING');
		await h.press('s');
		expect(h.lines().at(-1)).toContain('sort: name');
		await h.press('s');
		expect(h.lines().at(-1)).not.toContain('sort:');
		expect(heading(h)).toContain('SUBMITTED▼');
		await h.press('S');
		expect(h.lines().at(-1)).toContain('sort: name');
		// By name: Job G19, Job H18 … Job Z0, by the letter.
		await h.press('g');
		expect(tableRows(h)[0]).toContain('Job G19');
		expect(tableRows(h)[1]).toContain('Job H18');
	});

	it('--sort starts in that order; --ascii marks the column with v', async () => {
		harness = await renderApp({
			snapshot: makeSnapshot(jobs()),
			rows: 14,
			ascii: true,
			sort: 'state',
		});
		expect(heading(harness)).toMatch(/STATE v/);
		expect(tableRows(harness)[0]).toContain('ERROR');
	});

	it('a new job arrives where the sort puts it without moving the view once the user moved', async () => {
		const list = jobs();
		const h = await open(list);
		await h.press('s', 'j', 'j');
		const before = tableRows(h);
		const pick = selected(h);
		const failure = makeJob({
			key: 'k99',
			name: 'Job A99',
			displayState: 'ERROR',
			submitTime: TEST_NOW,
			completeTime: TEST_NOW,
		});
		await h.update(makeSnapshot([failure, ...list]));
		expect(selected(h)).toBe(pick);
		// The rows stay; the new failure is above, counted by the marker.
		const above = Number(before[0]?.match(/(\d+) above/)?.[1]);
		expect(tableRows(h)[0]).toContain(`${above + 1} above`);
		expect(tableRows(h).slice(1)).toEqual(before.slice(1));
		await h.press('g');
		expect(tableRows(h)[0]).toContain('Job A99');
	});
});

describe('] and [ jump to failures', () => {
	it('] goes to the next failed job below, wrapping round; [ to the previous one above, wrapping', async () => {
		const h = await open(jobs(), 30);
		// Failures (ERROR) are k1, k6, k11, k16.
		await h.press(']');
		expect(selected(h)).toBe('k1');
		await h.press(']');
		expect(selected(h)).toBe('k6');
		await h.press(']', ']');
		expect(selected(h)).toBe('k16');
		await h.press(']');
		expect(selected(h)).toBe('k1');
		await h.press('[');
		expect(selected(h)).toBe('k16');
		await h.press('[');
		expect(selected(h)).toBe('k11');
	});

	it('with no failure, nothing moves; the help lists the keys', async () => {
		const calm = jobs().filter((job) => job.displayState !== 'ERROR');
		const h = await open(calm, 40);
		await h.press('j');
		const before = selected(h);
		await h.press(']', '[');
		expect(selected(h)).toBe(before);
		await h.press('?');
		const help = h.frame();
		expect(help).toMatch(/\] +next failed job below \(wraps round\)/);
		expect(help).toMatch(/\[ +previous failed job above \(wraps round\)/);
		expect(help).toMatch(/ s +sort: submitted, state, duration, name/);
		expect(help).toMatch(/ S +sort: the one before/);
	});
});
