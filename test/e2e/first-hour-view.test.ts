// Issue 15, items 7 and 8 and the small ones, in the shipped binary in a real
// pseudo-terminal over real HTTP to the simulator: a hung server says what the
// screen waits for; jobs piling up above the view are marked and `g` goes
// there; help says it scrolls; the ASCII live dot is not RUNNING's glyph;
// Ctrl-C on the live screen quits like q (0), a SIGINT from outside is 130.
import { afterEach, expect, it } from 'vitest';
import { startApp } from '../helpers/pty-app.js';
import {
	E2E_PASSWORD,
	FIXTURE_JOB_COUNT,
	type FixtureServer,
	fixtureKey,
	fixtureName,
	startFixtureServer,
} from '../helpers/pty-fixtures.js';
import { lineIndexOf } from '../helpers/pty-screen.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';
import {
	closeWatchSessions,
	expectCalmFrame,
	expectRestored,
	selectedJob,
	watchFixtures,
} from '../helpers/pty-watch.js';

// For the test that starts its own server and terminal.
let server: FixtureServer | undefined;
let term: PtyTerminal | undefined;

afterEach(async () => {
	await closeWatchSessions();
	term?.dispose();
	term = undefined;
	await server?.sim.close();
	server = undefined;
});

it('a server that stops answering: the header says it is waiting for an answer, counting up', async () => {
	const { server, term: t } = await watchFixtures();
	expect(t.screenText()[0]).toContain('● live');
	server.sim.injectFault({ kind: 'hang' }, { count: Number.POSITIVE_INFINITY });
	// The interval is 1 s: the next poll overruns it a second after it began.
	await t.waitForText(/○ waiting for an answer for \d+s/);
	const first = Number(/for (\d+)s/.exec(t.screenText()[0] ?? '')?.[1]);
	await t.waitFor(() => Number(/for (\d+)s/.exec(t.screenText()[0] ?? '')?.[1]) >= first + 2, {
		what: 'the wait counting up',
	});
	expect(t.screenText()[0]).not.toContain('stale');
	expectCalmFrame(t);
});

it('jobs arriving above the view are marked "▲ N newer" until g goes there', async () => {
	const { server, term: t } = await watchFixtures();
	t.write('\u001B[B');
	await t.waitFor(() => selectedJob(t) === FIXTURE_JOB_COUNT - 1);
	for (let i = 1; i <= 10; i++) {
		server.sim.addJob({
			key: fixtureKey(FIXTURE_JOB_COUNT + i),
			name: fixtureName(FIXTURE_JOB_COUNT + i),
			type: 'Provisioning',
			// A second apart, all newer than the newest fixture job (a minute old).
			submitTime: server.sim.now() - 30_000 + i * 1000,
			state: 'running',
			status: 'normal',
			auto: false,
		});
	}
	await t.waitForText(/^ ▲ 10 newer {2}g newest$/);
	const lines = t.screenText();
	expect(lineIndexOf(lines, '▲ 10 newer')).toBe(lineIndexOf(lines, /STATE\s+NAME/) + 1);
	expect(selectedJob(t)).toBe(FIXTURE_JOB_COUNT - 1);
	expectCalmFrame(t);
	t.write('g');
	await t.waitFor(() => selectedJob(t) === FIXTURE_JOB_COUNT + 10);
	expect(t.screenText().join('\n')).not.toContain('newer');
});

it('help at 80×24 shows that it scrolls', async () => {
	const { term: t } = await watchFixtures();
	t.write('?');
	await t.waitForText(/^ ↓ more$/);
	expect(t.screenText()[t.size.rows - 1]).toBe('');
	t.write('G');
	await t.waitForText(/^ ↑ more$/);
});

it('--ascii: the live dot is not the RUNNING glyph', async () => {
	server = await startFixtureServer();
	term = startApp({
		args: [...server.args, '--interval', '1', '--ascii'],
		password: E2E_PASSWORD,
	});
	const t = term;
	await t.waitForText(fixtureName(FIXTURE_JOB_COUNT));
	const lines = t.screenText();
	expect(lines[0]).toMatch(/ @ live \d\d:\d\d/);
	expect(lines.find((line) => line.includes(fixtureName(FIXTURE_JOB_COUNT)))).toMatch(
		/^>\* RUNNING /,
	);
});

it('Ctrl-C in a job view quits like q, with 0; a SIGINT from outside exits 130', async () => {
	const { term: t } = await watchFixtures();
	t.write('\r');
	await t.waitForText(fixtureKey(FIXTURE_JOB_COUNT));
	t.write('\u0003');
	await expect(t.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
	expectRestored(t);

	const { term: other } = await watchFixtures();
	other.kill('SIGINT');
	await expect(other.exit).resolves.toEqual({ exitCode: 130, signal: undefined });
	expectRestored(other);
});
