// `list --since` and `list --sort` (issue 13) over real HTTP: a simulator holding
// 2,500 jobs, reached directly or through a proxy that plays a server which
// ignores, refuses or misreads the submit_time filter.
import { createServer, request, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AiqumClient } from '../../source/api/types.js';
import { runList } from '../../source/output/list.js';
import type { Simulator } from '../../source/simulator/types.js';
import { parseSince } from '../../source/time/since.js';
import { type CliSandbox, createSandbox, runCli } from '../helpers/cli-run.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { captureIo } from '../helpers/out-fakes.js';
import { clientFor, quietSimulator } from '../helpers/out-sim.js';
import { ensureBuilt } from '../helpers/pty-app.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Simulated now, a whole second. */
const NOW = Date.parse('2026-12-01T03:00:00Z');
const CUT = parseSince('7d', NOW);

const records = (text: string) =>
	text
		.trimEnd()
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line));

/** How the proxy in front of the simulator treats a `submit_time` filter. */
type FilterMode = 'honour' | 'ignore' | 'refuse' | 'misread';

interface Proxy {
	readonly url: string;
	/** Every jobs-collection query the proxy received, as sent by the client. */
	readonly queries: URLSearchParams[];
	mode: FilterMode;
	close(): Promise<void>;
}

/** An HTTP proxy to `target` that plays a server with the given filter behaviour. */
async function filterProxy(target: string): Promise<Proxy> {
	const upstream = new URL(target);
	const proxy: Proxy = { url: '', queries: [], mode: 'honour', close: async () => {} };
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://proxy');
		if (url.pathname.endsWith('/management-server/jobs')) proxy.queries.push(url.searchParams);
		const filter = url.searchParams.get('submit_time');
		if (filter !== null && proxy.mode === 'refuse') {
			res.writeHead(400, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({ error: { message: 'Invalid filter', code: '4', target: 'submit_time' } }),
			);
			return;
		}
		if (filter !== null && proxy.mode === 'ignore') url.searchParams.delete('submit_time');
		// Read as a literal value, which matches no job's time.
		if (filter !== null && proxy.mode === 'misread') {
			url.searchParams.set('submit_time', filter.replace(/^[<>]=?/, ''));
		}
		const forward = request(
			{
				host: upstream.hostname,
				port: upstream.port,
				path: `${url.pathname}${url.search}`,
				method: req.method ?? 'GET',
				headers: req.headers,
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		forward.on('error', () => res.destroy());
		req.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return Object.assign(proxy, {
		url: `http://127.0.0.1:${address.port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	});
}

describe('list --since over 2,500 jobs', () => {
	let sim: Simulator;
	let proxy: Proxy;
	let client: AiqumClient;
	/** The keys of the jobs submitted at or after the cut, newest first. */
	let expected: string[];

	beforeAll(async () => {
		sim = await quietSimulator({ autoAdvance: false, startTime: NOW });
		// One job every 10 minutes back from now: about 17 days, 1,008 of them in the last 7;
		// the one at the cut's very second is in, the one a second before is out.
		sim.addJobs(2498, (i) => ({
			state: 'completed',
			status: i % 7 === 0 ? 'error' : 'normal',
			submitTime: NOW - 60_000 - i * 10 * MINUTE,
			completeTime: NOW - 30_000 - i * 10 * MINUTE,
		}));
		sim.addJob({ name: 'at the cut', state: 'completed', status: 'normal', submitTime: CUT });
		sim.addJob({
			name: 'before the cut',
			state: 'completed',
			status: 'normal',
			submitTime: CUT - 1000,
		});
		expect(sim.jobs()).toHaveLength(2500);
		expected = [...sim.jobs()]
			.filter((job) => job.submitTime >= CUT)
			.sort((a, b) => b.submitTime - a.submitTime)
			.map((job) => job.key);
		proxy = await filterProxy(sim.url);
		client = clientFor(proxy.url);
	});
	afterAll(async () => {
		await client.close();
		await proxy.close();
		await sim.close();
	});
	afterEach(() => {
		proxy.queries.length = 0;
	});

	async function listSince(extra: { state?: string; limit?: number } = {}) {
		const io = captureIo();
		const code = await runList(
			client,
			{ format: 'ndjson', color: false, since: CUT, ...extra },
			io,
		);
		expect(io.stderr.text()).toBe('');
		expect(code).toBe(0);
		return records(io.stdout.text()) as { key: string; name: string; state: string }[];
	}

	it('a server that honours the filter: exactly the last 7 days, asked with submit_time=>=', async () => {
		proxy.mode = 'honour';
		const jobs = await listSince();
		expect(expected.length).toBeGreaterThan(1000);
		expect(jobs.map((job) => job.key)).toEqual(expected);
		expect(jobs.at(-1)?.name).toBe('at the cut');
		expect(proxy.queries[0]?.get('submit_time')).toBe('>=2026-11-24T03:00:00Z');
		// Two pages of up to 1,000: the server sent no job before the cut.
		expect(proxy.queries).toHaveLength(2);
	});

	it('a server that ignores the filter: the same jobs, and paging stops at the cut', async () => {
		proxy.mode = 'ignore';
		const jobs = await listSince();
		expect(jobs.map((job) => job.key)).toEqual(expected);
		// Page 2 reaches back past the cut: pages 3 (jobs 2,001-2,500) are never asked for.
		expect(proxy.queries).toHaveLength(2);
	});

	it('a server that refuses the filter (400), or misreads it, is asked again without it', async () => {
		for (const mode of ['refuse', 'misread'] as const) {
			proxy.mode = mode;
			proxy.queries.length = 0;
			const jobs = await listSince();
			expect(
				jobs.map((job) => job.key),
				mode,
			).toEqual(expected);
			expect(proxy.queries.at(-1)?.get('submit_time'), mode).toBeNull();
		}
	});

	it('--state and --limit apply to the jobs since the cut (--limit: the newest N)', async () => {
		proxy.mode = 'ignore';
		const errors = await listSince({ state: 'error' });
		expect(errors.length).toBeGreaterThan(100);
		expect(errors.every((job) => job.state === 'ERROR')).toBe(true);
		const errorKeys = new Set(
			sim
				.jobs()
				.filter((job) => job.status === 'error' && job.submitTime >= CUT)
				.map((job) => job.key),
		);
		expect(new Set(errors.map((job) => job.key))).toEqual(errorKeys);
		proxy.mode = 'honour';
		expect((await listSince({ limit: 5 })).map((job) => job.key)).toEqual(expected.slice(0, 5));
	});
});

describe('list --sort over several servers', () => {
	const NAMES = ['tokyo', 'osaka', 'nagoya'] as const;
	const T = NOW - DAY;
	let sims: Simulator[] = [];
	let clients: AiqumClient[] = [];

	afterEach(async () => {
		await Promise.all(clients.map((c) => c.close()));
		await Promise.all(sims.map((s) => s.close()));
		sims = [];
		clients = [];
	});

	/** name, lifecycle, outcome, submitted (s after T), took (s; null: not over). */
	type Spec = readonly [string, string, string | undefined, number, number | null];

	async function servers(specs: readonly (readonly Spec[])[]) {
		sims = await Promise.all(
			NAMES.map((_, i) => quietSimulator({ seed: 30 + i, autoAdvance: false, startTime: NOW })),
		);
		clients = sims.map((sim, i) => clientFor(sim.url, { server: NAMES[i] as string }));
		sims.forEach((sim, i) => {
			for (const [name, state, status, s, took] of specs[i] ?? []) {
				sim.addJob({
					name,
					state,
					...(status === undefined ? {} : { status }),
					submitTime: T + s * 1000,
					completeTime: took === null ? null : T + (s + took) * 1000,
					auto: false,
				});
			}
		});
	}

	const SPECS: readonly (readonly Spec[])[] = [
		[
			['t-error', 'completed', 'error', 10, 5],
			['t-normal', 'completed', 'normal', 40, 100],
			['t-running', 'running', undefined, 30, null],
			['job10', 'completed', 'normal', 1, 1],
		],
		[
			['o-warning', 'completed', 'warning', 40, 2],
			['o-unknown', 'paused', undefined, 50, null],
			['o-queued', 'queued', undefined, 20, null],
			['job9', 'completed', 'normal', 2, 1],
		],
		[
			['n-error', 'completed', 'error', 10, 7],
			['n-partial', 'completed', 'partial_failures', 5, 3],
			['Job9', 'aborted', undefined, 3, 1],
		],
	];

	async function names(sort: 'submitted' | 'state' | 'duration' | 'name', extra = {}) {
		const io = captureIo({ clock: new FakeClock(NOW) });
		const code = await runList(clients, { format: 'ndjson', color: false, sort, ...extra }, io);
		expect(io.stderr.text()).toBe('');
		expect(code).toBe(0);
		return records(io.stdout.text()).map((r: { name: string }) => r.name);
	}

	it('state: failures first, then running, queued, normal, UNKNOWN last; ties by server order', async () => {
		await servers(SPECS);
		expect(await names('state')).toEqual([
			't-error', // ERROR at 10 s: tokyo is named before nagoya
			'n-error',
			'n-partial',
			'Job9', // ABORTED
			'o-warning',
			't-running',
			'o-queued',
			't-normal',
			'job9',
			'job10',
			'o-unknown',
		]);
	});

	it('duration: longest first, the running one measured to now; name: locale order, digits by value', async () => {
		await servers(SPECS);
		const byDuration = await names('duration');
		// Not over (queued at T + 20 s, running at T + 30 s, paused at T + 50 s):
		// each counts up to now, a day; the others took seconds.
		expect(byDuration.slice(0, 3)).toEqual(['o-queued', 't-running', 'o-unknown']);
		expect(byDuration.slice(3)).toEqual([
			't-normal',
			'n-error',
			't-error',
			'n-partial',
			'o-warning',
			// One second each: newest first
			'Job9',
			'job9',
			'job10',
		]);
		expect(await names('name')).toEqual([
			'job9',
			'Job9',
			'job10',
			'n-error',
			'n-partial',
			'o-queued',
			'o-unknown',
			'o-warning',
			't-error',
			't-normal',
			't-running',
		]);
	});

	it('--limit keeps the newest N of the merge, then --sort orders them; plain and JSON agree', async () => {
		await servers(SPECS);
		// Newest three: o-unknown (50), then t-normal and o-warning (40; tokyo first).
		expect(await names('state', { limit: 3 })).toEqual(['o-warning', 't-normal', 'o-unknown']);
		const plain = captureIo({ clock: new FakeClock(NOW) });
		await runList(clients, { format: 'plain', color: false, sort: 'state', limit: 3 }, plain);
		const rows = plain.stdout.text().trimEnd().split('\n').slice(1);
		expect(rows.map((row) => row.split(/ +/).slice(0, 3))).toEqual([
			['osaka', 'WARNING', 'o-warning'],
			['tokyo', 'NORMAL', 't-normal'],
			['osaka', 'UNKNOWN:paused', 'o-unknown'],
		]);
		const json = captureIo({ clock: new FakeClock(NOW) });
		await runList(clients, { format: 'json', color: false, sort: 'state', limit: 3 }, json);
		expect(JSON.parse(json.stdout.text()).map((r: { name: string }) => r.name)).toEqual([
			'o-warning',
			't-normal',
			'o-unknown',
		]);
		// Without --sort, today's order: newest first.
		expect(await names('submitted', { limit: 3 })).toEqual(['o-unknown', 't-normal', 'o-warning']);
	});
});

describe('--sort and --since on the command line (the built binary)', () => {
	const PASSWORD = 'pw';
	let sandbox: CliSandbox;
	let sim: Simulator;

	beforeAll(async () => {
		ensureBuilt();
		sandbox = createSandbox();
		sim = await quietSimulator({ password: PASSWORD });
	});
	afterAll(async () => {
		await sim.close();
		sandbox.dispose();
	});

	const list = (args: readonly string[], env: Record<string, string> = {}) =>
		runCli(sandbox, ['list', '--url', sim.url, '--user', 'admin', ...args], {
			env: { UMWATCH_PASSWORD: PASSWORD, ...env },
		});

	it.each([
		[
			['--sort', 'newest'],
			'umwatch: --sort must be one of submitted, state, duration, name, not "newest"',
		],
		[
			['--since', 'yesterday'],
			'umwatch: --since: "yesterday" is not a span or a time: use a span back from now (30m, 24h, 7d, 1d12h) or a time: 2026-11-30, 2026-11-30T08:00 (local time), 2026-11-30T08:00Z or 2026-11-30T08:00+09:00',
		],
		[['--since', '2099-01-01'], 'umwatch: --since: "2099-01-01" is in the future: use a span back'],
		[['--since', '7'], 'umwatch: --since: "7" needs a unit (e.g. 7h or 7d)'],
	])('list %j: a usage error (exit 2) naming what is allowed', async (args, message) => {
		const result = await list(args);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr.startsWith(message)).toBe(true);
		expect(result.stderr).toContain('usage: umwatch [PROFILE...] list');
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('--sort and --since do not apply to show', async () => {
		for (const flag of ['--sort', '--since']) {
			const result = await runCli(sandbox, [
				'show',
				'k',
				'--url',
				sim.url,
				'--user',
				'admin',
				flag,
				'state',
			]);
			expect(result.code).toBe(2);
			expect(result.stderr).toMatch(new RegExp(`^umwatch: ${flag} does not apply to show\n`));
		}
	});

	it('a time without a zone is local time, per TZ', async () => {
		// A whole hour half a day ago (UTC), a job half an hour either side of it.
		const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 12 * 3_600_000;
		const before = sim.addJob({
			name: 'before',
			state: 'completed',
			status: 'normal',
			submitTime: hour - 1_800_000,
		});
		const after = sim.addJob({
			name: 'after',
			state: 'completed',
			status: 'normal',
			submitTime: hour + 1_800_000,
		});
		// That hour as Tokyo's wall clock reads it (UTC+9, no daylight saving).
		const tokyo = new Date(hour + 9 * 3_600_000).toISOString().slice(0, 16);
		const inTokyo = await list(['--since', tokyo, '--json'], { TZ: 'Asia/Tokyo' });
		expect(inTokyo.stderr).toBe('');
		expect(JSON.parse(inTokyo.stdout).map((job: { key: string }) => job.key)).toEqual([after.key]);
		// Read in UTC the same words are nine hours later: neither job.
		const inUtc = await list(['--since', tokyo, '--json'], { TZ: 'UTC' });
		expect(JSON.parse(inUtc.stdout)).toEqual([]);
		// With an offset, TZ does not matter; --sort name puts "after" before "before".
		const named = await list(
			['--since', `${tokyo}+09:00`, '--sort', 'name', '--ndjson', '--limit', '5'],
			{
				TZ: 'UTC',
			},
		);
		expect(records(named.stdout).map((job) => job.key)).toEqual([after.key]);
		const earlier = `${new Date(hour - 3_600_000).toISOString().slice(0, 16)}Z`;
		const both = await list(['--since', earlier, '--sort', 'name', '--ndjson']);
		expect(records(both.stdout).map((job) => job.name)).toEqual(['after', 'before']);
		expect(before.key).not.toBe(after.key);
	});
});
