// The bell and desktop notifications of the live view (issue 11), counted on the
// exact bytes the shipped binary writes to a pseudo-terminal while a simulator
// ends jobs the test chooses: one bell per poll with a failure seen live, none
// for the first load, none for NORMAL unless marked, none without --bell; OSC 9
// and OSC 777, wrapped for tmux; a hostile job name never leaves its sequence.
import { afterEach, expect, it } from 'vitest';
import { sanitizeText } from '../../source/api/sanitize.js';
import type { SimJob } from '../../source/simulator/types.js';
import { startApp } from '../helpers/pty-app.js';
import {
	E2E_PASSWORD,
	FIXTURE_JOB_COUNT,
	type FixtureServer,
	fixtureName,
	startFixtureServer,
} from '../helpers/pty-fixtures.js';
import { scanTerminalBytes } from '../helpers/pty-notify.js';
import { screenClears } from '../helpers/pty-screen.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';

const open: { server: FixtureServer; t: PtyTerminal }[] = [];

afterEach(async () => {
	const sessions = open.splice(0);
	for (const { t } of sessions) t.dispose();
	await Promise.all(sessions.map(({ server }) => server.sim.close()));
});

/** umwatch with `flags` on the fixture server (job 59 failed before it started), first load shown. */
async function watch(flags: readonly string[], env: Record<string, string> = {}) {
	const server = await startFixtureServer();
	const t = startApp({
		args: [...server.args, '--interval', '1', ...flags],
		password: E2E_PASSWORD,
		cols: 100,
		env,
	});
	open.push({ server, t });
	await t.waitForText(fixtureName(FIXTURE_JOB_COUNT));
	return { server, t };
}

/** Adds a running job and waits until the screen shows it running. */
async function running(server: FixtureServer, t: PtyTerminal, name: string): Promise<SimJob> {
	const job = server.sim.addJob({ name, state: 'running', status: 'normal', auto: false });
	await rowShows(t, name, 'RUNNING');
	return job;
}

/** Waits until the row of `name` shows `state`: the poll that brought it is through. */
function rowShows(t: PtyTerminal, name: string, state: string): Promise<void> {
	return t.waitFor(
		() => t.screenText().some((line) => line.includes(name) && line.includes(state)),
		{ what: `${name} shown ${state}` },
	);
}

function bells(t: PtyTerminal): number {
	return scanTerminalBytes(t.rawText()).bells;
}

it('--bell: none for the first load, one per failing transition, none for NORMAL, one for a poll with two failures', async () => {
	const { server, t } = await watch(['--bell']);
	const a = await running(server, t, 'Bell job A');
	// The first load held job 59 in ERROR already: that is history, not news.
	expect(bells(t)).toBe(0);

	server.sim.finishJob(a.key, 'error');
	await t.waitFor(() => bells(t) === 1, { what: 'one bell' });
	await rowShows(t, 'Bell job A', 'ERROR');

	const b = await running(server, t, 'Bell job B');
	server.sim.finishJob(b.key, 'normal');
	await rowShows(t, 'Bell job B', 'NORMAL');
	expect(bells(t)).toBe(1);

	const c = await running(server, t, 'Bell job C');
	const d = await running(server, t, 'Bell job D');
	// Both end between two polls: one poll sees both, and rings once.
	server.sim.finishJob(c.key, 'partial_failures');
	server.sim.finishJob(d.key, 'aborted');
	await rowShows(t, 'Bell job C', 'PARTIAL');
	await rowShows(t, 'Bell job D', 'ABORTED');
	const e = await running(server, t, 'Bell job E');
	server.sim.finishJob(e.key, 'warning');
	await rowShows(t, 'Bell job E', 'WARNING');
	expect(bells(t)).toBe(2);
	// No desktop notification without --desktop-notify.
	expect(scanTerminalBytes(t.rawText()).oscs.filter((osc) => !osc.startsWith('2;'))).toEqual([]);
});

it('without --bell a failure rings nothing; with it, b turns the bell off and on', async () => {
	const { server, t } = await watch([]);
	const a = await running(server, t, 'Quiet job A');
	server.sim.finishJob(a.key, 'error');
	await rowShows(t, 'Quiet job A', 'ERROR');
	const b = await running(server, t, 'Quiet job B');
	server.sim.finishJob(b.key, 'normal');
	await rowShows(t, 'Quiet job B', 'NORMAL');
	expect(bells(t)).toBe(0);

	// `b` turns it on in the view.
	t.write('b');
	await t.waitForText('bell on');
	const c = await running(server, t, 'Quiet job C');
	server.sim.finishJob(c.key, 'error');
	await t.waitFor(() => bells(t) === 1, { what: 'one bell after b' });
});

it('a marked job rings when it ends NORMAL; an unmarked one does not', async () => {
	const { server, t } = await watch(['--bell']);
	const other = await running(server, t, 'Unmarked job');
	const marked = await running(server, t, 'Marked job');
	// Down and up again: the user puts the highlight on the newest job (a key within
	// 300 ms of the list moving it by itself would act on the job highlighted before).
	t.write('jk');
	await t.waitFor(() => t.screenText().some((line) => /^›.*Marked job/.test(line)), {
		what: 'the highlight on Marked job',
	});
	t.write('m');
	await t.waitForText('⚑ Marked job');
	server.sim.finishJob(other.key, 'normal');
	await rowShows(t, 'Unmarked job', 'NORMAL');
	expect(bells(t)).toBe(0);
	server.sim.finishJob(marked.key, 'normal');
	await t.waitFor(() => bells(t) === 1, { what: 'the marked job’s bell' });
	await rowShows(t, 'Marked job', 'NORMAL');
});

it('--desktop-notify: OSC 9 and OSC 777 name the state and the job, and no bell', async () => {
	const { server, t } = await watch(['--desktop-notify']);
	const a = await running(server, t, 'Desktop job');
	server.sim.finishJob(a.key, 'error');
	await t.waitFor(() => t.rawText().includes('\u001B]777;'), { what: 'OSC 777' });
	const raw = t.rawText();
	expect(raw).toContain('\u001B]9;umwatch: ERROR: Desktop job\u0007');
	expect(raw).toContain('\u001B]777;notify;umwatch;ERROR: Desktop job\u0007');
	const seen = scanTerminalBytes(raw);
	expect(seen.oscs.filter((osc) => !osc.startsWith('2;'))).toEqual([
		'9;umwatch: ERROR: Desktop job',
		'777;notify;umwatch;ERROR: Desktop job',
	]);
	expect(seen.bells).toBe(0);
	expect(seen.dcs).toEqual([]);
});

it('--desktop-notify inside tmux: each notification in the passthrough wrapper, ESC doubled', async () => {
	const { server, t } = await watch(['--desktop-notify'], { TMUX: '/tmp/tmux-1000/default,1,0' });
	const a = await running(server, t, 'Tmux job');
	server.sim.finishJob(a.key, 'aborted');
	await t.waitFor(() => scanTerminalBytes(t.rawText()).dcs.length === 2, { what: 'two DCS' });
	const raw = t.rawText();
	expect(raw).toContain('\u001BPtmux;\u001B\u001B]9;umwatch: ABORTED: Tmux job\u0007\u001B\\');
	expect(raw).toContain(
		'\u001BPtmux;\u001B\u001B]777;notify;umwatch;ABORTED: Tmux job\u0007\u001B\\',
	);
	// Nothing unwrapped: the notifications exist only inside the passthrough.
	expect(scanTerminalBytes(raw).oscs.filter((osc) => !osc.startsWith('2;'))).toEqual([]);
});

// ESC, BEL, both forms of ST, C1 controls (NEL, DCS, CSI, OSC) and a screen clear.
const HOSTILE =
	'Evil\u001B]0;pwn\u0007\u001B\\st\u009C c1\u0085\u0090dcs\u009B2J\u009Dosc\u001B[2Jend';

it('a hostile job name never leaves the notification, and rings once', async () => {
	const { server, t } = await watch(['--bell', '--desktop-notify']);
	const firstFrameEnd = t.bytesWritten;
	const shown = sanitizeText(HOSTILE);
	const job = server.sim.addJob({ name: HOSTILE, state: 'running', status: 'normal', auto: false });
	await t.waitForText(shown.slice(0, 8));
	server.sim.finishJob(job.key, 'error');
	await t.waitFor(() => t.rawText().includes('\u001B]777;'), { what: 'OSC 777' });
	const seen = scanTerminalBytes(t.rawText());
	const notes = seen.oscs.filter((osc) => !osc.startsWith('2;'));
	expect(notes).toEqual([`9;umwatch: ERROR: ${shown}`, `777;notify;umwatch;ERROR: ${shown}`]);
	for (const osc of seen.oscs) expect(osc).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
	expect(seen.oscs.some((osc) => osc.startsWith('0;'))).toBe(false);
	expect(seen.bells).toBe(1);
	expect(screenClears(t.rawTextSince(firstFrameEnd))).toEqual([]);
});
