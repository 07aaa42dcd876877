// The script modes over several servers (issue 10, "Scripts"): three simulators on
// real HTTP, each client named as its profile would name it.

import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AiqumClient, ClientOptions } from '../../source/api/types.js';
import type { CommandIo } from '../../source/commands/io.js';
import { runMain } from '../../source/commands/main.js';
import type { Interrupts } from '../../source/commands/signals.js';
import { createEngine, type WatchEngine } from '../../source/engine/index.js';
import { runEvents } from '../../source/output/events.js';
import { runList } from '../../source/output/list.js';
import { runShow } from '../../source/output/show.js';
import { runWait } from '../../source/output/wait.js';
import type { Simulator } from '../../source/simulator/types.js';
import { CaptureStream, captureIo, stdinOf } from '../helpers/out-fakes.js';
import { clientFor, closedPort, quietSimulator, SkippingClock } from '../helpers/out-sim.js';
import { until } from '../helpers/until.js';

const NAMES = ['tokyo', 'osaka', 'nagoya'] as const;
const BASE = Date.parse('2026-11-30T00:00:00Z');

let sims: Simulator[] = [];
let clients: AiqumClient[] = [];
let engines: WatchEngine[] = [];

afterEach(async () => {
	await Promise.all(engines.map((engine) => engine.stop()));
	await Promise.all(clients.map((client) => client.close()));
	await Promise.all(sims.map((sim) => sim.close()));
	engines = [];
	clients = [];
	sims = [];
});

/** Three quiet simulators and a client for each, named tokyo, osaka, nagoya. */
async function threeServers(): Promise<{ sims: Simulator[]; clients: AiqumClient[] }> {
	sims = await Promise.all(NAMES.map((_, i) => quietSimulator({ seed: 11 + i })));
	clients = sims.map((sim, i) => clientFor(sim.url, { server: NAMES[i] as string }));
	return { sims, clients };
}

/** A client named `name` for a server that is down, or one that rejects the password. */
async function brokenClient(name: string, options: Partial<ClientOptions> = {}) {
	const client = clientFor(`http://127.0.0.1:${await closedPort()}`, { server: name, ...options });
	clients.push(client);
	return client;
}

const lines = (text: string) => text.trimEnd().split('\n').filter(Boolean);
const records = (text: string) => lines(text).map((line) => JSON.parse(line));

/** Finished jobs at BASE + seconds on each server, so the merged order is known. */
function seed(sims: Simulator[], seconds: readonly (readonly number[])[]): void {
	sims.forEach((sim, i) => {
		for (const s of seconds[i] ?? []) {
			sim.addJob({
				name: `${NAMES[i]}-${s}`,
				state: 'completed',
				status: 'normal',
				submitTime: BASE + s * 1000,
				completeTime: BASE + s * 1000 + 500,
			});
		}
	});
}

describe('list over several servers', () => {
	it('merges newest first (a tie goes to the server named first), --limit after the merge, each record with its server', async () => {
		const { sims, clients } = await threeServers();
		seed(sims, [
			[10, 40],
			[30, 40, 5],
			[20, 50],
		]);
		const io = captureIo();
		expect(await runList(clients, { format: 'ndjson', color: false, limit: 5 }, io)).toBe(0);
		expect(records(io.stdout.text()).map((r) => [r.server, r.name])).toEqual([
			['nagoya', 'nagoya-50'],
			['tokyo', 'tokyo-40'],
			['osaka', 'osaka-40'],
			['osaka', 'osaka-30'],
			['nagoya', 'nagoya-20'],
		]);
		const json = captureIo();
		expect(await runList(clients, { format: 'json', color: false, state: 'normal' }, json)).toBe(0);
		const all = JSON.parse(json.stdout.text());
		expect(all).toHaveLength(7);
		expect(all.at(-1)).toMatchObject({ server: 'osaka', name: 'osaka-5' });
		expect(io.stderr.text() + json.stderr.text()).toBe('');
	});

	it('one server: every record names it, and plain text has no SERVER column', async () => {
		const { sims, clients } = await threeServers();
		seed(sims, [[10, 20]]);
		const tokyo = clients[0] as AiqumClient;
		const ndjson = captureIo();
		await runList(tokyo, { format: 'ndjson', color: false }, ndjson);
		expect(records(ndjson.stdout.text()).map((r) => r.server)).toEqual(['tokyo', 'tokyo']);
		const plain = captureIo();
		expect(await runList(tokyo, { format: 'plain', color: false }, plain)).toBe(0);
		expect(lines(plain.stdout.text())[0]).toMatch(/^STATE +NAME +TYPE +SUBMITTED +DURATION +KEY$/);
		// The same single server given as a list prints the same bytes.
		const listed = captureIo();
		await runList([tokyo], { format: 'plain', color: false }, listed);
		expect(listed.stdout.text()).toBe(plain.stdout.text());
	});

	it('plain text puts a SERVER column first with several servers', async () => {
		const { sims, clients } = await threeServers();
		seed(sims, [[10], [20], [30]]);
		const io = captureIo();
		expect(await runList(clients, { format: 'plain', color: false }, io)).toBe(0);
		const [header, ...rows] = lines(io.stdout.text());
		expect(header).toMatch(/^SERVER +STATE +NAME +TYPE +SUBMITTED +DURATION +KEY$/);
		expect(rows.map((row) => row.split(/ +/)[0])).toEqual(['nagoya', 'osaka', 'tokyo']);
		expect(rows[0]).toMatch(/^nagoya +NORMAL +nagoya-30 /);
	});

	it('a server that is down is named on stderr: exit 11, or 0 with --partial-ok; the others are printed', async () => {
		const { sims } = await threeServers();
		seed(sims, [[10], [], [30]]);
		const [tokyo, , nagoya] = clients as [AiqumClient, AiqumClient, AiqumClient];
		const osaka = await brokenClient('osaka');
		const servers = [tokyo, osaka, nagoya];
		for (const partialOk of [false, true]) {
			const io = captureIo({ clock: new SkippingClock() });
			const code = await runList(servers, { format: 'ndjson', color: false, partialOk }, io);
			expect(code).toBe(partialOk ? 0 : 11);
			expect(records(io.stdout.text()).map((r) => r.server)).toEqual(['nagoya', 'tokyo']);
			expect(io.stderr.text()).toMatch(/^umwatch: osaka: [^\n]+\n(hint: [^\n]+\n)?$/);
		}
	});

	it('a server that rejects the password is named: exit 9', async () => {
		const { sims } = await threeServers();
		seed(sims, [[10], [20], [30]]);
		const osaka = clientFor((sims[1] as Simulator).url, { server: 'osaka', password: 'wrong' });
		clients.push(osaka);
		const io = captureIo({ clock: new SkippingClock() });
		const servers = [clients[0], osaka, clients[2]] as AiqumClient[];
		expect(await runList(servers, { format: 'json', color: false }, io)).toBe(9);
		expect(JSON.parse(io.stdout.text()).map((r: { server: string }) => r.server)).toEqual([
			'nagoya',
			'tokyo',
		]);
		expect(io.stderr.text()).toMatch(/^umwatch: osaka: /);
	});

	it("every server down: nothing on stdout (not even []), each named, the first failure's code", async () => {
		const down = [await brokenClient('tokyo'), await brokenClient('osaka')];
		const io = captureIo({ clock: new SkippingClock() });
		expect(await runList(down, { format: 'json', color: false, partialOk: true }, io)).toBe(11);
		expect(io.stdout.text()).toBe('');
		expect(io.stderr.text()).toMatch(/^umwatch: tokyo: [\s\S]*\numwatch: osaka: /);
	});
});

describe('show over several servers', () => {
	it('finds the job on whichever server has it; its JSON names the server', async () => {
		const { sims, clients } = await threeServers();
		const job = (sims[1] as Simulator).addJob({
			name: 'Protect Volume',
			state: 'completed',
			status: 'normal',
		});
		const io = captureIo();
		expect(await runShow(clients, job.key, { format: 'json', color: false }, io)).toBe(0);
		expect(JSON.parse(io.stdout.text())).toMatchObject({ server: 'osaka', key: job.key });
		const text = captureIo();
		expect(await runShow(clients, job.key, { format: 'text', color: false }, text)).toBe(0);
		const shown = text.stdout.text().split('\n');
		expect(shown[0]).toBe(`Server     osaka  ${(clients[1] as AiqumClient).baseUrl}`);
		expect(shown[1]).toBe(`Key        ${job.key}`);
		expect(text.stdout.text()).toContain('Protect Volume');
		// One server: no Server line, as before.
		const one = captureIo();
		await runShow(clients[1] as AiqumClient, job.key, { format: 'text', color: false }, one);
		expect(one.stdout.text().split('\n')[0]).toBe(`Key        ${job.key}`);
	});

	it('a key on two servers is a usage error naming both (exit 2); on none → 8', async () => {
		const { sims, clients } = await threeServers();
		const key = 'same:key:on:two';
		(sims[0] as Simulator).addJob({ key, state: 'completed', status: 'normal' });
		(sims[2] as Simulator).addJob({ key, state: 'completed', status: 'error' });
		const io = captureIo();
		expect(await runShow(clients, key, { format: 'json', color: false }, io)).toBe(2);
		expect(io.stdout.text()).toBe('');
		expect(io.stderr.text()).toMatch(/^umwatch: job same:key:on:two is on tokyo and nagoya/);
		const none = captureIo();
		expect(await runShow(clients, 'no-such-key', { format: 'json', color: false }, none)).toBe(8);
		expect(none.stderr.text()).toMatch(/^umwatch: No job no-such-key on tokyo, osaka or nagoya/);
	});

	it('found on one while another is down: printed, the down one named, exit 11 (0 with --partial-ok)', async () => {
		const { sims } = await threeServers();
		const job = (sims[0] as Simulator).addJob({ state: 'completed', status: 'normal' });
		const servers = [clients[0] as AiqumClient, await brokenClient('osaka')];
		for (const partialOk of [false, true]) {
			const io = captureIo({ clock: new SkippingClock() });
			const code = await runShow(servers, job.key, { format: 'json', color: false, partialOk }, io);
			expect(code).toBe(partialOk ? 0 : 11);
			expect(JSON.parse(io.stdout.text())).toMatchObject({ server: 'tokyo', key: job.key });
			expect(io.stderr.text()).toMatch(/^umwatch: osaka: /);
		}
	});
});

describe('wait over several servers', () => {
	it('finds the server that has the key and waits there', async () => {
		const { sims, clients } = await threeServers();
		const nagoya = sims[2] as Simulator;
		const job = nagoya.addJob({ name: 'Expand LUN', state: 'running', auto: false });
		for (const sim of sims) sim.resetStats();
		const io = captureIo();
		const waiting = runWait(clients, job.key, { format: 'json' }, io);
		// Waiting there: a long poll held on nagoya (finishing earlier could race the poll's start).
		await until(() => nagoya.stats.longPollsHeld > 0);
		nagoya.finishJob(job.key, 'warning');
		expect(await waiting).toBe(3);
		expect(JSON.parse(io.stdout.text())).toMatchObject({ server: 'nagoya', state: 'WARNING' });
		// tokyo and osaka were asked once (404) and never waited on.
		for (const sim of sims.slice(0, 2)) {
			expect(sim.stats.byPath.get('/management-server/jobs/{key}')).toBe(1);
			expect(sim.stats.longPolls).toBe(0);
		}
	});
});

describe('wait over several servers, more', () => {
	it('wait - reads the key from stdin first; a key on no server → 8 naming them', async () => {
		const { sims, clients } = await threeServers();
		const job = (sims[1] as Simulator).addJob({ state: 'completed', status: 'error' });
		const io = captureIo({ stdin: stdinOf(JSON.stringify({ job: { key: job.key } })) });
		expect(await runWait(clients, '-', { format: 'line' }, io)).toBe(5);
		expect(io.stdout.text()).toContain(job.key);
		// The search gives a new job the waiter's 404 grace: its backoff passes in no time here.
		const none = captureIo({ clock: new SkippingClock() });
		expect(await runWait(clients, 'no-such-key', { format: 'line' }, none)).toBe(8);
		expect(none.stderr.text()).toMatch(/^umwatch: No job no-such-key on tokyo, osaka or nagoya/);
	});
});

describe('events over several servers', () => {
	it('says which server is retrying and which recovered', async () => {
		const { sims, clients } = await threeServers();
		// osaka's backoff passes in no time; tokyo polls on the real clock.
		engines = [
			createEngine({ client: clients[0] as AiqumClient, intervalMs: 100 }),
			createEngine({
				client: clients[1] as AiqumClient,
				intervalMs: 1000,
				clock: new SkippingClock(),
			}),
		];
		const controller = new AbortController();
		const io = captureIo({ signal: controller.signal });
		const named = engines.map((engine, i) => ({ name: NAMES[i] as string, engine }));
		const running = runEvents(named, { format: 'ndjson' }, io);
		await until(() => engines.every((e) => e.getSnapshot().connection.kind === 'live'));
		// Enough 503s to outlast the engine's quick retries, as script-retries.test.ts does.
		(sims[1] as Simulator).injectFault({ kind: 'status', status: 503 }, { count: 15 });
		await until(() => io.stderr.text().includes('umwatch: osaka: connection restored'));
		controller.abort();
		expect(await running).toBe(130);
		expect(io.stderr.text()).toMatch(
			/^umwatch: osaka: retrying: [^\n]+\numwatch: osaka: connection restored\n$/,
		);
	});

	it('streams both servers, each line naming its own; one failing is named and the stream goes on', async () => {
		const { sims, clients } = await threeServers();
		const [tokyo, osaka] = sims as [Simulator, Simulator];
		engines = clients.slice(0, 2).map((client) => createEngine({ client, intervalMs: 100 }));
		const controller = new AbortController();
		const io = captureIo({ signal: controller.signal });
		const named = engines.map((engine, i) => ({ name: NAMES[i] as string, engine }));
		const running = runEvents(named, { format: 'ndjson' }, io);
		await until(() => engines.every((e) => e.getSnapshot().connection.kind === 'live'));
		const a = tokyo.addJob({ name: 'A', state: 'running', auto: false });
		const b = osaka.addJob({ name: 'B', state: 'running', auto: false });
		await until(() => lines(io.stdout.text()).length >= 2);
		osaka.injectFault({ kind: 'status', status: 401 }, { count: Number.POSITIVE_INFINITY });
		await until(() => io.stderr.text().includes('umwatch: osaka: '));
		tokyo.finishJob(a.key, 'error');
		await until(() => lines(io.stdout.text()).length >= 3);
		controller.abort();
		expect(await running).toBe(130);
		const events = records(io.stdout.text());
		expect(events.map((e) => [e.server, e.event, e.key]).sort()).toEqual(
			[
				['osaka', 'new', b.key],
				['tokyo', 'new', a.key],
				['tokyo', 'transition', a.key],
			].sort(),
		);
		expect(io.stderr.text()).toMatch(/^umwatch: osaka: [^\n]+\n(hint: [^\n]+\n)?$/);
	});

	it('ends with the failure when every server has failed; a failed one sets the code at the end unless --partial-ok', async () => {
		const { sims, clients } = await threeServers();
		const [tokyo, osaka] = sims as [Simulator, Simulator];
		tokyo.injectFault({ kind: 'status', status: 401 }, { count: Number.POSITIVE_INFINITY });
		osaka.injectFault({ kind: 'status', status: 401 }, { count: Number.POSITIVE_INFINITY });
		engines = clients.slice(0, 2).map((client) => createEngine({ client, intervalMs: 100 }));
		const io = captureIo();
		const named = engines.map((engine, i) => ({ name: NAMES[i] as string, engine }));
		expect(await runEvents(named, { format: 'ndjson' }, io)).toBe(9);
		expect(io.stderr.text()).toContain('umwatch: tokyo: ');
		expect(io.stderr.text()).toContain('umwatch: osaka: ');
		tokyo.clearFaults();
		for (const partialOk of [false, true]) {
			engines = clients.slice(0, 2).map((client) => createEngine({ client, intervalMs: 100 }));
			const controller = new AbortController();
			const again = captureIo({ signal: controller.signal });
			const pair = engines.map((engine, i) => ({ name: NAMES[i] as string, engine }));
			const running = runEvents(pair, { format: 'ndjson', partialOk }, again);
			await until(() => again.stderr.text().includes('umwatch: osaka: '));
			// The reader goes away: the stream ends; osaka's failure still counts without --partial-ok.
			again.stdout.destroy();
			expect(await running).toBe(partialOk ? 0 : 9);
			controller.abort();
		}
	});
});

describe('the command line, several profiles', () => {
	let dir = '';
	afterEach(() => {
		if (dir !== '') rmSync(dir, { recursive: true, force: true });
		dir = '';
	});

	/** Profiles tokyo and osaka (osaka's URL from `osakaUrl`), passwords from a command. */
	function writeProfiles(tokyoUrl: string, osakaUrl: string): Record<string, string> {
		dir = mkdtempSync(join(tmpdir(), 'umwatch-scripts-'));
		mkdirSync(join(dir, 'umwatch'));
		const profile = (url: string) => ({ url, user: 'admin', passwordCommand: "printf 'admin\\n'" });
		const path = join(dir, 'umwatch', 'config.json');
		writeFileSync(
			path,
			JSON.stringify({ profiles: { tokyo: profile(tokyoUrl), osaka: profile(osakaUrl) } }),
			{ mode: 0o600 },
		);
		chmodSync(path, 0o600);
		return { XDG_CONFIG_HOME: dir };
	}

	async function run(
		env: Record<string, string>,
		positionals: string[],
		flags: Record<string, unknown> = {},
	) {
		const stdout = new CaptureStream();
		const stderr = new CaptureStream();
		const controller = new AbortController();
		const io = {
			stdin: new CaptureStream(),
			stdout,
			stderr,
			env,
			signal: controller.signal,
		} as unknown as CommandIo;
		const interrupts: Interrupts = {
			signal: controller.signal,
			exitCode: () => null,
			dispose: () => undefined,
		};
		const code = await runMain({ flags, positionals, io, interrupts });
		return { code, stdout: stdout.text(), stderr: stderr.text() };
	}

	it('umwatch tokyo osaka list --ndjson merges both; osaka rejecting the password → 9 named, with --partial-ok → 0', async () => {
		const { sims } = await threeServers();
		seed(sims, [[10], [20]]);
		const [tokyo, osaka] = sims as [Simulator, Simulator];
		const env = writeProfiles(tokyo.url, osaka.url);
		const both = await run(env, ['tokyo', 'osaka', 'list'], { ndjson: true });
		expect(both.code).toBe(0);
		expect(records(both.stdout).map((r) => [r.server, r.name])).toEqual([
			['osaka', 'osaka-20'],
			['tokyo', 'tokyo-10'],
		]);
		osaka.injectFault({ kind: 'status', status: 401 }, { count: Number.POSITIVE_INFINITY });
		const failed = await run(env, ['tokyo', 'osaka', 'list'], { ndjson: true });
		expect(failed.code).toBe(9);
		expect(records(failed.stdout).map((r) => r.server)).toEqual(['tokyo']);
		expect(failed.stderr).toMatch(/^umwatch: osaka: [^\n]*401/);
		const partial = await run(env, ['tokyo', 'osaka', 'list'], { ndjson: true, partialOk: true });
		expect(partial.code).toBe(0);
		expect(partial.stderr).toMatch(/^umwatch: osaka: /);
	});
});
