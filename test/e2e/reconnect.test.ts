// Issue 15, items 6 and 10, in the shipped binary: after the server starts
// rejecting the password, or shows another certificate than the pinned one,
// fixing the password file or the profile's pin and pressing r makes the live
// view live again without a restart; `e` shows the failure in full; quitting
// while failed prints it in full.
import { X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { repoRoot, startApp } from '../helpers/pty-app.js';
import {
	E2E_PASSWORD,
	E2E_USER,
	FIXTURE_JOB_COUNT,
	type FixtureServer,
	fixtureName,
	startFixtureServer,
} from '../helpers/pty-fixtures.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';
import { until } from '../helpers/until.js';

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

function tls(name: string): { cert: string; key: string } {
	const read = (file: string) => readFileSync(join(repoRoot, 'test/fixtures/tls', file), 'utf8');
	return { cert: read(`${name}.pem`), key: read(`${name}-key.pem`) };
}

function fingerprint(cert: string): string {
	return new X509Certificate(cert).fingerprint256;
}

/** A private file, as a password file or a config file naming one must be. */
function writePrivate(path: string, text: string): void {
	writeFileSync(path, text, { mode: 0o600 });
	chmodSync(path, 0o600);
}

async function serve(options: Parameters<typeof startFixtureServer>[0]): Promise<FixtureServer> {
	const server = await startFixtureServer(options);
	servers.push(server);
	return server;
}

/** Stops `server` and serves the same jobs on its port with `options` changed. */
async function replace(
	server: FixtureServer,
	options: Parameters<typeof startFixtureServer>[0],
): Promise<FixtureServer> {
	const port = Number(new URL(server.url).port);
	await server.sim.close();
	servers.splice(servers.indexOf(server), 1);
	return serve({ ...options, port });
}

/** The header's status, on the first line. */
function status(t: PtyTerminal): string {
	return t.screenText()[0] ?? '';
}

/** The screen as one line: text the terminal wrapped is read whole. */
function screenFlat(t: PtyTerminal): string {
	return t.screenText().join('').replace(/\s+/g, '');
}

it('a password changed on the server: fix the password file, press r, and it is live again', async () => {
	dir = mkdtempSync(join(tmpdir(), 'umwatch-e2e-reconnect-'));
	const passwordFile = join(dir, 'password');
	writePrivate(passwordFile, `${E2E_PASSWORD}\n`);
	const first = await serve({});
	term = startApp({ args: [...first.args, '--interval', '1', '--password-file', passwordFile] });
	const t = term;
	await t.waitForText(fixtureName(FIXTURE_JOB_COUNT));
	await t.waitForText(/● live/);

	// The admin rotates the password on the server: every request is now a 401.
	const rotated = await replace(first, { password: 'rotated-secret' });
	await t.waitForText(/✗ failed/);
	await t.waitForText('rejected the user name or password (401)');
	// r before the file is fixed: the same old password is read, and rejected again.
	const asked = rotated.sim.stats.requests;
	t.write('r');
	await until(() => rotated.sim.stats.requests > asked, 'a request to the rotated server', {
		timeoutMs: 15_000,
	});
	await t.waitForText(/✗ failed/);

	writePrivate(passwordFile, 'rotated-secret\n');
	t.write('r');
	await t.waitFor(() => /● live/.test(status(t)), { what: 'live again after r' });
	expect(t.screenText().join('\n')).not.toContain('rejected');
	expect(t.screenText().join('\n')).toContain(fixtureName(FIXTURE_JOB_COUNT));
	expect(t.rawText()).not.toContain('rotated-secret');
	t.write('q');
	await expect(t.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
});

it('a password typed at the start prompt is asked again in the screen, hidden, after a 401', async () => {
	const first = await serve({});
	term = startApp({ args: [...first.args, '--interval', '1'] });
	const t = term;
	const host = new URL(first.url).host;
	await t.waitForText(`Password for ${E2E_USER}@${host}:`);
	t.write(`${E2E_PASSWORD}\r`);
	await t.waitForText(fixtureName(FIXTURE_JOB_COUNT));

	await replace(first, { password: 'q-typed-anew' });
	await t.waitForText(/✗ failed/);
	t.write('r');
	await t.waitForText(`Password for ${E2E_USER}@${host}:`);
	const mark = t.bytesWritten;
	// Keys that mean something in the list (q quits, p pauses) are password characters here.
	t.write('q-typed-anew');
	t.write('\r');
	await t.waitFor(() => /● live/.test(status(t)), { what: 'live again after the prompt' });
	expect(t.rawTextSince(mark)).not.toContain('typed');
	expect(t.screenText().join('\n')).not.toContain('Password for');
	t.write('q');
	await expect(t.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
});

it('a changed certificate: e shows the new fingerprint whole; pin it in the profile, press r, and it is live again', async () => {
	dir = mkdtempSync(join(tmpdir(), 'umwatch-e2e-repin-'));
	const configDir = join(dir, 'umwatch');
	mkdirSync(configDir);
	const passwordFile = join(dir, 'password');
	writePrivate(passwordFile, `${E2E_PASSWORD}\n`);
	const signed = tls('server');
	const renewed = tls('self-signed');
	const first = await serve({ tls: signed });
	const profile = (pin: string) =>
		JSON.stringify({
			profiles: {
				lab: { url: first.url, user: E2E_USER, passwordFile, fingerprint: pin },
			},
		});
	const configFile = join(configDir, 'config.json');
	writePrivate(configFile, profile(fingerprint(signed.cert)));
	term = startApp({ args: ['lab', '--interval', '1'], env: { XDG_CONFIG_HOME: dir } });
	const t = term;
	await t.waitForText(fixtureName(FIXTURE_JOB_COUNT));

	// The certificate is replaced on the server.
	await replace(first, { tls: renewed });
	await t.waitForText(/✗ failed/);
	await t.waitForText('changed');
	const newPin = fingerprint(renewed.cert);
	// The header's line is cut at the width; e shows it whole.
	expect(screenFlat(t)).not.toContain(newPin);
	t.write('e');
	await t.waitForText('last error');
	expect(screenFlat(t)).toContain(
		`fingerprintis${newPin},notthepinned${fingerprint(signed.cert)}.`,
	);
	expect(t.screenText().join(' ')).toContain('run `umwatch');

	writePrivate(configFile, profile(newPin));
	t.write('r');
	await t.waitFor(() => /● live/.test(status(t)), { what: 'live again after r' });
	expect(t.screenText().join('\n')).toContain(fixtureName(FIXTURE_JOB_COUNT));
	t.write('q');
	await expect(t.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
});

it('quitting while failed prints the failure in full after the summary, and exits with its code', async () => {
	dir = mkdtempSync(join(tmpdir(), 'umwatch-e2e-quit-failed-'));
	const passwordFile = join(dir, 'password');
	writePrivate(passwordFile, `${E2E_PASSWORD}\n`);
	const first = await serve({});
	term = startApp({ args: [...first.args, '--interval', '1', '--password-file', passwordFile] });
	const t = term;
	await t.waitForText(fixtureName(FIXTURE_JOB_COUNT));
	await replace(first, { password: 'rotated-secret' });
	await t.waitForText(/✗ failed/);
	t.write('q');
	await expect(t.exit).resolves.toEqual({ exitCode: 9, signal: undefined });
	const lines = t.screenText().filter((line) => line !== '');
	expect(lines[0]).toMatch(/^umwatch: watched 127\.0\.0\.1:\d+ for \d+s; 60 jobs, 1 failed$/);
	expect(lines.slice(1)).toEqual([
		'umwatch: Unified Manager rejected the user name or password (401).',
		expect.stringMatching(/^hint: Check --user and the password source/),
	]);
});
