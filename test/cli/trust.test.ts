import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import { type CliSandbox, createSandbox, runCli } from '../helpers/cli-run.js';
import { ensureBuilt, repoRoot } from '../helpers/pty-app.js';

const PASSWORD = 'tls-test-password';
const tlsDir = join(repoRoot, 'test', 'fixtures', 'tls');
const pem = (name: string) => readFileSync(join(tlsDir, name), 'utf8');
const fingerprintOf = (name: string) => new X509Certificate(pem(name)).fingerprint256;

let sandbox: CliSandbox;
let selfSigned: Simulator;
let other: Simulator;
let selfSignedUrl: string;
let otherUrl: string;

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

beforeAll(async () => {
	ensureBuilt();
	sandbox = createSandbox();
	selfSigned = httpsSimulator('self-signed.pem', 'self-signed-key.pem');
	other = httpsSimulator('server.pem', 'server-key.pem');
	[selfSignedUrl, otherUrl] = await Promise.all([selfSigned.listen(), other.listen()]);
});
afterAll(async () => {
	await Promise.all([selfSigned.close(), other.close()]);
	sandbox.dispose();
});

describe('umwatch trust', () => {
	it('without a profile, shows the certificate and the --fingerprint to use', async () => {
		const result = await runCli(sandbox, ['trust', '--url', selfSignedUrl]);
		expect([result.code, result.stderr]).toEqual([0, '']);
		const lines = result.stdout.split('\n');
		expect(lines[1]).toBe('Subject      CN=localhost, O=umwatch tests');
		expect(lines[2]).toBe('Issuer       CN=localhost, O=umwatch tests  (self-signed)');
		expect(lines[5]).toBe(`SHA-256      ${fingerprintOf('self-signed.pem')}`);
		expect(lines[6]).toMatch(/^Verified {5}no \(/);
		expect(result.stdout).toContain(`  --fingerprint ${fingerprintOf('self-signed.pem')}\n`);
	});

	it('refuses to store without --yes when there is no terminal to ask on', async () => {
		const result = await runCli(sandbox, ['trust', '--url', selfSignedUrl, '--profile', 'lab']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(
			/^umwatch: cannot ask for confirmation: .*\nhint: add --yes to store the fingerprint without asking\n$/,
		);
	});

	it('--yes pins the fingerprint in a new profile; list then works, and a different certificate fails with 10', async () => {
		const trust = await runCli(sandbox, [
			'trust',
			'--url',
			selfSignedUrl,
			'--user',
			'admin',
			'--profile',
			'lab',
			'--yes',
		]);
		expect([trust.code, trust.stderr]).toEqual([0, '']);
		expect(trust.stdout).toContain(
			`Created profile "lab" in ${sandbox.configPath}: it now accepts exactly this certificate.\n`,
		);
		expect(JSON.parse(readFileSync(sandbox.configPath, 'utf8'))).toEqual({
			profiles: {
				lab: { url: selfSignedUrl, user: 'admin', fingerprint: fingerprintOf('self-signed.pem') },
			},
		});
		expect(statSync(sandbox.configPath).mode & 0o777).toBe(0o600);

		const env = { UMWATCH_PASSWORD: PASSWORD };
		const list = await runCli(sandbox, ['lab', 'list', '--json'], { env });
		expect([list.code, list.stderr]).toEqual([0, '']);
		expect(JSON.parse(list.stdout)).toHaveLength(2);

		// Same profile (same pin), another server with another certificate.
		const changed = await runCli(sandbox, ['lab', 'list', '--url', otherUrl], { env });
		expect(changed.code).toBe(10);
		expect(changed.stderr).toMatch(/^umwatch: .*fingerprint.*\n/i);
		expect(changed.stdout).toBe('');
	});

	it('updates an existing profile and keeps the rest of the file', async () => {
		writeFileSync(
			sandbox.configPath,
			JSON.stringify({
				defaultProfile: 'prod',
				profiles: { prod: { url: otherUrl, user: 'ops', passwordCommand: 'pass um', interval: 5 } },
			}),
			{ mode: 0o644 },
		);
		const result = await runCli(sandbox, ['prod', 'trust', '--yes']);
		expect([result.code, result.stderr]).toEqual([0, '']);
		expect(JSON.parse(readFileSync(sandbox.configPath, 'utf8'))).toEqual({
			defaultProfile: 'prod',
			profiles: {
				prod: {
					url: otherUrl,
					user: 'ops',
					passwordCommand: 'pass um',
					interval: 5,
					fingerprint: fingerprintOf('server.pem'),
				},
			},
		});
		expect(statSync(sandbox.configPath).mode & 0o777).toBe(0o600);
	});
});
