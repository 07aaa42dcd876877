import { afterEach, describe, expect, it } from 'vitest';
import type { AiqumClient } from '../../source/api/types.js';
import { runList } from '../../source/output/list.js';
import { runShow } from '../../source/output/show.js';
import { HOSTILE_FRAGMENTS } from '../../source/simulator/index.js';
import type { Simulator } from '../../source/simulator/types.js';
import { activeCharacters, ClosedPipeStream, captureIo } from '../helpers/out-fakes.js';
import {
	clientFor,
	closedPort,
	quietSimulator,
	SkippingClock,
	tlsFixture,
} from '../helpers/out-sim.js';

let sim: Simulator | null = null;
let client: AiqumClient | null = null;

afterEach(async () => {
	await client?.close();
	await sim?.close();
	client = null;
	sim = null;
});

async function setUp(
	options: Parameters<typeof quietSimulator>[0] = {},
): Promise<{ sim: Simulator; client: AiqumClient }> {
	sim = await quietSimulator(options);
	client = clientFor(sim.url);
	return { sim, client };
}

describe('list against the simulator', () => {
	it('--limit 1200 follows next past the 1000-record page, newest first, each job once', async () => {
		const { sim, client } = await setUp();
		const jobs = sim.addJobs(1500, (i) => ({
			state: 'completed',
			status: 'normal',
			submitTime: sim.now() - (1500 - i) * 1000,
		}));
		sim.resetStats();
		const io = captureIo();
		expect(await runList(client, { format: 'ndjson', color: false, limit: 1200 }, io)).toBe(0);
		const keys = io.stdout
			.text()
			.trimEnd()
			.split('\n')
			.map((line) => JSON.parse(line).key as string);
		expect(keys).toHaveLength(1200);
		expect(new Set(keys).size).toBe(1200);
		expect(keys[0]).toBe(jobs[1499]?.key);
		expect(keys[1199]).toBe(jobs[300]?.key);
		expect(sim.stats.byPath.get('/management-server/jobs')).toBe(2);
	});

	it('passes --name and --type patterns to the server and filters --state by display state', async () => {
		const { sim, client } = await setUp();
		sim.addJob({
			name: 'Create File Share',
			type: 'Provisioning',
			state: 'completed',
			status: 'error',
		});
		sim.addJob({ name: 'Create Volume', type: 'Provisioning', state: 'running', auto: false });
		sim.addJob({ name: 'Expand LUN', type: 'Modify', state: 'completed', status: 'normal' });
		sim.addJob({
			name: 'ボリュームの作成',
			type: 'Provisioning',
			state: 'completed',
			status: 'error',
		});
		const names = async (options: Parameters<typeof runList>[1]) => {
			const io = captureIo();
			expect(await runList(client, options, io)).toBe(0);
			return io.stdout
				.text()
				.trimEnd()
				.split('\n')
				.filter(Boolean)
				.map((line) => JSON.parse(line).name as string)
				.sort();
		};
		expect(await names({ format: 'ndjson', color: false, name: 'Create*|Expand LUN' })).toEqual([
			'Create File Share',
			'Create Volume',
			'Expand LUN',
		]);
		expect(
			await names({ format: 'ndjson', color: false, type: 'Provisioning', state: 'error' }),
		).toEqual(['Create File Share', 'ボリュームの作成']);
		expect(await names({ format: 'ndjson', color: false, state: 'running|normal' })).toEqual([
			'Create Volume',
			'Expand LUN',
		]);
	});

	it('understands the single-field state shape of the 9.7 documentation', async () => {
		const { sim, client } = await setUp({ shape: 'single' });
		sim.addJob({ name: 'A', state: 'completed', status: 'partial_failures' });
		sim.addJob({ name: 'B', state: 'running', auto: false });
		const io = captureIo();
		await runList(client, { format: 'ndjson', color: false }, io);
		const states = io.stdout
			.text()
			.trimEnd()
			.split('\n')
			.map((line) => JSON.parse(line).state);
		expect(states.sort()).toEqual(['PARTIAL_FAILURES', 'RUNNING']);
	});

	it('--json prints one array; plain text carries whole keys', async () => {
		const { sim, client } = await setUp();
		const job = sim.addJob({ name: 'Create File Share', state: 'completed', status: 'normal' });
		const json = captureIo();
		await runList(client, { format: 'json', color: false }, json);
		expect(JSON.parse(json.stdout.text())).toMatchObject([
			{
				key: job.key,
				name: 'Create File Share',
				state: 'NORMAL',
				lifecycle: 'completed',
				outcome: 'normal',
				over: true,
			},
		]);
		const plain = captureIo();
		await runList(client, { format: 'table', color: true }, plain);
		expect(plain.stdout.text().split('\n')[1]).toMatch(
			new RegExp(`^NORMAL +Create File Share .* ${job.key}$`),
		);
	});

	it('ends quietly when the reader closes the pipe after the first line', async () => {
		const { sim, client } = await setUp();
		sim.addJobs(50, { state: 'completed', status: 'normal' });
		const stdout = new ClosedPipeStream(1);
		const io = { ...captureIo(), stdout };
		expect(await runList(client, { format: 'plain', color: false }, io)).toBe(0);
		expect(stdout.chunks).toHaveLength(1);
		expect(io.stderr.text()).toBe('');
	});
});

describe('show against the simulator', () => {
	it('prints a failed job with its task message, and 8 for a missing key', async () => {
		const { sim, client } = await setUp();
		const job = sim.addJob({ name: 'Protect Volume', state: 'running', auto: false });
		sim.finishJob(job.key, 'error');
		const io = captureIo();
		expect(await runShow(client, job.key, { format: 'text', color: false }, io)).toBe(0);
		const text = io.stdout.text();
		expect(text.split('\n').slice(0, 3)).toEqual([
			`Key        ${job.key}`,
			'Name       Protect Volume',
			'State      ERROR   (lifecycle completed, outcome error)',
		]);
		const failed = sim.job(job.key)?.taskReports.find((task) => task.status === 'error');
		expect(failed?.message).toBeTruthy();
		expect(text).toContain(failed?.message ?? '-');
		const missing = captureIo();
		expect(await runShow(client, `${job.key}0`, { format: 'json', color: false }, missing)).toBe(8);
		expect(missing.stderr.text()).toMatch(/^umwatch: [^\n]+\n(hint: [^\n]+\n)?$/);
		expect(missing.stdout.text()).toBe('');
	});
});

describe('failures end with their exit codes', () => {
	it('wrong password → 9', async () => {
		const { sim } = await setUp();
		client = clientFor(sim.url, { password: 'wrong' });
		const io = captureIo();
		expect(await runList(client, { format: 'plain', color: false }, io)).toBe(9);
		expect(io.stderr.text()).toMatch(/^umwatch: [^\n]+\n(hint: [^\n]+\n)?$/);
		expect(io.stderr.text()).not.toContain('wrong');
	});

	it('an untrusted self-signed certificate → 10; trusted with its CA → 0', async () => {
		sim = await quietSimulator({
			tls: { cert: tlsFixture('self-signed.pem'), key: tlsFixture('self-signed-key.pem') },
		});
		client = clientFor(sim.url);
		const io = captureIo();
		expect(await runList(client, { format: 'plain', color: false }, io)).toBe(10);
		expect(io.stderr.text()).toMatch(/^umwatch: [^\n]+\n(hint: [^\n]+\n)?$/);
		await client.close();
		client = clientFor(sim.url, { ca: tlsFixture('self-signed.pem') });
		expect(await runList(client, { format: 'plain', color: false }, captureIo())).toBe(0);
	});

	it('a refused port → 11 once 30 s of retries are spent, saying so', async () => {
		client = clientFor(`http://127.0.0.1:${await closedPort()}`);
		const io = captureIo({ clock: new SkippingClock() });
		expect(await runList(client, { format: 'json', color: false }, io)).toBe(11);
		expect(io.stderr.text()).toMatch(
			/^umwatch: Connection refused by 127\.0\.0\.1:\d+\.\nhint: Is the URL right and the server up\? umwatch retried for 30s; try again later\.\n$/,
		);
		expect(io.stdout.text()).toBe('');
	});

	it('a 503 that lasts → 11 once 30 s of retries are spent', async () => {
		const { sim, client } = await setUp();
		sim.injectFault({ kind: 'status', status: 503 }, { count: Number.POSITIVE_INFINITY });
		const io = captureIo({ clock: new SkippingClock() });
		expect(await runList(client, { format: 'plain', color: false }, io)).toBe(11);
		expect(io.stderr.text()).toMatch(
			/\nhint: The server is overloaded or starting up\. umwatch retried for 30s; try again later\.\n$/,
		);
	});
});

describe('hostile job names from the simulator', () => {
	it('reach no terminal through list or show, in any format', async () => {
		const { sim, client } = await setUp();
		const job = sim.addJob({
			name: `Create${HOSTILE_FRAGMENTS.join('')}Share`,
			state: 'running',
			auto: false,
		});
		sim.finishJob(job.key, 'error');
		sim.addJob({ hostile: true, state: 'completed', status: 'error' });
		for (const format of ['table', 'plain', 'json', 'ndjson'] as const) {
			for (const isTTY of [false, true]) {
				const io = captureIo({ stdout: { isTTY, columns: 120 } });
				await runList(client, { format, color: false }, io);
				expect([format, isTTY, activeCharacters(io.stdout.text())]).toEqual([format, isTTY, []]);
				expect(io.stdout.bytes().includes(0x1b)).toBe(false);
			}
		}
		for (const format of ['text', 'json'] as const) {
			const io = captureIo({ stdout: { isTTY: true, columns: 120 } });
			await runShow(client, job.key, { format, color: false }, io);
			expect(io.stdout.bytes().includes(0x1b)).toBe(false);
			expect(activeCharacters(io.stdout.text())).toEqual([]);
		}
	});
});
