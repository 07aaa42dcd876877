// `show` on a terminal wraps long task messages and result values as the live
// job view does (whole, under their task, within the width); a pipe keeps
// every value whole on its line.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runShow } from '../../source/output/show.js';
import { stripAnsi } from '../helpers/ansi.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { captureIo, fakeClient } from '../helpers/out-fakes.js';
import { apiJob } from '../helpers/ui-fixtures.js';

const clock = new FakeClock(Date.parse('2026-11-28T03:10:00Z'));
const MESSAGE =
	'Task failed: the aggregate aggr1 on node cluster1-01 is offline, so volume vol_data_01 could not be created; bring the aggregate online and retry the job.';
const JAPANESE =
	'アグリゲートaggr1がオフラインのため、ボリュームvol_data_01を作成できませんでした。アグリゲートをオンラインにしてから再試行してください。';
const VALUE =
	'7d5a59b3-953a-11e8-8d4e-00a098d39e12:type=volume,uuid=e581c23a-1037-4f2a-ab7e-3c8e4f1d2a6b';

const JOB = apiJob({
	key: 'k1',
	name: 'Protect Volume',
	state: 'completed',
	status: 'error',
	submit_time: '2026-11-28T03:03:41Z',
	complete_time: '2026-11-28T03:05:52Z',
	task_reports: [
		{ type: 'create_volume', state: 'completed', status: 'error', message: MESSAGE },
		{ type: 'protect', state: 'completed', status: 'error', message: JAPANESE },
		{ type: 'monitor', state: 'completed', status: 'normal' },
	],
	job_results: [{ name: 'volumeKey', value: VALUE }],
});

async function show(stdout: { isTTY?: boolean; columns?: number }): Promise<string[]> {
	const io = captureIo({ clock, timeZone: 'UTC', stdout });
	expect(await runShow(fakeClient([JOB]), 'k1', { format: 'text', color: true }, io)).toBe(0);
	return stripAnsi(io.stdout.text()).trimEnd().split('\n');
}

describe('show on a terminal', () => {
	it('wraps task messages under their task, within 80 columns, nothing cut', async () => {
		const lines = await show({ isTTY: true, columns: 80 });
		const tasks = lines.slice(lines.indexOf('Tasks'));
		expect(tasks.slice(0, 12)).toEqual([
			'Tasks',
			'           STATE   TYPE',
			'           ERROR   create_volume',
			'             Task failed: the aggregate aggr1 on node cluster1-01 is offline,',
			'             so volume vol_data_01 could not be created; bring the aggregate',
			'             online and retry the job.',
			'           ERROR   protect',
			'             アグリゲートaggr1がオフラインのため、ボリュームvol_data_01を作成で',
			'             きませんでした。アグリゲートをオンラインにしてから再試行してくださ',
			'             い。',
			'           NORMAL  monitor',
			'Results',
		]);
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
	});

	it('wraps result values in their own column', async () => {
		const lines = await show({ isTTY: true, columns: 60 });
		expect(lines.slice(lines.indexOf('Results'))).toEqual([
			'Results',
			'           volumeKey  7d5a59b3-953a-11e8-8d4e-00a098d39e12:t',
			'                      ype=volume,uuid=e581c23a-1037-4f2a-ab7',
			'                      e-3c8e4f1d2a6b',
		]);
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(60);
	});

	it('keeps a pipe unchanged: messages whole in a MESSAGE column', async () => {
		const lines = await show({});
		expect(lines).toContain(`           ERROR   create_volume  ${MESSAGE}`);
		expect(lines).toContain(`           volumeKey  ${VALUE}`);
	});
});
