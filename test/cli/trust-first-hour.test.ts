// `umwatch trust` and the config file, through the built binary against TLS
// simulators (issue 15: defects an admin hits in the first hour).
import { X509Certificate } from 'node:crypto';
import {
	lstatSync,
	mkdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import { type CliSandbox, createSandbox, runCli } from '../helpers/cli-run.js';
import { ensureBuilt, repoRoot } from '../helpers/pty-app.js';

const PASSWORD = 'tls-test-password';
const tlsDir = join(repoRoot, 'test', 'fixtures', 'tls');
const pem = (name: string) => readFileSync(join(tlsDir, name), 'utf8');
const fingerprintOf = (name: string) => new X509Certificate(pem(name)).fingerprint256;
const env = { UMWATCH_PASSWORD: PASSWORD };

let sandbox: CliSandbox;
let selfSigned: Simulator;
let signed: Simulator;
/** The self-signed server (A) and the CA-signed one (B). */
let urlA: string;
let urlB: string;

function httpsSimulator(cert: string, key: string): Simulator {
	return createSimulator({
		seed: 11,
		autoAdvance: false,
		historyJobs: 2,
		activeJobs: 0,
		ratePerMinute: 0,
		password: PASSWORD,
		tls: { cert: pem(cert), key: pem(key) },
	});
}

function writeConfig(value: unknown): void {
	writeFileSync(sandbox.configPath, JSON.stringify(value), { mode: 0o600 });
}

function readConfig(): unknown {
	return JSON.parse(readFileSync(sandbox.configPath, 'utf8'));
}

beforeAll(async () => {
	ensureBuilt();
	sandbox = createSandbox();
	selfSigned = httpsSimulator('self-signed.pem', 'self-signed-key.pem');
	signed = httpsSimulator('server.pem', 'server-key.pem');
	[urlA, urlB] = await Promise.all([selfSigned.listen(), signed.listen()]);
});
afterAll(async () => {
	await Promise.all([selfSigned.close(), signed.close()]);
	sandbox.dispose();
});
beforeEach(() => rmSync(sandbox.configPath, { force: true }));

describe('trust --url B --profile A (a profile of another server)', () => {
	const profileA = () => ({
		profiles: { a: { url: urlA, user: 'admin', fingerprint: fingerprintOf('self-signed.pem') } },
	});

	it('is refused with exit 2, names both URLs and --set-url, and stores nothing', async () => {
		writeConfig(profileA());
		const result = await runCli(sandbox, ['trust', '--url', urlB, '--profile', 'a', '--yes']);
		expect(result.code).toBe(2);
		expect(result.stderr.split('\n').slice(0, 2)).toEqual([
			`umwatch: ${urlB} is not the server of profile "a" (${urlA}); nothing stored`,
			`hint: add --set-url to pin its certificate in "a" and change the profile's URL to it; or choose another profile name`,
		]);
		expect(result.stdout).toBe('');
		expect(readConfig()).toEqual(profileA());
		// The profile still works: no false "certificate changed".
		const list = await runCli(sandbox, ['a', 'list', '--json'], { env });
		expect([list.code, list.stderr]).toEqual([0, '']);
	});

	it('the same server spelled differently is not another server', async () => {
		const port = new URL(urlA).port;
		writeConfig({ profiles: { a: { url: `https://127.0.0.1:${port}/api/`, user: 'admin' } } });
		const result = await runCli(sandbox, ['trust', '--url', urlA, '--profile', 'a', '--yes']);
		expect([result.code, result.stderr]).toEqual([0, '']);
		expect(readConfig()).toEqual({
			profiles: {
				a: {
					url: `https://127.0.0.1:${port}/api/`,
					user: 'admin',
					fingerprint: fingerprintOf('self-signed.pem'),
				},
			},
		});
	});

	it('with --set-url, pins B and changes the URL too; the profile then works against B', async () => {
		writeConfig(profileA());
		const result = await runCli(sandbox, [
			'trust',
			'--url',
			urlB,
			'--profile',
			'a',
			'--set-url',
			'--yes',
		]);
		expect([result.code, result.stderr]).toEqual([0, '']);
		expect(result.stdout).toContain(
			`Updated profile "a" in ${sandbox.configPath}: it now accepts exactly this certificate; its URL is now ${urlB}.\n`,
		);
		expect(readConfig()).toEqual({
			profiles: { a: { url: urlB, user: 'admin', fingerprint: fingerprintOf('server.pem') } },
		});
		const list = await runCli(sandbox, ['a', 'list', '--json'], { env });
		expect([list.code, list.stderr]).toEqual([0, '']);
		expect(JSON.parse(list.stdout)).toHaveLength(2);
	});
});

describe('trust and plain http://', () => {
	it('trust refuses an http:// URL with exit 2: nothing to trust over plain HTTP', async () => {
		const http = urlA.replace('https://', 'http://');
		const result = await runCli(sandbox, ['trust', '--url', http, '--profile', 'lab', '--yes']);
		expect(result.code).toBe(2);
		expect(result.stderr.split('\n').slice(0, 2)).toEqual([
			`umwatch: ${http}: nothing to trust over plain HTTP`,
			'hint: trust is for https:// servers; if this port speaks TLS, give its https:// URL',
		]);
		expect(() => statSync(sandbox.configPath)).toThrow();
	});

	it('list with http:// against a port that speaks TLS says to use https://', async () => {
		const http = urlA.replace('https://', 'http://');
		const host = new URL(urlA).host;
		const result = await runCli(sandbox, ['list', '--url', http, '--user', 'admin'], { env });
		expect(result.code).toBe(11);
		expect(result.stderr).toContain(`The URL says http://, but ${host} speaks TLS.`);
		expect(result.stderr).toContain(
			`This port speaks TLS: use https://, as in --url https://${host}.`,
		);
	});
});

describe('the user of a profile made or updated by trust', () => {
	it('--user is stored in a new profile, and the next command is printed', async () => {
		const result = await runCli(sandbox, ['trust', 'lab', '--url', urlA, '--user', 'ops', '--yes']);
		expect([result.code, result.stderr]).toEqual([0, '']);
		expect(result.stdout).toContain(
			`Created profile "lab" in ${sandbox.configPath}: it now accepts exactly this certificate.\n` +
				'Next: umwatch lab (the live view), or umwatch lab list\n',
		);
		expect(readConfig()).toEqual({
			profiles: { lab: { url: urlA, user: 'ops', fingerprint: fingerprintOf('self-signed.pem') } },
		});
	});

	it('without a user, the next command says how to store one', async () => {
		const result = await runCli(sandbox, ['trust', '--url', urlA, '--profile', 'my lab', '--yes']);
		expect([result.code, result.stderr]).toEqual([0, '']);
		expect(result.stdout).toContain(
			"Next: umwatch trust 'my lab' --user USER (stores the user name), then umwatch 'my lab'\n",
		);
	});

	it('trust NAME --user U updates the user of an existing, already pinned profile (no question to ask)', async () => {
		const pinned = { url: urlA, user: 'old', fingerprint: fingerprintOf('self-signed.pem') };
		writeConfig({ profiles: { lab: pinned } });
		const result = await runCli(sandbox, ['trust', 'lab', '--user', 'ops']);
		expect([result.code, result.stderr]).toEqual([0, '']);
		expect(result.stdout).toContain(
			`Updated profile "lab" in ${sandbox.configPath}: its user is now ops.\n`,
		);
		expect(readConfig()).toEqual({ profiles: { lab: { ...pinned, user: 'ops' } } });
	});
});

describe('the config file', () => {
	it('a symlinked config stays a link; its target is updated, mode 0600', async () => {
		const repo = join(sandbox.dir, 'dotfiles');
		mkdirSync(repo, { recursive: true });
		const target = join(repo, 'umwatch.json');
		writeFileSync(target, JSON.stringify({ profiles: { lab: { url: urlA, user: 'admin' } } }), {
			mode: 0o644,
		});
		symlinkSync(target, sandbox.configPath);
		try {
			const result = await runCli(sandbox, ['trust', 'lab', '--yes']);
			expect([result.code, result.stderr]).toEqual([0, '']);
			expect(lstatSync(sandbox.configPath).isSymbolicLink()).toBe(true);
			expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual({
				profiles: {
					lab: { url: urlA, user: 'admin', fingerprint: fingerprintOf('self-signed.pem') },
				},
			});
			expect(statSync(target).mode & 0o777).toBe(0o600);
		} finally {
			rmSync(repo, { recursive: true, force: true });
		}
	});

	it('a missing file named by UMWATCH_CONFIG is said, exit 2', async () => {
		const result = await runCli(sandbox, ['list', '--profile', 'lab'], { env });
		expect(result.code).toBe(2);
		expect(result.stderr.split('\n')[0]).toBe(
			`umwatch: UMWATCH_CONFIG names ${sandbox.configPath}, which does not exist`,
		);
	});
});

describe('--ca-file with the wrong CA', () => {
	it('says the certificate is not signed by the CA in FILE, exit 10', async () => {
		const caFile = join(tlsDir, 'self-signed.pem');
		const host = new URL(urlB).host;
		const result = await runCli(
			sandbox,
			['list', '--url', urlB, '--user', 'admin', '--ca-file', caFile],
			{ env },
		);
		expect(result.code).toBe(10);
		expect(result.stderr).toContain(
			`The certificate of ${host} is not signed by the CA in ${caFile}.`,
		);
	});
});
