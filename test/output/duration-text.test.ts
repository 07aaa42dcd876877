// A job's duration reads the same in every mode: the live view's exact form
// for a finished job (`1m05s`, `2h03m05s`), never milliseconds (`0s`, not `849ms`).
import { describe, expect, it } from 'vitest';
import { runList } from '../../source/output/list.js';
import { runShow } from '../../source/output/show.js';
import { runWait, type WaitForJobFn } from '../../source/output/wait.js';
import { formatFinalDuration } from '../../source/present/time-format.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { captureIo, fakeClient } from '../helpers/out-fakes.js';
import { apiJob } from '../helpers/ui-fixtures.js';

const T0 = Date.parse('2026-11-28T03:00:00Z');
const clock = new FakeClock(T0 + 10 * 3_600_000);

function finishedAfter(key: string, ms: number) {
	return apiJob({
		key,
		name: 'Expand LUN',
		state: 'completed',
		status: 'normal',
		submit_time: new Date(T0).toISOString(),
		complete_time: new Date(T0 + ms).toISOString(),
	});
}

const QUICK = finishedAfter('k-quick', 849);
const LONG = finishedAfter('k-long', 2 * 3_600_000 + 3 * 60_000 + 5_000);

const resolvesWith =
	(job: ReturnType<typeof apiJob>): WaitForJobFn =>
	async () =>
		job;

describe('durations in the script modes', () => {
	it('list prints 0s and 2h03m05s, piped and on a terminal', async () => {
		for (const stdout of [{}, { isTTY: true, columns: 120 }]) {
			const io = captureIo({ clock, stdout });
			await runList(fakeClient([QUICK, LONG]), { format: 'table', color: false }, io);
			const lines = io.stdout.text().split('\n');
			expect(lines.find((line) => line.endsWith('k-quick'))).toMatch(/ {7}0s {2}k-quick$/);
			expect(lines.find((line) => line.endsWith('k-long'))).toMatch(/ 2h03m05s {2}k-long$/);
		}
	});

	it('show prints the same text as the live view', async () => {
		for (const [job, ms] of [
			[QUICK, 849],
			[LONG, 7_385_000],
		] as const) {
			const io = captureIo({ clock });
			await runShow(fakeClient([job]), job.key, { format: 'text', color: false }, io);
			expect(io.stdout.text()).toContain(`\nDuration   ${formatFinalDuration(ms)}\n`);
		}
		const io = captureIo({ clock });
		await runShow(fakeClient([QUICK]), QUICK.key, { format: 'text', color: false }, io);
		expect(io.stdout.text()).toContain('\nDuration   0s\n');
	});

	it('wait says "took 0s", not "took 849ms"', async () => {
		const io = captureIo({ clock });
		await runWait(fakeClient([]), QUICK.key, { format: 'line' }, io, resolvesWith(QUICK));
		expect(io.stdout.text()).toBe('NORMAL  Expand LUN  k-quick  took 0s\n');
		const long = captureIo({ clock });
		await runWait(fakeClient([]), LONG.key, { format: 'line' }, long, resolvesWith(LONG));
		expect(long.stdout.text()).toBe('NORMAL  Expand LUN  k-long  took 2h03m05s\n');
	});

	it('JSON keeps the exact milliseconds', async () => {
		const io = captureIo({ clock });
		await runShow(fakeClient([QUICK]), QUICK.key, { format: 'json', color: false }, io);
		expect(JSON.parse(io.stdout.text()).duration_ms).toBe(849);
	});
});
