import { describe, expect, test } from 'vitest';
import { displayWidth } from '../../source/present/text-width.js';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';
import { pressEscape, renderApp, TEST_NOW } from '../helpers/ui-harness.js';

const KEY = '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87';
const failure =
	'Task failed: aggregate aggr1 on node cluster-01 is offline, so the volume cannot be created there; bring the aggregate online and retry';

const failed = makeJob({
	key: KEY,
	name: 'Create File Share',
	type: 'Provisioning',
	state: 'completed',
	status: 'error',
	displayState: 'ERROR',
	submitTime: TEST_NOW - 4 * 60_000 - 19_000,
	completeTime: TEST_NOW - 2 * 60_000 - 8_000,
	taskReports: [
		{
			key: 't1',
			type: 'create_volume',
			state: 'completed',
			status: 'normal',
			displayState: 'NORMAL',
			message: 'ok',
		},
		{
			key: 't2',
			type: 'monitor_discover',
			state: 'completed',
			status: 'error',
			displayState: 'ERROR',
			message: failure,
		},
	],
	jobResults: [
		{ name: 'volumeKey', value: '7d5a59b3-953a-11e8-8f2f-00a098d390ec:type=volume,uuid=e581c23a' },
	],
	extra: [{ name: 'owner', value: '"admin"' }],
});
const running = makeJob({
	key: 'run-1',
	name: 'ボリュームの作成',
	displayState: 'RUNNING',
	submitTime: TEST_NOW - 30_000,
});
const other = makeJob({ key: 'other-2', name: 'Expand LUN', submitTime: TEST_NOW - 3_600_000 });

describe('detail view', () => {
	test('every field: whole key, states raw and derived, times, tasks, results, extras', async () => {
		process.env.TZ = 'UTC';
		const h = await renderApp({ snapshot: makeSnapshot([running, failed, other]), rows: 40 });
		await h.press('j', '\r');
		const lines = h.lines();
		expect(lines[0]?.startsWith(' umwatch › Create File Share')).toBe(true);
		expect(lines.slice(1, 10)).toEqual([
			` Key        ${KEY}`,
			' Name       Create File Share',
			' State      ✗ ERROR   lifecycle completed · outcome error',
			' Type       Provisioning',
			' Submitted  2026-03-04 11:55:41 +00:00   4 min ago',
			' Completed  2026-03-04 11:57:52 +00:00   2 min ago',
			' Duration   2m11s',
			' Tasks',
			'             ✓ NORMAL create_volume',
		]);
		expect(lines[10]).toBe('             ✗ ERROR  monitor_discover');
		// The failure message is wrapped in full, not truncated.
		const message = lines
			.slice(11, 14)
			.map((l) => l.trim())
			.join(' ');
		expect(message).toBe(failure);
		for (const line of lines) expect(displayWidth(line)).toBeLessThan(80);
		expect(h.frame()).toContain(' Results');
		expect(h.frame()).toContain(
			`             volumeKey  7d5a59b3-953a-11e8-8f2f-00a098d390ec:type=volume,uuid=e\n${' '.repeat(24)}581c23a`,
		);
		expect(h.frame()).toContain(' Other');
		expect(h.frame()).toContain('             owner  "admin"');
		expect(h.engine.calls.focus).toEqual([KEY]);
		h.unmount();
		delete process.env.TZ;
	});

	test('scrolls when longer than the screen, within bounds', async () => {
		const h = await renderApp({ snapshot: makeSnapshot([failed]), rows: 12 });
		await h.press('\r');
		expect(h.lines()).toHaveLength(11);
		expect(h.lines()[1]).toContain('Key');
		await h.press('\x1b[B');
		expect(h.lines()[1]).toContain('Name');
		await h.press('\x1b[6~');
		await h.press('\x1b[6~', '\x1b[6~', '\x1b[6~');
		expect(h.lines()).toHaveLength(11);
		expect(h.lines().at(-2)).toContain('owner  "admin"');
		await h.press('\x1b[5~', '\x1b[5~', '\x1b[5~', '\x1b[5~', 'k');
		expect(h.lines()[1]).toContain('Key');
		h.unmount();
	});

	test('y copies the whole key with OSC 52 and says so, briefly', async () => {
		const h = await renderApp({ snapshot: makeSnapshot([failed]) });
		await h.press('\r', 'y');
		const osc = `\x1b]52;c;${Buffer.from(KEY).toString('base64')}\x07`;
		expect(h.stdout.writes.filter((w) => w.startsWith('\x1b]52'))).toEqual([osc]);
		expect(h.lines().at(-1)?.startsWith(' copied key ')).toBe(true);
		await h.advance(2999);
		expect(h.lines().at(-1)?.startsWith(' copied key ')).toBe(true);
		await h.advance(1);
		expect(h.lines().at(-1)?.startsWith('  Esc back')).toBe(true);
		h.unmount();
	});

	test('y does nothing on the list', async () => {
		const h = await renderApp({ snapshot: makeSnapshot([failed]) });
		await h.press('y');
		expect(h.stdout.writes.filter((w) => w.startsWith('\x1b]52'))).toEqual([]);
		h.unmount();
	});

	test('n/N go to the next and previous job, moving the focus along', async () => {
		const h = await renderApp({ snapshot: makeSnapshot([running, failed, other]) });
		await h.press('\r');
		expect(h.lines()[0]).toContain('umwatch › ボリュームの作成');
		await h.press('n');
		expect(h.lines()[0]).toContain('umwatch › Create File Share');
		await h.press('n', 'n');
		expect(h.lines()[0]).toContain('umwatch › Expand LUN');
		await h.press('N');
		expect(h.lines()[0]).toContain('umwatch › Create File Share');
		expect(h.engine.calls.focus).toEqual(['run-1', null, KEY, null, 'other-2', null, KEY]);
		await pressEscape(h);
		expect(h.engine.calls.focus.at(-1)).toBeNull();
		// Back on the list, the job last shown is selected.
		expect(h.lines().find((l) => l.startsWith('›'))).toContain('Create File Share');
		h.unmount();
	});

	test('stays live: a running job counts up, and changes to the job show at once', async () => {
		const h = await renderApp({ snapshot: makeSnapshot([running]) });
		await h.press('\r');
		expect(h.frame()).toContain(' Duration   30s (running)');
		// Redrawn every other second of the clock (see LIVE_SECONDS_STEP).
		await h.advance(1000);
		expect(h.frame()).toContain(' Duration   30s (running)');
		await h.advance(1000);
		expect(h.frame()).toContain(' Duration   32s (running)');
		const done = {
			...running,
			displayState: 'NORMAL' as const,
			over: true,
			completeTime: TEST_NOW + 40_000,
		};
		await h.update(makeSnapshot([done]));
		expect(h.frame()).toContain(' State      ✓ NORMAL');
		expect(h.frame()).toContain(' Duration   1m');
		h.unmount();
	});

	test('a job dropped from the list says so', async () => {
		const h = await renderApp({ snapshot: makeSnapshot([running]) });
		await h.press('\r');
		await h.update(makeSnapshot([]));
		expect(h.lines()[1]).toBe(' This job is no longer held (dropped from the list).');
		h.unmount();
	});

	test('with --ascii a running job draws not one non-ASCII character of its own', async () => {
		const job = makeJob({
			key: 'run-ascii',
			name: 'Expand LUN',
			type: 'Modify',
			state: 'running',
			status: null,
			displayState: 'RUNNING',
			submitTime: TEST_NOW - 30_000,
			taskReports: [
				{
					key: 't1',
					type: '',
					state: 'queued',
					status: null,
					displayState: 'QUEUED',
					message: null,
				},
			],
		});
		const h = await renderApp({ snapshot: makeSnapshot([job]), rows: 30, ascii: true });
		await h.press('\r');
		const frame = h.frame();
		expect(frame).toContain('Completed  -');
		expect(frame).toContain('outcome -');
		expect(frame.match(/[^\x00-\x7f]/gu) ?? []).toEqual([]);
	});
});
