/**
 * The SSH connection drops: sshd closes the terminal's master side and the
 * kernel sends SIGHUP. umwatch must end at once and quietly, whatever it was
 * doing (a long poll held by the server, a list request the server never
 * answers, a password command still running), and leave nothing running in
 * its session.
 *
 * With the terminal gone, umwatch ends by SIGHUP itself once it has shut down
 * (a shell sees 129, as for exit(129)): Node 20 would otherwise abort in its
 * own exit hook trying to restore a terminal that no longer exists (SIGABRT,
 * a core dump). See source/commands/hangup-exit.ts.
 */
import { afterEach, beforeAll, expect, it } from 'vitest';
import {
	commandLine,
	type HangupApp,
	sessionMembers,
	startHangupApp,
} from '../helpers/fault-hangup.js';
import { ensureBuilt } from '../helpers/pty-app.js';
import {
	E2E_PASSWORD,
	FIXTURE_JOB_COUNT,
	type FixtureServer,
	fixtureName,
	startFixtureServer,
} from '../helpers/pty-fixtures.js';
import { until } from '../helpers/until.js';

/** Session scans read /proc; every 20 ms is often enough. */
const PROC_SCAN = { stepMs: 20 };
/** A hung-up umwatch must be gone this soon, long polls and hung requests notwithstanding. */
const PROMPT_EXIT_MS = 3000;

// Builds dist/umwatch.js here if the sources changed, so no test's time goes to it.
beforeAll(() => {
	ensureBuilt();
}, 120_000);

let app: HangupApp | undefined;
let server: FixtureServer | undefined;

afterEach(async () => {
	app?.dispose();
	app = undefined;
	await server?.sim.close();
	server = undefined;
});

function describeMembers(pids: readonly number[]): string {
	return pids.map((pid) => `${pid} ${commandLine(pid)}`).join('\n');
}

it('a dropped connection while a long poll is held and a list request hangs: exit 129 at once, nothing left', async () => {
	server = await startFixtureServer();
	const sim = server.sim;
	app = startHangupApp([
		...server.args,
		'--interval',
		'1',
		'--password-command',
		`printf %s ${E2E_PASSWORD}`,
	]);
	const running = app;
	await until(() => running.output().includes(fixtureName(FIXTURE_JOB_COUNT)), 'the job table');
	// Into the running job: the engine long-polls it, and the server holds the request.
	running.write('\r');
	await until(() => sim.stats.longPollsHeld === 1, 'a held long poll');
	sim.injectFault({ kind: 'hang' }, { count: Number.POSITIVE_INFINITY, path: /\/jobs\?/ });
	await until(() => sim.stats.faults >= 1, 'a list request hanging');
	// The password command ran and ended: only umwatch itself is in its session.
	expect(sessionMembers(running.pid), describeMembers(sessionMembers(running.pid))).toEqual([
		running.pid,
	]);

	const droppedAt = Date.now();
	running.hangUp();
	const exit = await running.exit;
	expect(Date.now() - droppedAt).toBeLessThan(PROMPT_EXIT_MS);
	// Ended by SIGHUP after shutting down; never SIGABRT (6) from Node's exit hook.
	expect(exit).toEqual({ exitCode: 0, signal: 1 });
	await until(() => sessionMembers(running.pid).length === 0, 'an empty session', PROC_SCAN);
	// Its connections went with it: the server holds nothing for it any more.
	await until(() => sim.stats.longPollsHeld === 0, 'the held long poll closed');
	expect(running.output()).not.toMatch(/\n\s+at .+:\d+:\d+/);
}, 60_000);

it('a dropped connection while the password command still runs: the command ends too', async () => {
	server = await startFixtureServer();
	app = startHangupApp([...server.args, '--password-command', 'sleep 30; echo late']);
	const starting = app;
	// The shell running the command, and anything it started, are umwatch's children.
	await until(() => sessionMembers(starting.pid).length >= 2, 'the password command', PROC_SCAN);
	const members = sessionMembers(starting.pid);
	expect(members.map(commandLine).join('\n')).toMatch(/sleep 30/);

	const droppedAt = Date.now();
	starting.hangUp();
	const exit = await starting.exit;
	expect(Date.now() - droppedAt).toBeLessThan(PROMPT_EXIT_MS);
	expect(exit).toEqual({ exitCode: 0, signal: 1 });
	await until(() => sessionMembers(starting.pid).length === 0, 'an empty session', PROC_SCAN);
	// It never got as far as the server.
	expect(server.sim.stats.requests).toBe(0);
}, 60_000);

it('SIGHUP with the terminal still there, while busy: exit 129 at once, nothing left', async () => {
	server = await startFixtureServer();
	const sim = server.sim;
	app = startHangupApp([...server.args, '--interval', '1'], { UMWATCH_PASSWORD: E2E_PASSWORD });
	const running = app;
	await until(() => running.output().includes(fixtureName(FIXTURE_JOB_COUNT)), 'the job table');
	running.write('\r');
	await until(() => sim.stats.longPollsHeld === 1, 'a held long poll');
	sim.injectFault({ kind: 'hang' }, { count: Number.POSITIVE_INFINITY, path: /\/jobs\?/ });
	await until(() => sim.stats.faults >= 1, 'a list request hanging');
	const signalledAt = Date.now();
	running.kill('SIGHUP');
	const exit = await running.exit;
	expect(Date.now() - signalledAt).toBeLessThan(PROMPT_EXIT_MS);
	expect(exit).toEqual({ exitCode: 129, signal: undefined });
	await until(() => sessionMembers(running.pid).length === 0, 'an empty session', PROC_SCAN);
	await until(() => sim.stats.longPollsHeld === 0, 'the held long poll closed');
	// The screen was left and the summary printed on the terminal that is still there.
	expect(running.output()).toContain('\u001b[?1049l');
	expect(running.output()).toContain('SIGHUP');
}, 60_000);
