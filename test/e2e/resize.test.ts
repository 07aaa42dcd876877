// A resize reflows the live screen at once, in a real pseudo-terminal.
import { afterEach, expect, it } from 'vitest';
import { FIXTURE_JOB_COUNT } from '../helpers/pty-fixtures.js';
import { visibleJobNumbers } from '../helpers/pty-screen.js';
import {
	closeWatchSessions,
	expectCalmFrame,
	frameSettled,
	newestFirst,
	watchFixtures,
} from '../helpers/pty-watch.js';

afterEach(closeWatchSessions);

it('reflows at once when the terminal is resized: narrower, wider, shorter', async () => {
	// A long interval: the reflow must come from the resize, not from the next poll.
	const { term: t } = await watchFixtures({ interval: 60 });
	await t.waitFor(() => visibleJobNumbers(t.screenText()).length > 12);
	const at80 = visibleJobNumbers(t.screenText()).length;
	expect(t.screenText().join('\n')).not.toContain('KEY');

	t.resize(60, 15);
	await t.waitFor(() => frameSettled(t));
	expectCalmFrame(t);
	const at60 = visibleJobNumbers(t.screenText());
	expect(at60).toEqual(newestFirst(FIXTURE_JOB_COUNT, at60.length));
	expect(at60.length).toBeLessThan(at80);
	expect(Math.max(...t.screenText().map((line) => line.length))).toBeLessThanOrEqual(60);

	t.resize(120, 40);
	await t.waitFor(() => frameSettled(t) && visibleJobNumbers(t.screenText()).length > at80);
	expectCalmFrame(t);
	const at120 = visibleJobNumbers(t.screenText());
	expect(at120).toEqual(newestFirst(FIXTURE_JOB_COUNT, at120.length));
	// The wide layout has room for the key column.
	expect(t.screenText().join('\n')).toContain('KEY');

	// Only the height shrinks: Ink's own clear on a narrower width does not happen.
	t.resize(120, 20);
	await t.waitFor(() => frameSettled(t) && visibleJobNumbers(t.screenText()).length < at80);
	expectCalmFrame(t);
	const short = visibleJobNumbers(t.screenText());
	expect(short).toEqual(newestFirst(FIXTURE_JOB_COUNT, short.length));
});
