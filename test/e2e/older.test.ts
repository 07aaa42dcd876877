// Older jobs on demand as a person gets them: the bundled binary in a real
// pseudo-terminal, watching a simulator that holds 2,500 jobs. End, then ↓
// again and again, reaches the job submitted first; the simulator counts the
// older-page requests (every one asks `submit_time<=…`).
import { afterEach, expect, it } from 'vitest';
import { startApp } from '../helpers/pty-app.js';
import { E2E_PASSWORD, startFixtureServer } from '../helpers/pty-fixtures.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';

const TOTAL = 2500;
const name = (i: number) => `Old job ${String(i).padStart(4, '0')}`;

let term: PtyTerminal | null = null;
let closeServer: (() => Promise<void>) | null = null;
afterEach(async () => {
	term?.dispose();
	term = null;
	await closeServer?.();
	closeServer = null;
});

/** The job number on the selected line (`›` in the gutter). */
function selected(t: PtyTerminal): number | undefined {
	const line = t.screenText().find((l) => l.startsWith('›'));
	const match = line === undefined ? null : /Old job (\d{4})/.exec(line);
	return match?.[1] === undefined ? undefined : Number(match[1]);
}

it('End then ↓ again and again reaches the oldest of 2,500 jobs in at most three older-page requests', async () => {
	const server = await startFixtureServer({}, { fixtureJobs: false });
	closeServer = () => server.sim.close();
	const now = server.sim.now();
	server.sim.addJobs(TOTAL, (i) => ({
		key: `old-${i + 1}`,
		name: name(i + 1),
		type: 'Provisioning',
		state: 'completed',
		status: 'normal',
		submitTime: now - (TOTAL - i) * 60_000,
		completeTime: now - (TOTAL - i) * 60_000 + 5_000,
		auto: false,
	}));
	// Every older page, and only those, asks for jobs at or before a time: count them.
	server.sim.injectFault(
		{ kind: 'latency', ms: 0 },
		{ count: Number.POSITIVE_INFINITY, path: /submit_time=(%3C|<)/i },
	);
	const t = startApp({
		args: [...server.args, '--interval', '1'],
		password: E2E_PASSWORD,
		cols: 100,
		rows: 24,
	});
	term = t;
	await t.waitForText(name(TOTAL));
	expect(server.sim.stats.faults).toBe(0);

	t.write('\u001B[F'); // End: the oldest held (200 are loaded at start), and the next page
	await t.waitFor(() => selected(t) === TOTAL - 199);
	await t.waitFor(() => server.sim.stats.faults === 1);
	// ↓ in bursts until the job submitted first is selected; each burst past the end asks for more.
	for (let burst = 0; burst < 40 && selected(t) !== 1; burst++) {
		const before = selected(t);
		t.write('\u001B[B'.repeat(100));
		await t.waitFor(
			() => selected(t) !== before || /no older jobs|loading older/.test(t.screenText().join('\n')),
		);
		// While a page loads, wait for it: the rows come under the selection.
		await t.waitFor(() => !t.screenText().join('\n').includes('loading older jobs'));
	}
	expect(selected(t), t.screenDump()).toBe(1);
	t.write('\u001B[B');
	await t.waitForText('no older jobs on the server');
	expect(server.sim.stats.faults).toBeLessThanOrEqual(3);
	expect(selected(t)).toBe(1);
});

it('--since 7d holds exactly the jobs of the last 7 days', async () => {
	const server = await startFixtureServer({}, { fixtureJobs: false });
	closeServer = () => server.sim.close();
	const now = server.sim.now();
	// 14 days of jobs, one every 6 hours, the newest first: 28 within the last 7 days.
	server.sim.addJobs(56, (i) => ({
		key: `day-${i + 1}`,
		name: name(i + 1),
		type: 'Provisioning',
		state: 'completed',
		status: 'normal',
		submitTime: now - (56 - i) * 6 * 3_600_000 + 60_000,
		completeTime: now - (56 - i) * 6 * 3_600_000 + 120_000,
		auto: false,
	}));
	const t = startApp({
		args: [...server.args, '--interval', '1', '--since', '7d'],
		password: E2E_PASSWORD,
		cols: 100,
		rows: 40,
	});
	term = t;
	await t.waitForText(name(56));
	// The counts line: every job held is finished normally.
	await t.waitFor(() => /28 normal/.test(t.screenText()[1] ?? ''), { what: '28 jobs held' });
	const shown = t.screenText().join('\n');
	expect(shown).toContain(name(29));
	expect(shown).not.toContain(name(28));
});
