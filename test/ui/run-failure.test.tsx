// Issue 15, item 10: quitting the live view while it is failing prints the
// failure in full (the header's line was cut at the width) for standard error.
import { EventEmitter } from 'node:events';
import { expect, test } from 'vitest';
import type { ConnectionState } from '../../source/engine/types.js';
import { runWatchUi } from '../../source/ui/run.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { settle } from '../helpers/settle.js';
import { FakeEngine } from '../helpers/ui-fake-engine.js';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';
import { FakeStdin, FakeStdout, TEST_NOW } from '../helpers/ui-harness.js';

const message =
	'The certificate of um01:443 changed: its SHA-256 fingerprint is AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99, not the pinned 11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00.';
const hint = 'If the certificate was renewed on purpose, check it and run `umwatch trust` again.';

async function quitWhile(connection: ConnectionState) {
	const engine = new FakeEngine(makeSnapshot([makeJob({ key: 'a' })], { connection }));
	const stdin = new FakeStdin();
	const exit = runWatchUi({
		engine,
		host: 'um01',
		insecure: false,
		color: false,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stdout: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
		timers: new FakeClock(TEST_NOW),
		process: new EventEmitter(),
	});
	await settle();
	stdin.emit('data', 'q');
	return exit;
}

test('quitting while failed hands over the whole failure and its hint', async () => {
	const exit = await quitWhile({ kind: 'failed', error: { kind: 'tls', message, hint } });
	expect(exit.summary).toBe('umwatch: watched um01 for 0s; 1 job, 0 failed');
	expect(exit.failure).toBe(`umwatch: ${message}\nhint: ${hint}\n`);
});

test('quitting while retrying names the last error; a paused refresh that failed too', async () => {
	const lastError = {
		kind: 'network' as const,
		message: 'Connection refused by um01:443.',
		hint: '',
	};
	const retrying = await quitWhile({
		kind: 'retrying',
		attempt: 2,
		nextTryAt: TEST_NOW,
		lastError,
	});
	expect(retrying.failure).toBe('umwatch: Connection refused by um01:443.\n');
	const paused = await quitWhile({ kind: 'paused', lastError });
	expect(paused.failure).toBe('umwatch: Connection refused by um01:443.\n');
});

test('quitting while live has nothing more to say', async () => {
	const exit = await quitWhile({ kind: 'live' });
	expect(exit.failure).toBeUndefined();
});
