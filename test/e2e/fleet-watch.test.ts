// Issue 10's quality bar, in the shipped binary: profiles of four servers, one
// healthy, one slow, one rejecting the password, one down. The screen starts
// with the servers that answer, shows both live servers' jobs, names the
// failures in the header, and shows new jobs on the live ones; q exits 0.
// When every server fails first, each failure is said, named, and the exit
// code is the first one's.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ExitCode } from '../../source/api/exit-codes.js';
import { closedPort } from '../helpers/out-sim.js';
import { startApp } from '../helpers/pty-app.js';
import {
	E2E_PASSWORD,
	E2E_USER,
	FIXTURE_JOB_COUNT,
	type FixtureServer,
	fixtureName,
	startFixtureServer,
} from '../helpers/pty-fixtures.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';

const servers: FixtureServer[] = [];
let term: PtyTerminal | undefined;
let dir: string | undefined;

afterEach(async () => {
	term?.dispose();
	term = undefined;
	await Promise.all(servers.splice(0).map((server) => server.sim.close()));
	if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
	dir = undefined;
});

function writePrivate(path: string, text: string): void {
	writeFileSync(path, text, { mode: 0o600 });
	chmodSync(path, 0o600);
}

async function serve(options: Parameters<typeof startFixtureServer>[0]): Promise<FixtureServer> {
	const server = await startFixtureServer(options);
	servers.push(server);
	return server;
}

/**
 * A config home whose profiles name `urls`, each reading its password from a
 * file of its own (the e2e password unless `passwords` says otherwise).
 */
function configHome(urls: Record<string, string>, passwords: Record<string, string> = {}): string {
	const home = mkdtempSync(join(tmpdir(), 'umwatch-e2e-fleet-'));
	dir = home;
	mkdirSync(join(home, 'umwatch'));
	const profiles = Object.fromEntries(
		Object.entries(urls).map(([name, url]) => {
			const passwordFile = passwordPath(name);
			writePrivate(passwordFile, `${passwords[name] ?? E2E_PASSWORD}\n`);
			return [name, { url, user: E2E_USER, passwordFile, interval: 1 }];
		}),
	);
	writePrivate(join(home, 'umwatch', 'config.json'), JSON.stringify({ profiles }));
	return home;
}

function passwordPath(name: string): string {
	if (dir === undefined) throw new Error('no config home');
	return join(dir, `${name}-password`);
}

/** The server names in the SERVER column of the rows on screen. */
function rowServers(t: PtyTerminal): Set<string> {
	const names = new Set<string>();
	for (const line of t.screenText()) {
		const name = /^.(tokyo|sapporo|osaka|nagoya)\s/.exec(line)?.[1];
		if (name !== undefined) names.add(name);
	}
	return names;
}

it('healthy, slow, 401 and down: both live servers on screen, the failures named, new jobs shown, q exits 0', async () => {
	const tokyo = await serve({ seed: 1 });
	const sapporo = await serve({ seed: 2 });
	sapporo.sim.injectFault(
		{ kind: 'latency', ms: 1500 },
		{ count: Number.POSITIVE_INFINITY, path: /\/jobs/ },
	);
	const osaka = await serve({ password: 'another-secret' });
	const home = configHome({
		tokyo: tokyo.url,
		osaka: osaka.url,
		nagoya: `http://127.0.0.1:${await closedPort()}`,
		sapporo: sapporo.url,
	});
	term = startApp({
		args: ['tokyo', 'osaka', 'nagoya', 'sapporo'],
		cols: 100,
		rows: 30,
		env: { XDG_CONFIG_HOME: home },
	});
	const t = term;
	// The screen comes with the first server to answer: sapporo needs two answers of 1.5 s each.
	await t.waitForText(fixtureName(FIXTURE_JOB_COUNT));
	expect(t.screenText()[0]).toMatch(/sapporo ○ connecting/);
	await t.waitForText(/osaka ✗ 401/);
	await t.waitForText(/nagoya ○ refused/);
	await t.waitFor(() => rowServers(t).has('tokyo') && rowServers(t).has('sapporo'), {
		what: 'rows of tokyo and sapporo',
	});
	expect(t.screenText()[0]).toMatch(/tokyo ● live/);
	expect(t.screenText()[0]).toMatch(/sapporo ● live/);

	tokyo.sim.advance(60_000);
	tokyo.sim.addJob({ name: 'Fresh on tokyo', state: 'running', auto: false });
	sapporo.sim.advance(60_000);
	sapporo.sim.addJob({ name: 'Fresh on sapporo', state: 'running', auto: false });
	await t.waitForText('Fresh on tokyo');
	await t.waitForText('Fresh on sapporo');

	t.write('q');
	await expect(t.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
});

it('every server failing before any answers: each failure named on stderr, the first exit code', async () => {
	const osaka = await serve({ password: 'another-secret' });
	const home = configHome({
		osaka: osaka.url,
		nagoya: `http://127.0.0.1:${await closedPort()}`,
	});
	term = startApp({ args: ['osaka', 'nagoya'], env: { XDG_CONFIG_HOME: home } });
	const t = term;
	const exit = await t.exit;
	const text = t.screenText().join('\n');
	expect(text, t.screenDump()).toMatch(/umwatch: osaka: .*401/);
	expect(text, t.screenDump()).toMatch(/umwatch: nagoya: .*refused/i);
	expect(text).toMatch(/hint: /);
	expect(text).not.toMatch(/\bat .*\.js:\d+/);
	expect(exit, t.screenDump()).toEqual({ exitCode: ExitCode.Auth, signal: undefined });
});

it('r reconnects the server whose password was rejected, with its own fixed password file, and the others go on', async () => {
	const tokyo = await serve({ seed: 1 });
	const osaka = await serve({ seed: 2, password: 'osaka-secret' });
	const home = configHome({ tokyo: tokyo.url, osaka: osaka.url }, { osaka: 'stale-secret' });
	term = startApp({
		args: ['tokyo', 'osaka'],
		cols: 100,
		rows: 30,
		env: { XDG_CONFIG_HOME: home },
	});
	const t = term;
	await t.waitForText(/osaka ✗ 401/);
	await t.waitForText(/tokyo ● live/);

	writePrivate(passwordPath('osaka'), 'osaka-secret\n');
	t.write('r');
	await t.waitForText(/osaka ● live/);
	await t.waitFor(() => rowServers(t).has('osaka'), { what: "osaka's rows" });
	expect(t.screenText()[0]).toMatch(/tokyo ● live/);
	expect(t.rawText()).not.toContain('osaka-secret');
	t.write('q');
	await expect(t.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
});
