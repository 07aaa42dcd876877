// `wait --bell` (issue 11) as the shipped binary: one BEL (0x07) on stderr when
// stderr is a terminal, none on stdout, and none at all when stderr is a pipe.
// The shell sends stdout to a file, so every byte the terminal gets is stderr's.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ensureBuilt, repoRoot } from '../helpers/pty-app.js';
import {
	E2E_PASSWORD,
	FIXTURE_JOB_COUNT,
	type FixtureServer,
	fixtureKey,
	startFixtureServer,
} from '../helpers/pty-fixtures.js';
import { openPtyTerminal, type PtyTerminal } from '../helpers/pty-terminal.js';
import { until } from '../helpers/until.js';

let server: FixtureServer | undefined;
let term: PtyTerminal | undefined;
let dir: string | undefined;

afterEach(async () => {
	term?.dispose();
	term = undefined;
	await server?.sim.close();
	server = undefined;
	if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
	dir = undefined;
});

const BEL = 0x07;
const bells = (bytes: Buffer) => bytes.filter((byte) => byte === BEL).length;
// The newest fixture job is running; the one before it ended in ERROR.
const RUNNING = fixtureKey(FIXTURE_JOB_COUNT);
const FAILED = fixtureKey(FIXTURE_JOB_COUNT - 1);

/** umwatch from a shell: stdout to a file, stderr to the terminal or (`pipe`) through cat. */
function startWait(args: readonly string[], stderr: 'terminal' | 'pipe') {
	dir = mkdtempSync(join(tmpdir(), 'umwatch-e2e-bell-'));
	const out = join(dir, 'stdout');
	const code = join(dir, 'code');
	const run = '"$0" "$@" >"$OUT"; echo $? >"$CODE"';
	const script = stderr === 'terminal' ? run : `{ ${run}; } 2>&1 | cat`;
	term = openPtyTerminal({
		command: '/bin/sh',
		args: ['-c', script, process.execPath, ensureBuilt(), ...args],
		cols: 100,
		rows: 24,
		cwd: repoRoot,
		env: { UMWATCH_PASSWORD: E2E_PASSWORD, XDG_CONFIG_HOME: dir, OUT: out, CODE: code },
	});
	return {
		term,
		stdout: () => readFileSync(out),
		code: () => Number(readFileSync(code, 'utf8').trim()),
	};
}

it('rings exactly once on a terminal stderr when the last job ends, never on stdout', async () => {
	server = await startFixtureServer();
	const sim = server.sim;
	const run = startWait(['wait', RUNNING, FAILED, '--bell', ...server.args], 'terminal');
	await until(() => sim.stats.longPollsHeld > 0, 'a held long poll', { timeoutMs: 15_000 });
	// The failed job's line went out already; the bell waits for the end of the whole wait.
	expect(bells(run.term.rawBytes())).toBe(0);
	sim.finishJob(RUNNING, 'normal');
	await run.term.exit;
	expect(run.code()).toBe(5);
	expect(bells(run.term.rawBytes())).toBe(1);
	expect(run.term.rawText()).toMatch(/\r\u001b\[2K\u0007$/);
	expect(bells(run.stdout())).toBe(0);
	expect(run.stdout().toString('utf8').split('\n')[0]).toMatch(/^ERROR {2}/);
});

it('rings nothing when stderr is a pipe', async () => {
	server = await startFixtureServer();
	const run = startWait(['wait', FAILED, '--bell', ...server.args], 'pipe');
	await run.term.exit;
	expect(run.code()).toBe(5);
	expect(bells(run.term.rawBytes())).toBe(0);
	expect(bells(run.stdout())).toBe(0);
});
