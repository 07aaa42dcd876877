// The live screen as a person sees it: the bundled binary in a real pseudo-terminal,
// watching a real simulator over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_JOB_COUNT, fixtureKey, fixtureName } from '../helpers/pty-fixtures.js';
import {
	lastNonEmptyIndex,
	lineIndexOf,
	screenClears,
	visibleJobNumbers,
} from '../helpers/pty-screen.js';
import {
	closeWatchSessions,
	expectCalmFrame,
	newestFirst,
	selectedJob,
	watchFixtures,
} from '../helpers/pty-watch.js';

afterEach(closeWatchSessions);

describe.each([
	{ cols: 80, rows: 24 },
	{ cols: 160, rows: 48 },
])('at $cols×$rows', ({ cols, rows }) => {
	it('shows header, newest jobs first, footer, within rows-1 lines, and updates live without clearing', async () => {
		const { server, term: t } = await watchFixtures({ cols, rows });
		await t.waitFor(() => visibleJobNumbers(t.screenText()).length > rows / 2);
		const firstFrameEnd = t.bytesWritten;
		expectCalmFrame(t);
		const lines = t.screenText();
		const shown = visibleJobNumbers(lines);
		// Windowed: as many as fit, all newest first, none skipped.
		expect(shown).toEqual(newestFirst(FIXTURE_JOB_COUNT, shown.length));
		expect(shown.length).toBeLessThan(FIXTURE_JOB_COUNT);
		expect(lines[lastNonEmptyIndex(lines)]).toMatch(/quit/);
		expect(selectedJob(t)).toBe(FIXTURE_JOB_COUNT);

		// A new job arrives at the top; the selection stays on the newest.
		server.sim.addJob({
			key: fixtureKey(61),
			name: fixtureName(61),
			type: 'Provisioning',
			state: 'running',
			status: 'normal',
			auto: false,
		});
		await t.waitFor(() => visibleJobNumbers(t.screenText())[0] === 61);
		expectCalmFrame(t);
		expect(visibleJobNumbers(t.screenText())).toEqual(newestFirst(61, shown.length));
		expect(selectedJob(t)).toBe(61);
		expect(screenClears(t.rawTextSince(firstFrameEnd))).toEqual([]);
	});
});

it('goes into a job with ↓ ↓ Enter, shows its key whole, and comes back with Esc', async () => {
	const { term: t } = await watchFixtures();
	t.write('\u001B[B');
	await t.waitFor(() => selectedJob(t) === 59);
	t.write('\u001B[B');
	await t.waitFor(() => selectedJob(t) === 58);
	t.write('\r');
	await t.waitForText(fixtureKey(58));
	expect(t.screenText().join('\n')).toContain(fixtureName(58));
	expect(visibleJobNumbers(t.screenText())).not.toContain(57);
	expect(t.screenText()[t.size.rows - 1]).toBe('');

	t.write('\u001B');
	await t.waitFor(() => lineIndexOf(t.screenText(), /STATE\s+NAME/) > 0);
	expectCalmFrame(t);
	expect(selectedJob(t)).toBe(58);
	expect(visibleJobNumbers(t.screenText()).slice(0, 3)).toEqual([60, 59, 58]);
	expect(new Set(visibleJobNumbers(t.screenText())).size).toBe(
		visibleJobNumbers(t.screenText()).length,
	);
});
