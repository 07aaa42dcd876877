// Issue 10 (several servers), at the connection: one client per server, each
// logged in with the password its own profile's source gives, the prompt
// naming the server; and the demo's several simulated servers.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnections } from '../../source/commands/connect.js';
import type { CommandIo } from '../../source/commands/io.js';
import { type ResolveInput, resolveConfig } from '../../source/config/resolve.js';
import type { Config } from '../../source/config/types.js';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import { CaptureStream } from '../helpers/out-fakes.js';
import { until } from '../helpers/until.js';

/** A stand-in for a terminal on standard input: the hidden prompt's seam. */
class FakeTty extends PassThrough {
	isTTY = true;
	isRaw = false;
	setRawMode(mode: boolean): this {
		this.isRaw = mode;
		return this;
	}
}

let dir: string;
const sims = new Map<string, Simulator>();
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'umwatch-several-'));
	mkdirSync(join(dir, 'umwatch'));
	for (const [name, password, seed] of [
		['tokyo', 'pw-tokyo', 1],
		['osaka', 'pw-osaka', 2],
		['nagoya', 'pw-nagoya', 3],
	] as const) {
		const sim = createSimulator({
			seed,
			autoAdvance: false,
			historyJobs: 2,
			activeJobs: 0,
			ratePerMinute: 0,
			password,
		});
		await sim.listen();
		sims.set(name, sim);
	}
});
afterEach(async () => {
	await Promise.all(closers.splice(0).map((close) => close()));
	await Promise.all([...sims.values()].map((sim) => sim.close()));
	sims.clear();
	rmSync(dir, { recursive: true, force: true });
});

function writePrivate(path: string, text: string): void {
	writeFileSync(path, text, { mode: 0o600 });
	chmodSync(path, 0o600);
}

function url(name: string): string {
	const sim = sims.get(name);
	if (sim === undefined) throw new Error(`no simulator ${name}`);
	return sim.url;
}

/** tokyo reads a password file, osaka runs a command, nagoya asks on the terminal. */
function writeProfiles(): void {
	const file = join(dir, 'tokyo-password');
	writePrivate(file, 'pw-tokyo\n');
	const profiles = {
		tokyo: { url: url('tokyo'), user: 'admin', passwordFile: file },
		osaka: { url: url('osaka'), user: 'admin', passwordCommand: "printf 'pw-osaka\\n'" },
		nagoya: { url: url('nagoya'), user: 'admin' },
	};
	writePrivate(join(dir, 'umwatch', 'config.json'), JSON.stringify({ profiles }));
}

function inputFor(positionals: string[]): ResolveInput {
	return { flags: {}, positionals, env: { XDG_CONFIG_HOME: dir }, stdoutIsTty: false };
}

/** The config of several profiles: resolved through the leading profile words. */
function configOf(names: string[]): Config {
	return resolveConfig(inputFor([...names, 'list']));
}

function ioWith(stdin: NodeJS.ReadableStream, stderr: CaptureStream): CommandIo {
	return {
		stdin,
		stdout: new CaptureStream(),
		stderr,
		env: { XDG_CONFIG_HOME: dir },
		signal: new AbortController().signal,
	} as unknown as CommandIo;
}

describe('openConnections', () => {
	it('opens one connection per server, each with its own password source', async () => {
		writeProfiles();
		const stdin = new FakeTty();
		const stderr = new CaptureStream({ isTTY: true });
		const opening = openConnections(configOf(['tokyo', 'osaka', 'nagoya']), ioWith(stdin, stderr));
		// Only nagoya has no password source: one prompt, naming user, host and server.
		await until(() => stderr.text().includes('Password for'), 'the prompt');
		const host = new URL(url('nagoya')).host;
		expect(stderr.text()).toBe(`Password for admin@${host} (nagoya): `);
		stdin.write('pw-nagoya\r');
		const connections = await opening;
		closers.push(...connections.map((connection) => () => connection.close()));

		expect(connections.map((connection) => connection.name)).toEqual(['tokyo', 'osaka', 'nagoya']);
		for (const connection of connections) {
			expect(connection.url).toBe(connection.client.baseUrl);
			expect(connection.url.startsWith(url(connection.name))).toBe(true);
			expect(connection.reconnector).toBeNull();
			// Each logged in with its own password, and stamps its jobs with its name.
			const page = await connection.client.listJobsPage();
			expect(page.jobs.length).toBe(2);
			expect(page.jobs.every((job) => job.server === connection.name)).toBe(true);
		}
		expect(stderr.text().match(/Password for/g)).toHaveLength(1);
	});

	it('asks once for each server that needs a password, in order, naming each', async () => {
		writeProfiles();
		const config = JSON.parse(readFileSync(join(dir, 'umwatch', 'config.json'), 'utf8'));
		delete config.profiles.osaka.passwordCommand;
		writePrivate(join(dir, 'umwatch', 'config.json'), JSON.stringify(config));
		const stdin = new FakeTty();
		const stderr = new CaptureStream({ isTTY: true });
		const opening = openConnections(configOf(['osaka', 'tokyo', 'nagoya']), ioWith(stdin, stderr));
		const osakaPrompt = `Password for admin@${new URL(url('osaka')).host} (osaka): `;
		const nagoyaPrompt = `Password for admin@${new URL(url('nagoya')).host} (nagoya): `;
		await until(() => stderr.text().includes('Password for'), 'the first prompt');
		expect(stderr.text()).toBe(osakaPrompt);
		stdin.write('pw-osaka\r');
		await until(() => stderr.text().includes('(nagoya)'), 'the second prompt');
		expect(stderr.text()).toBe(`${osakaPrompt}\n${nagoyaPrompt}`);
		stdin.write('pw-nagoya\r');
		const connections = await opening;
		closers.push(...connections.map((connection) => () => connection.close()));
		for (const connection of connections) {
			await expect(connection.client.listJobsPage()).resolves.toMatchObject({ numRecords: 2 });
		}
	});

	it('a --url without a profile is named by its host, on its jobs too', async () => {
		const config = resolveConfig({
			flags: { url: url('tokyo'), user: 'admin' },
			positionals: ['list'],
			env: { XDG_CONFIG_HOME: dir, UMWATCH_PASSWORD: 'pw-tokyo' },
			stdoutIsTty: false,
		});
		const io = {
			...ioWith(new FakeTty(), new CaptureStream()),
			env: { UMWATCH_PASSWORD: 'pw-tokyo' },
		};
		const [only, ...rest] = await openConnections(config, io);
		if (only === undefined) throw new Error('one connection');
		closers.push(() => only.close());
		expect(rest).toEqual([]);
		const host = new URL(url('tokyo')).host;
		expect([only.name, only.host]).toEqual([host, host]);
		const page = await only.client.listJobsPage();
		expect(page.jobs.every((job) => job.server === host)).toBe(true);
	});

	it('a password that cannot be read names its server and closes the others', async () => {
		writeProfiles();
		rmSync(join(dir, 'tokyo-password'));
		const failure = openConnections(
			configOf(['osaka', 'tokyo']),
			ioWith(new FakeTty(), new CaptureStream()),
		);
		await expect(failure).rejects.toThrow(/^tokyo: cannot read the password file /);
	});

	it('gives each server its own reconnector, which reads its own profile again', async () => {
		writeProfiles();
		const input = inputFor(['tokyo', 'osaka']);
		const connections = await openConnections(
			resolveConfig(input),
			ioWith(new FakeTty(), new CaptureStream()),
			{ reread: input },
		);
		closers.push(...connections.map((connection) => () => connection.close()));
		const osaka = connections[1];
		if (osaka === undefined || osaka.reconnector === null) throw new Error('osaka reconnects');
		const never = async (): Promise<string | null> => {
			throw new Error('no prompt expected');
		};
		const rejected = { kind: 'auth' as const, message: '401', hint: '' };
		// Since the start, tokyo's profile broke and osaka's password command changed:
		// osaka's `r` reads its own profile, not stopped by tokyo's.
		const config = JSON.parse(readFileSync(join(dir, 'umwatch', 'config.json'), 'utf8'));
		config.profiles.tokyo.interval = 'soon';
		config.profiles.osaka.passwordCommand = "printf 'wrong\\n'";
		writePrivate(join(dir, 'umwatch', 'config.json'), JSON.stringify(config));
		await osaka.reconnector.reconnect(rejected, never);
		const failure = osaka.client.listJobsPage();
		await expect(failure).rejects.toMatchObject({ kind: 'auth' });
		await expect(failure).rejects.not.toThrow(/Reading the settings again failed/);
		config.profiles.osaka.passwordCommand = "printf 'pw-osaka\\n'";
		writePrivate(join(dir, 'umwatch', 'config.json'), JSON.stringify(config));
		await osaka.reconnector.reconnect(rejected, never);
		// Still osaka's server, still osaka's name on its jobs.
		const page = await osaka.client.listJobsPage();
		expect(page.jobs.every((job) => job.server === 'osaka')).toBe(true);
		expect(osaka.url.startsWith(url('osaka'))).toBe(true);
	});

	it('one server: one connection named after its profile, prompt as before', async () => {
		writeProfiles();
		const stdin = new FakeTty();
		const stderr = new CaptureStream({ isTTY: true });
		const opening = openConnections(configOf(['nagoya']), ioWith(stdin, stderr));
		await until(() => stderr.text().includes('Password for'), 'the prompt');
		expect(stderr.text()).toBe(`Password for admin@${new URL(url('nagoya')).host}: `);
		stdin.write('pw-nagoya\r');
		const connections = await opening;
		closers.push(...connections.map((connection) => () => connection.close()));
		expect(connections.map((connection) => connection.name)).toEqual(['nagoya']);
	});
});

describe('the demo of several servers', () => {
	it('--demo-servers 3 runs tokyo, osaka and nagoya, each its own world', async () => {
		const config = resolveConfig({
			flags: { demoServers: '3' },
			positionals: ['list'],
			env: { XDG_CONFIG_HOME: dir },
			stdoutIsTty: false,
		});
		expect(config.demo).toBe(true);
		const connections = await openConnections(config, ioWith(new FakeTty(), new CaptureStream()));
		closers.push(...connections.map((connection) => () => connection.close()));
		expect(connections.map((connection) => connection.name)).toEqual(['tokyo', 'osaka', 'nagoya']);
		const keys: string[][] = [];
		for (const connection of connections) {
			const page = await connection.client.listJobsPage({ maxRecords: 20 });
			expect(page.jobs.length).toBeGreaterThan(0);
			expect(page.jobs.every((job) => job.server === connection.name)).toBe(true);
			keys.push(page.jobs.map((job) => job.key));
		}
		// Their own seeds: no two servers hold the same jobs.
		expect(new Set(keys.map((list) => list.join())).size).toBe(3);
		expect(new Set(connections.map((connection) => connection.url)).size).toBe(3);
	});

	it('a plain --demo is one server, named "demo" (its port changes from run to run)', async () => {
		const config = resolveConfig({
			flags: { demo: true },
			positionals: ['list'],
			env: { XDG_CONFIG_HOME: dir },
			stdoutIsTty: false,
		});
		const connections = await openConnections(config, ioWith(new FakeTty(), new CaptureStream()));
		closers.push(...connections.map((connection) => () => connection.close()));
		expect(connections).toHaveLength(1);
		expect(connections[0]?.name).toBe('demo');
		const page = await connections[0]?.client.listJobsPage({ maxRecords: 3 });
		expect(page?.jobs.map((job) => job.server)).toEqual(['demo', 'demo', 'demo']);
	});
});
