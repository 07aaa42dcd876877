import { describe, expect, it } from 'vitest';
import { DISPLAY_STATES, type DisplayState, type Job } from '../../source/api/job.js';
import { runList } from '../../source/output/list.js';
import { runShow } from '../../source/output/show.js';
import { runWait, type WaitForJobFn } from '../../source/output/wait.js';
import { layoutTable } from '../../source/ui/screen/columns.js';
import { stripAnsi } from '../helpers/ansi.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { captureIo, fakeClient } from '../helpers/out-fakes.js';
import { makeSnapshot, makeJob as makeUiJob } from '../helpers/ui-fixtures.js';
import { renderApp, TEST_NOW } from '../helpers/ui-harness.js';

/**
 * One presentation of a job (issue 9): `list` on a terminal and the live view
 * draw every state with the same glyph and word, in Unicode and in ASCII.
 */

const clock = new FakeClock(TEST_NOW);

function jobOf(state: DisplayState): Job {
	return {
		...makeUiJob({ key: `k-${state}`, displayState: state, submitTime: TEST_NOW - 65_000 }),
		name: `job-${DISPLAY_STATES.indexOf(state)}`,
		// An odd raw value the parser could not map: both show it after `UNKNOWN:`.
		rawState: state === 'UNKNOWN' ? 'paused' : state,
	};
}

const JOBS = DISPLAY_STATES.map(jobOf);

/** `glyph WORD` of each job in the live view's table, by job name. */
async function liveStates(ascii: boolean): Promise<Map<string, string>> {
	const h = await renderApp({ snapshot: makeSnapshot(JOBS), columns: 120, rows: 40, ascii });
	const found = new Map<string, string>();
	for (const line of h.lines()) {
		const name = /job-\d+/.exec(line)?.[0];
		// The gutter holds the pointer; the state cell is the 18 columns after it.
		if (name !== undefined) found.set(name, line.slice(1, 19).trim());
	}
	h.unmount();
	return found;
}

/** `glyph WORD` of each job in `list` on a terminal, by job name. */
async function listStates(ascii: boolean): Promise<Map<string, string>> {
	const io = captureIo({ clock, stdout: { isTTY: true, columns: 160 } });
	expect(await runList(fakeClient(JOBS), { format: 'table', color: true, ascii }, io)).toBe(0);
	const found = new Map<string, string>();
	for (const line of stripAnsi(io.stdout.text()).split('\n')) {
		const name = /job-\d+/.exec(line)?.[0];
		if (name !== undefined) found.set(name, line.split(/ {2,}/)[0]?.trim() ?? '');
	}
	return found;
}

describe('list and the live view agree', () => {
	for (const ascii of [false, true]) {
		it(`on every state's glyph and word${ascii ? ' with --ascii' : ''}`, async () => {
			const live = await liveStates(ascii);
			const list = await listStates(ascii);
			for (const state of DISPLAY_STATES) {
				const name = `job-${DISPLAY_STATES.indexOf(state)}`;
				expect(live.get(name), state).toBeDefined();
				expect(list.get(name), state).toBe(live.get(name));
			}
			expect(list.get(`job-${DISPLAY_STATES.indexOf('UNKNOWN')}`)).toBe('? UNKNOWN:paused');
			expect(list.get(`job-${DISPLAY_STATES.indexOf('ABORTING')}`)).toBe(
				ascii ? '/ ABORTING' : '⊘ ABORTING',
			);
		});
	}
});

/** The order columns disappear in as the terminal narrows from 200 columns to 20. */
async function dropOrder(titlesAt: (width: number) => Promise<string[]>): Promise<string[]> {
	const gone: string[] = [];
	let before = await titlesAt(200);
	for (let width = 199; width >= 20; width--) {
		const now = await titlesAt(width);
		for (const title of before) if (!now.includes(title) && !gone.includes(title)) gone.push(title);
		before = now;
	}
	return gone;
}

describe('list and the live view give up the same columns first', () => {
	it('key, type, duration, submitted; never the state or the name', async () => {
		const live = await dropOrder(async (width) =>
			layoutTable(width).columns.map((column) => column.title),
		);
		const list = await dropOrder(async (width) => {
			const io = captureIo({ clock, stdout: { isTTY: true, columns: width } });
			await runList(fakeClient(JOBS), { format: 'table', color: false }, io);
			return (io.stdout.text().split('\n')[0] ?? '').split(/ +/);
		});
		expect(live).toEqual(['KEY', 'TYPE', 'DURATION', 'SUBMITTED']);
		expect(list).toEqual(live);
	});
});

const NON_ASCII = /[^\x00-\x7f]/gu;

describe('--ascii on a terminal', () => {
	// Long values at a narrow width, so cells are cut and the ellipsis shows.
	const long: Job = {
		...jobOf('ABORTED'),
		name: 'Create a rather long file share name that will not fit',
		type: 'Provisioning and protection',
		taskReports: [
			{
				key: null,
				type: 'Create volume',
				state: 'completed',
				status: 'aborted',
				displayState: 'ABORTED',
				message: 'A task message that is long enough to wrap onto a second line here',
				startTime: null,
				completeTime: null,
			} as Job['taskReports'][number],
		],
	};
	const jobs = [long, ...JOBS];

	it('list writes not one non-ASCII character', async () => {
		for (const columns of [40, 60, 80, 160]) {
			const io = captureIo({ clock, stdout: { isTTY: true, columns } });
			const client = fakeClient(jobs);
			expect(await runList(client, { format: 'table', color: true, ascii: true }, io)).toBe(0);
			expect(io.stdout.text().match(NON_ASCII), `${columns} columns`).toBeNull();
			// Cut cells end in the ASCII ellipsis.
			if (columns === 40) expect(io.stdout.text()).toContain('~');
		}
	});

	it('show writes not one non-ASCII character', async () => {
		for (const job of jobs) {
			const io = captureIo({ clock, stdout: { isTTY: true, columns: 50 } });
			const code = await runShow(
				fakeClient(jobs),
				job.key,
				{ format: 'text', color: true, ascii: true },
				io,
			);
			expect(code).toBe(0);
			expect(io.stdout.text().match(NON_ASCII), job.key).toBeNull();
		}
	});

	it('without --ascii the same output is Unicode (the test can see the difference)', async () => {
		const io = captureIo({ clock, stdout: { isTTY: true, columns: 40 } });
		expect(await runList(fakeClient(jobs), { format: 'table', color: true }, io)).toBe(0);
		expect(io.stdout.text().match(NON_ASCII)).not.toBeNull();
	});
});

describe('wait --ascii on a terminal', () => {
	it("the progress line draws the ASCII glyph and cuts with '~'", async () => {
		const running = {
			...jobOf('RUNNING'),
			name: 'A job name far too long for a thirty column line',
		};
		const io = captureIo({ clock, stderr: { isTTY: true, columns: 30 } });
		const waiter: WaitForJobFn = async (_client, _key, options) => {
			options.onUpdate?.(running);
			return jobOf('NORMAL');
		};
		const options = { format: 'line', ascii: true } as const;
		expect(await runWait(fakeClient([]), running.key, options, io, waiter)).toBe(0);
		expect(io.stderr.text()).toContain('* RUNNING  A job name far to~');
		expect(io.stderr.text().match(NON_ASCII)).toBeNull();
	});
});
