// Issue 10, the live view of several servers, its keys in the real App: `v`
// and `/` over servers, `p` when every server is paused, `r` and `e` with one
// server failed among live ones, and q's summary line counted per server.

import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import type { ConnectionState, ErrorSummary } from '../../source/engine/types.js';
import { ASCII_GLYPHS, UNICODE_GLYPHS } from '../../source/present/theme.js';
import { runWatchUi } from '../../source/ui/run.js';
import { serversExitSummary } from '../../source/ui/screen/server-summary.js';
import type { Reconnector } from '../../source/ui/use-recovery.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { settle } from '../helpers/settle.js';
import { FakeEngine } from '../helpers/ui-fake-engine.js';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';
import { FakeStdin, FakeStdout, renderApp, TEST_NOW } from '../helpers/ui-harness.js';
import { fleet, fourServers, JOBS, LIVE, rejected, server } from './fleet-fixtures.js';

describe('several servers: filters', () => {
	test('v cycles the server filter: all, each server in turn, all; the footer says which', async () => {
		const servers = [server('tokyo', LIVE, 1), server('osaka', LIVE, 1), server('nagoya', LIVE, 1)];
		const h = await renderApp({ snapshot: fleet(JOBS, servers), columns: 100 });
		expect(h.lines().at(-1)).toContain('v server: all');
		const names = () =>
			['Create File Share', 'Expand LUN', 'Add Cluster'].filter((n) => h.frame().includes(n));
		expect(names()).toHaveLength(3);
		await h.press('v');
		expect(names()).toEqual(['Create File Share']);
		expect(h.lines().at(-1)).toContain('server: tokyo  1 of 3');
		await h.press('v');
		expect(names()).toEqual(['Expand LUN']);
		await h.press('v');
		expect(names()).toEqual(['Add Cluster']);
		await h.press('v');
		expect(names()).toHaveLength(3);
		expect(h.lines().at(-1)).not.toContain('server: nagoya');
		h.unmount();
	});

	test('/ also matches the server name', async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()) });
		await h.press('/', 'osa', '\r');
		expect(h.frame()).toContain('Expand LUN');
		expect(h.frame()).not.toContain('Create File Share');
		expect(h.frame()).not.toContain('Add Cluster');
		h.unmount();
	});

	test('with one server, v does nothing and / does not match the host', async () => {
		const one = [makeJob({ server: 'um01', key: 'a', name: 'Alpha' })];
		const h = await renderApp({ snapshot: makeSnapshot(one) });
		expect(h.lines().at(-1)).not.toContain(' v ');
		await h.press('v');
		expect(h.frame()).toContain('Alpha');
		await h.press('/', 'um01', '\r');
		expect(h.frame()).toContain('no jobs match the filter');
		h.unmount();
	});
});

describe('several servers: r and e with one failed among live ones', () => {
	test('r reconnects for the server rejected, though the summed-up state is live', async () => {
		const calls: ErrorSummary[] = [];
		const reconnector: Reconnector = {
			async reconnect(failure) {
				calls.push(failure);
				return { insecure: false };
			},
		};
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()), reconnector });
		await h.press('r');
		expect(calls).toEqual([rejected]);
		expect(h.engine.calls.refresh).toBe(1);
		h.unmount();
	});

	test('e shows each failed server’s error under its name', async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()), rows: 40 });
		expect(h.lines().at(-1)).toContain('e error');
		await h.press('e');
		const frame = h.frame();
		expect(frame).toContain(
			'\n osaka\n ✗ Unified Manager rejected the user name or password (401).',
		);
		expect(frame).toContain('\n nagoya\n ✗ Connection refused by nagoya.example.com.');
		h.unmount();
	});
});

describe('several servers: pause', () => {
	test('every server paused is paused, however the fleet sums it up: p resumes', async () => {
		const paused: ConnectionState = { kind: 'paused' };
		const snapshot = {
			...fleet(JOBS.slice(0, 2), [server('tokyo', paused, 1), server('osaka', paused, 1)]),
			connection: { kind: 'connecting' } as const,
		};
		const h = await renderApp({ snapshot, columns: 100 });
		expect(h.lines()[0]).toContain('tokyo ○ paused  osaka ○ paused');
		expect(h.lines().at(-1)).toContain('p resume');
		await h.press('p');
		expect(h.engine.calls.paused).toEqual([false]);
		h.unmount();
	});
});

describe('several servers: the summary line after quitting', () => {
	test('q prints it counted per server; the screen is the real one', async () => {
		const servers = [
			server('tokyo', LIVE, 2),
			server('osaka', { kind: 'failed', error: rejected }),
		];
		const engine = new FakeEngine(fleet(JOBS.slice(0, 1), servers));
		const stdin = new FakeStdin();
		const stdout = new FakeStdout(80, 24);
		const clock = new FakeClock(TEST_NOW);
		const exit = runWatchUi({
			engine,
			host: 'tokyo',
			insecure: false,
			color: false,
			stdin: stdin as unknown as NodeJS.ReadStream,
			stdout: stdout as unknown as NodeJS.WriteStream,
			stderr: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
			timers: clock,
			process: new EventEmitter(),
		});
		await settle();
		clock.tick(5 * 60_000);
		stdin.emit('data', 'q');
		expect((await exit).summary).toBe(
			'umwatch: watched tokyo, osaka for 5m: tokyo 2 jobs, osaka ✗ 401',
		);
	});

	test('counts per server, and names the failed ones', () => {
		const servers = [
			server('tokyo', LIVE, 12),
			server('osaka', { kind: 'failed', error: rejected }),
		];
		const jobs = [makeJob({ server: 'tokyo', key: 'x', displayState: 'ERROR' })];
		expect(serversExitSummary({ jobs, servers }, 300_000, 'quit', UNICODE_GLYPHS)).toBe(
			'umwatch: watched tokyo, osaka for 5m: tokyo 12 jobs (1 failed), osaka ✗ 401',
		);
		expect(serversExitSummary({ jobs, servers }, 300_000, 'signal', ASCII_GLYPHS, 'SIGHUP')).toBe(
			'umwatch: watched tokyo, osaka for 5m: tokyo 12 jobs (1 failed), osaka x 401 (ended by SIGHUP)',
		);
	});
});
