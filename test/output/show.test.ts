import { describe, expect, it } from 'vitest';
import { runShow } from '../../source/output/show.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { activeCharacters, captureIo, fakeClient } from '../helpers/out-fakes.js';
import { apiJob } from '../helpers/ui-fixtures.js';

const KEY = '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87';
const clock = new FakeClock(Date.parse('2026-11-28T03:10:00Z'));

const JOB = apiJob({
	key: KEY,
	name: 'Protect Volume',
	type: 'Protection Configuration',
	state: 'completed',
	status: 'error',
	submit_time: '2026-11-28T12:03:41+09:00',
	complete_time: '2026-11-28T12:05:52+09:00',
	task_reports: [
		{
			key: 't1',
			type: 'monitor_discover',
			state: 'completed',
			status: 'error',
			message: 'Task failed: aggregate aggr1 is offline',
		},
		{ key: 't2', type: 'create_volume', state: 'completed', status: 'normal' },
	],
	job_results: [{ name: 'volumeKey', value: '7d5a59b3:type=volume,uuid=e581c23a' }],
	progress: 40,
});

describe('runShow', () => {
	it('prints every field as plain text when piped', async () => {
		const io = captureIo({ clock, timeZone: 'Asia/Tokyo' });
		expect(await runShow(fakeClient([JOB]), KEY, { format: 'text', color: true }, io)).toBe(0);
		expect(io.stdout.text()).toBe(
			[
				`Key        ${KEY}`,
				'Name       Protect Volume',
				'State      ERROR   (lifecycle completed, outcome error)',
				'Type       Protection Configuration',
				'Submitted  2026-11-28 12:03:41 +09:00',
				'Completed  2026-11-28 12:05:52 +09:00',
				'Duration   2m11s',
				'Tasks',
				'           STATE   TYPE              MESSAGE',
				'           ERROR   monitor_discover  Task failed: aggregate aggr1 is offline',
				'           NORMAL  create_volume',
				'Results',
				'           volumeKey  7d5a59b3:type=volume,uuid=e581c23a',
				'Other',
				'           progress  40',
				'',
			].join('\n'),
		);
	});

	it('adds glyph and colour on a terminal', async () => {
		const io = captureIo({ clock, stdout: { isTTY: true, columns: 80 } });
		await runShow(fakeClient([JOB]), KEY, { format: 'text', color: true }, io);
		expect(io.stdout.text()).toContain(
			'State      \u001b[31m✗ ERROR\u001b[0m   (lifecycle completed, outcome error)\n',
		);
	});

	it('--json prints the documented object', async () => {
		const io = captureIo({ clock });
		await runShow(fakeClient([JOB]), KEY, { format: 'json', color: false }, io);
		const json = JSON.parse(io.stdout.text());
		expect(json.task_reports).toEqual([
			{
				key: 't1',
				type: 'monitor_discover',
				state: 'ERROR',
				lifecycle: 'completed',
				outcome: 'error',
				message: 'Task failed: aggregate aggr1 is offline',
			},
			{
				key: 't2',
				type: 'create_volume',
				state: 'NORMAL',
				lifecycle: 'completed',
				outcome: 'normal',
				message: null,
			},
		]);
		expect(json.extra).toEqual({ progress: '40' });
		expect(json.duration_ms).toBe(131_000);
	});

	it('exits 8 for an unknown key and 2 for a bad one', async () => {
		const io = captureIo({ clock });
		expect(await runShow(fakeClient([JOB]), 'nope', { format: 'text', color: false }, io)).toBe(8);
		expect(io.stderr.text()).toBe('umwatch: job nope not found\n');
		const bad = captureIo({ clock });
		expect(
			await runShow(fakeClient([JOB]), 'two words', { format: 'text', color: false }, bad),
		).toBe(2);
		expect(bad.stderr.text()).toBe(
			'umwatch: KEY "two words" contains spaces or control characters; a job key has none\n',
		);
	});

	it('shows hostile task messages and unknown fields inert', async () => {
		const hostile = apiJob({
			key: 'h1',
			name: 'n\u001b[2Jame',
			state: 'completed',
			status: 'error',
			task_reports: [
				{
					type: 't',
					state: 'completed',
					status: 'error',
					message: 'bad\u001b]8;;http://x\u0007link\r\nline2\u009b',
				},
			],
			'\u001b]52;c;x\u0007': '\u202eevil',
		});
		for (const format of ['text', 'json'] as const) {
			const io = captureIo({ clock, stdout: { isTTY: format === 'text' } });
			await runShow(fakeClient([hostile]), 'h1', { format, color: false }, io);
			expect([format, activeCharacters(io.stdout.text())]).toEqual([format, []]);
		}
	});
});
