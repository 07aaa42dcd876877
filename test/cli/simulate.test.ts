import { afterEach, describe, expect, it } from 'vitest';
import { type CliProcess, type CliSandbox, createSandbox, startCli } from '../helpers/cli-run.js';
import { ensureBuilt } from '../helpers/pty-app.js';

let sandbox: CliSandbox | undefined;
let running: CliProcess | undefined;
afterEach(async () => {
	if (running !== undefined && running.child.exitCode === null) {
		running.child.kill('SIGKILL');
		await running.exited;
	}
	sandbox?.dispose();
});

describe('umwatch simulate', () => {
	it('prints its URL and credentials, answers HTTP, and exits 143 on SIGTERM', async () => {
		ensureBuilt();
		sandbox = createSandbox();
		running = startCli(sandbox, ['simulate', '--seed', '3', '--rate', '0'], { timeoutMs: 20_000 });
		const [, url = ''] = await running.waitForStdout(/listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
		const [, password = ''] = await running.waitForStdout(/ {2}password: (\S+)\n/);
		expect(running.stdout()).toContain('  user:     admin\n');
		const auth = `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`;
		const ok = await fetch(`${url}/api/management-server/jobs`, {
			headers: { authorization: auth },
		});
		expect(ok.status).toBe(200);
		expect(((await ok.json()) as { records: unknown[] }).records.length).toBeGreaterThan(0);
		const denied = await fetch(`${url}/api/management-server/jobs`);
		expect(denied.status).toBe(401);
		running.child.kill('SIGTERM');
		const result = await running.exited;
		expect([result.code, result.stderr]).toEqual([143, '']);
		await expect(fetch(`${url}/api/management-server/jobs`)).rejects.toThrow();
	});

	it('refuses a port it cannot use, exit 2', async () => {
		ensureBuilt();
		sandbox = createSandbox();
		running = startCli(sandbox, ['simulate', '--port', '70000']);
		const result = await running.exited;
		expect(result.code).toBe(2);
		expect(result.stderr.split('\n')[0]).toBe(
			'umwatch: --port must be a whole number from 0 to 65535, not "70000"',
		);
	});
});
