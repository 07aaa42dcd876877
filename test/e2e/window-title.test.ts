// The window title of the live view (issue 11), on the exact bytes the shipped
// binary writes: the old title pushed at start, OSC 2 with the counts only when
// they change, popped on every way out; nothing at all with --no-title; and a
// quiet poll with --bell --desktop-notify on adds no byte of its own.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../helpers/pty-app.js';
import {
	E2E_PASSWORD,
	FIXTURE_JOB_COUNT,
	type FixtureServer,
	fixtureKey,
	fixtureName,
	startFixtureServer,
} from '../helpers/pty-fixtures.js';
import { occurrences, scanTerminalBytes } from '../helpers/pty-notify.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';
import { until } from '../helpers/until.js';

const PUSH = '\u001B[22;0t';
const POP = '\u001B[23;0t';
const ENTER_ALTERNATE = '\u001B[?1049h';
const LEAVE_ALTERNATE = '\u001B[?1049l';

const open: { server: FixtureServer; t: PtyTerminal }[] = [];

afterEach(async () => {
	const sessions = open.splice(0);
	for (const { t } of sessions) t.dispose();
	await Promise.all(sessions.map(({ server }) => server.sim.close()));
});

async function watch(flags: readonly string[]) {
	const server = await startFixtureServer();
	const t = startApp({
		args: [...server.args, '--interval', '1', ...flags],
		password: E2E_PASSWORD,
		cols: 100,
	});
	open.push({ server, t });
	await t.waitForText(fixtureName(FIXTURE_JOB_COUNT));
	const host = new URL(server.url).host;
	return { server, t, host };
}

function titles(t: PtyTerminal): string[] {
	return scanTerminalBytes(t.rawText())
		.oscs.filter((osc) => osc.startsWith('2;'))
		.map((osc) => osc.slice(2));
}

it('pushes the title, sets it from the counts, and rewrites it only when they change', async () => {
	const { server, t, host } = await watch([]);
	// The fixture: job 60 running, job 59 failed.
	await t.waitFor(() => titles(t).length === 1, { what: 'the first title' });
	expect(titles(t)).toEqual([`umwatch ${host}: 1 running, 1 failed`]);
	const raw = t.rawText();
	expect(occurrences(raw, PUSH)).toBe(1);
	expect(raw.indexOf(PUSH)).toBeGreaterThan(raw.indexOf(ENTER_ALTERNATE));
	expect(raw.indexOf(PUSH)).toBeLessThan(raw.indexOf('\u001B]2;'));

	// A job that changes nothing counted (NORMAL, from nothing) leaves the title alone.
	server.sim.addJob({ name: 'Quick job', state: 'completed', status: 'normal', auto: false });
	await t.waitForText('Quick job');
	server.sim.finishJob(fixtureKey(FIXTURE_JOB_COUNT), 'error');
	await t.waitFor(() => titles(t).length === 2, { what: 'the second title' });
	expect(titles(t)).toEqual([
		`umwatch ${host}: 1 running, 1 failed`,
		`umwatch ${host}: 0 running, 2 failed`,
	]);
});

describe.each([
	{ way: 'q', end: (t: PtyTerminal) => t.write('q') },
	{ way: 'Ctrl-C', end: (t: PtyTerminal) => t.write('\u0003') },
	{ way: 'SIGTERM', end: (t: PtyTerminal) => t.kill('SIGTERM') },
	{ way: 'SIGHUP', end: (t: PtyTerminal) => t.kill('SIGHUP') },
])('$way', ({ end }) => {
	it('pops the title once, after the last title and before leaving the alternate screen', async () => {
		const { t } = await watch([]);
		await t.waitFor(() => titles(t).length === 1, { what: 'the first title' });
		end(t);
		await t.exit;
		const raw = t.rawText();
		expect(occurrences(raw, PUSH)).toBe(1);
		expect(occurrences(raw, POP)).toBe(1);
		expect(raw.indexOf(POP)).toBeGreaterThan(raw.lastIndexOf('\u001B]2;'));
		expect(raw.indexOf(POP)).toBeLessThan(raw.lastIndexOf(LEAVE_ALTERNATE));
	});
});

it('--no-title: no title, no push, no pop', async () => {
	const { server, t } = await watch(['--no-title']);
	server.sim.finishJob(fixtureKey(FIXTURE_JOB_COUNT), 'error');
	await t.waitForText('2 error');
	t.write('q');
	await t.exit;
	const raw = t.rawText();
	expect(scanTerminalBytes(raw).oscs).toEqual([]);
	expect(raw).not.toContain(PUSH);
	expect(raw).not.toContain(POP);
});

it('--bell --desktop-notify: quiet polls add no bell, no notification and no title', async () => {
	const { server, t } = await watch(['--bell', '--desktop-notify']);
	await t.waitFor(() => titles(t).length === 1, { what: 'the first title' });
	const mark = t.bytesWritten;
	const asked = server.sim.stats.requests;
	await until(() => server.sim.stats.requests >= asked + 3, 'three more requests', {
		timeoutMs: 15_000,
	});
	// The running job's duration ticks on screen; nothing else may be written.
	const quiet = scanTerminalBytes(t.rawTextSince(mark));
	expect(quiet).toEqual({ bells: 0, oscs: [], dcs: [] });
});
