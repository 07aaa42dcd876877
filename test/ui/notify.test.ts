import { describe, expect, test } from 'vitest';
import type { DisplayState, Job } from '../../source/api/job.js';
import type { JobEvent } from '../../source/engine/types.js';
import { notificationText, titleCounts, titleText } from '../../source/present/notify-text.js';
import { displayWidth } from '../../source/present/text-width.js';
import { Alerts } from '../../source/ui/alerts/alerts.js';
import { followWindowTitle } from '../../source/ui/alerts/window-title.js';
import { FakeEngine } from '../helpers/ui-fake-engine.js';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';

/** Every control a terminal acts on: C0 (ESC, BEL), DEL and C1 (0x9c ST, 0x9d OSC, 0x90 DCS…). */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

// Straight into a Job, past the parser: the notification's own pass must hold alone.
const HOSTILE = 'Evil\u001B]0;pwn\u0007\u001B\\st\u009C c1\u0085\u0090dcs\u009Dosc\u001B[2Jend';

/** When the alerts began watching. */
const START = Date.parse('2026-12-01T09:00:00Z');

function job(key: string, displayState: DisplayState, extra: Partial<Job> = {}): Job {
	return makeJob({ key, name: `Job ${key}`, displayState, ...extra });
}

function moved(from: DisplayState, to: Job): JobEvent {
	return { type: 'transition', at: 0, job: to, from, to: to.displayState };
}

/** Alerts whose poll boundaries the test sets: `poll()` tells what was gathered. */
function alertsFor(options: { bell?: boolean; desktop?: boolean; tmux?: boolean } = {}) {
	const writes: string[] = [];
	const tasks: (() => void)[] = [];
	const alerts = new Alerts({
		bell: options.bell ?? true,
		desktop: options.desktop ?? false,
		tmux: options.tmux ?? false,
		severalServers: () => false,
		write: (data) => writes.push(data),
		startedAt: START,
		defer: (task) => tasks.push(task),
	});
	const poll = (...events: JobEvent[]) => {
		for (const event of events) alerts.onEvent(event);
		for (const task of tasks.splice(0)) task();
	};
	return { alerts, writes, poll };
}

describe('notification text', () => {
	test('a hostile job name keeps no control character, whatever the parser let through', () => {
		const text = notificationText(job('k1', 'ERROR', { name: HOSTILE }), false);
		expect(text).not.toMatch(CONTROL);
		expect(text).toMatch(/^ERROR: Evil.*end$/);
	});

	test('names the server only with several; cut to 100 columns, wide characters counted as two', () => {
		const tokyo = job('k1', 'ABORTED', { server: 'tokyo', name: 'ボリューム作成'.repeat(20) });
		expect(notificationText(tokyo, true)).toMatch(/^tokyo: ABORTED: ボリューム/);
		expect(notificationText(tokyo, false)).toMatch(/^ABORTED: ボリューム/);
		expect(displayWidth(notificationText(tokyo, true))).toBeLessThanOrEqual(100);
		expect(notificationText(tokyo, true).endsWith('…')).toBe(true);
	});

	test('the title names each server and the counts, sanitized', () => {
		const counts = titleCounts(makeSnapshot([job('a', 'RUNNING'), job('b', 'ERROR')]).counts);
		expect(titleText(['tokyo', 'osaka'], counts)).toBe('umwatch tokyo, osaka: 1 running, 1 failed');
		const hostile = titleText([`um\u001B]2;x\u0007\u009D01`], counts);
		expect(hostile).not.toMatch(CONTROL);
		expect(displayWidth(titleText(['h'.repeat(200)], counts))).toBe(100);
	});
});

describe('alerts', () => {
	test('a failing transition rings once; NORMAL, WARNING and new jobs that did not fail ring nothing', () => {
		const { writes, poll } = alertsFor();
		poll(moved('RUNNING', job('a', 'NORMAL')), moved('RUNNING', job('b', 'WARNING')));
		poll({ type: 'new', at: 0, job: job('c', 'RUNNING') });
		expect(writes).toEqual([]);
		poll(moved('RUNNING', job('d', 'ERROR')));
		expect(writes).toEqual(['\u0007']);
	});

	test('a job that ran and failed between two polls tells only when submitted since watching began', () => {
		const { writes, poll } = alertsFor();
		// Loaded later as history (older jobs): failed long before umwatch started.
		poll({ type: 'new', at: 0, job: job('old', 'ERROR', { submitTime: START - 60_000 }) });
		poll({ type: 'new', at: 0, job: job('unknown', 'ERROR') });
		expect(writes).toEqual([]);
		poll({ type: 'new', at: 0, job: job('quick', 'ERROR', { submitTime: START + 5_000 }) });
		expect(writes).toEqual(['\u0007']);
	});

	test('one bell per poll however many failed in it, and never twice for one job', () => {
		const { writes, poll } = alertsFor({ desktop: true });
		poll(moved('RUNNING', job('a', 'ERROR')), moved('RUNNING', job('b', 'PARTIAL_FAILURES')));
		expect(writes).toEqual([
			'\u0007\u001B]9;umwatch: ERROR: Job a (and 1 more)\u0007' +
				'\u001B]777;notify;umwatch;ERROR: Job a (and 1 more)\u0007',
		]);
		// Aborted after it failed: the same job, told already.
		poll(moved('ERROR', job('a', 'ABORTED')));
		expect(writes).toHaveLength(1);
	});

	test('a marked job ends in any state and is told; unmarked again, it is not', () => {
		const { alerts, writes, poll } = alertsFor();
		expect(alerts.toggleMark('m1')).toBe(true);
		poll(moved('RUNNING', job('m1', 'NORMAL')));
		expect(writes).toEqual(['\u0007']);
		alerts.toggleMark('m2');
		expect(alerts.toggleMark('m2')).toBe(false);
		poll(moved('RUNNING', job('m2', 'NORMAL')));
		expect(writes).toHaveLength(1);
	});

	test('b and B: bell off, desktop on; inside tmux each notification is wrapped', () => {
		const { alerts, writes, poll } = alertsFor({ tmux: true });
		expect(alerts.toggleBell()).toBe(false);
		expect(alerts.toggleDesktop()).toBe(true);
		poll(moved('RUNNING', job('a', 'ERROR')));
		expect(writes).toEqual([
			'\u001BPtmux;\u001B\u001B]9;umwatch: ERROR: Job a\u0007\u001B\\' +
				'\u001BPtmux;\u001B\u001B]777;notify;umwatch;ERROR: Job a\u0007\u001B\\',
		]);
	});

	test('failures arrive unseen; the newest first for x; opening one sees it; one being viewed arrives seen', () => {
		const { alerts, poll } = alertsFor({ bell: false });
		poll(moved('RUNNING', job('a', 'ERROR')), moved('RUNNING', job('b', 'ABORTED')));
		expect(alerts.getState().unseen).toEqual(['a', 'b']);
		expect(alerts.newestUnseen()).toBe('b');
		alerts.setViewing('b');
		expect(alerts.getState().unseen).toEqual(['a']);
		poll(moved('RUNNING', job('b', 'ERROR')), moved('RUNNING', job('c', 'NORMAL')));
		expect(alerts.getState().unseen).toEqual(['a']);
		alerts.markSeen('a');
		expect(alerts.newestUnseen()).toBeNull();
	});
});

describe('window title', () => {
	test('nothing before the first load; then written only when the counts change', () => {
		const engine = new FakeEngine(makeSnapshot([], { lastSuccessAt: null }));
		const writes: string[] = [];
		const stop = followWindowTitle(engine, 'um01', (data) => writes.push(data));
		expect(writes).toEqual([]);
		engine.set(makeSnapshot([job('a', 'RUNNING')], { lastSuccessAt: 1 }));
		engine.set(makeSnapshot([job('a', 'RUNNING'), job('b', 'NORMAL')], { lastSuccessAt: 2 }));
		engine.set(makeSnapshot([job('a', 'ERROR'), job('b', 'NORMAL')], { lastSuccessAt: 3 }));
		expect(writes).toEqual([
			'\u001B]2;umwatch um01: 1 running, 0 failed\u0007',
			'\u001B]2;umwatch um01: 0 running, 1 failed\u0007',
		]);
		stop();
		engine.set(makeSnapshot([job('a', 'ERROR'), job('b', 'ERROR')], { lastSuccessAt: 4 }));
		expect(writes).toHaveLength(2);
	});
});
