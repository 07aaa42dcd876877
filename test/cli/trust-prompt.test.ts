// `umwatch trust` asking on a real terminal (issue 15): declining exits 1, not
// 0, so a script can tell that nothing was stored; accepting stores the pin.
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import { tlsFixture } from '../helpers/api-server.js';
import { startApp } from '../helpers/pty-app.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';

let server: Simulator;
let url: string;
let dir: string;
let term: PtyTerminal | undefined;

beforeAll(async () => {
	server = createSimulator({
		seed: 3,
		autoAdvance: false,
		historyJobs: 1,
		activeJobs: 0,
		ratePerMinute: 0,
		tls: { cert: tlsFixture('self-signed.pem'), key: tlsFixture('self-signed-key.pem') },
	});
	url = await server.listen();
	dir = mkdtempSync(join(tmpdir(), 'umwatch-trust-prompt-'));
});
afterAll(async () => {
	await server.close();
	rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
	term?.dispose();
	term = undefined;
});

async function answer(configPath: string, reply: string): Promise<number> {
	term = startApp({
		args: ['trust', '--url', url, '--profile', 'lab'],
		env: { UMWATCH_CONFIG: configPath },
	});
	await term.waitForText('Pin this certificate in profile "lab"? [y/N]');
	term.write(reply);
	return (await term.exit).exitCode;
}

describe('trust at the prompt', () => {
	it('declined: "Nothing stored.", exit 1, no file written', async () => {
		const configPath = join(dir, 'declined.json');
		expect(await answer(configPath, 'n\r')).toBe(1);
		expect(term?.screenText().join('\n')).toContain('Nothing stored.');
		expect(existsSync(configPath)).toBe(false);
	});

	it('accepted: exit 0 and the pin is stored', async () => {
		const configPath = join(dir, 'accepted.json');
		expect(await answer(configPath, 'y\r')).toBe(0);
		const fingerprint = new X509Certificate(tlsFixture('self-signed.pem')).fingerprint256;
		expect(JSON.parse(readFileSync(configPath, 'utf8'))).toEqual({
			profiles: { lab: { url, fingerprint } },
		});
	});
});
