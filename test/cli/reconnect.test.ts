// The live view's `r` after a failure retrying cannot fix (issue 15, item 6),
// at the connection: the settings are resolved again from a fresh read of the
// config file with the same flags and environment, and a setting that cannot
// be read becomes the failure the next request reports.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../source/commands/connect.js';
import type { CommandIo } from '../../source/commands/io.js';
import { type ResolveInput, resolveConfig } from '../../source/config/resolve.js';
import type { ErrorSummary } from '../../source/engine/types.js';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import { CaptureStream } from '../helpers/out-fakes.js';

const rejected: ErrorSummary = {
	kind: 'auth',
	message: 'Unified Manager rejected the user name or password (401).',
	hint: '',
};
const never = async (): Promise<string | null> => {
	throw new Error('no prompt expected');
};

let dir: string;
let sim: Simulator;
let stderr: CaptureStream;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'umwatch-reconnect-'));
	mkdirSync(join(dir, 'umwatch'));
	sim = createSimulator({
		seed: 3,
		autoAdvance: false,
		historyJobs: 2,
		activeJobs: 0,
		ratePerMinute: 0,
		password: 'first',
	});
	await sim.listen();
	stderr = new CaptureStream();
});
afterEach(async () => {
	await Promise.all(closers.splice(0).map((close) => close()));
	await sim.close();
	rmSync(dir, { recursive: true, force: true });
});

function writePrivate(path: string, text: string): void {
	writeFileSync(path, text, { mode: 0o600 });
	chmodSync(path, 0o600);
}

function writeProfile(profile: Record<string, unknown>): void {
	const config = { profiles: { lab: { url: sim.url, user: 'admin', ...profile } } };
	writePrivate(join(dir, 'umwatch', 'config.json'), JSON.stringify(config));
}

/**
 * Opens the live view's connection to profile "lab". `startEnv`: variables only
 * the first login sees (a stand-in for a password typed at the start prompt).
 */
async function connect(env: Record<string, string> = {}, startEnv: Record<string, string> = {}) {
	const input: ResolveInput = {
		flags: {},
		positionals: ['lab'],
		env: { XDG_CONFIG_HOME: dir, ...env },
		stdoutIsTty: true,
	};
	const startInput = { ...input, env: { ...input.env, ...startEnv } };
	const io = {
		stdin: process.stdin,
		stdout: new CaptureStream(),
		stderr,
		env: startInput.env,
		signal: new AbortController().signal,
	} as unknown as CommandIo;
	const connection = await openConnection(resolveConfig(startInput), io, { reread: input });
	closers.push(() => connection.close());
	const reconnector = connection.reconnector;
	if (reconnector === null) throw new Error('the live view gets a reconnector');
	return { client: connection.client, reconnector };
}

describe('r after a rejected password', () => {
	it('reads the password file again and logs in with what it now holds', async () => {
		const file = join(dir, 'password');
		writePrivate(file, 'first\n');
		writeProfile({ passwordFile: file });
		const { client, reconnector } = await connect();
		await expect(client.listJobsPage()).resolves.toMatchObject({ numRecords: 2 });

		writePrivate(file, 'second\n');
		await expect(reconnector.reconnect(rejected, never)).resolves.toEqual({ insecure: false });
		// The simulator still wants "first": the new password is what is sent now.
		await expect(client.listJobsPage()).rejects.toMatchObject({ kind: 'auth' });
		writePrivate(file, 'first\n');
		await reconnector.reconnect(rejected, never);
		await expect(client.listJobsPage()).resolves.toMatchObject({ numRecords: 2 });
	});

	it('a password file that cannot be read is the next failure, of the kind it was to fix', async () => {
		const file = join(dir, 'password');
		writePrivate(file, 'first\n');
		writeProfile({ passwordFile: file });
		const { client, reconnector } = await connect();
		rmSync(file);
		await reconnector.reconnect(rejected, never);
		const failure = client.listJobsPage();
		await expect(failure).rejects.toMatchObject({ kind: 'auth' });
		await expect(failure).rejects.toThrow(
			/^Reading the settings again failed: cannot read the password file .*password/,
		);
		writePrivate(file, 'first\n');
		await reconnector.reconnect(rejected, never);
		await expect(client.listJobsPage()).resolves.toMatchObject({ numRecords: 2 });
		// Nothing reached the terminal the screen holds.
		expect(stderr.text()).toBe('');
	});

	it('the environment still wins over the profile: UMWATCH_PASSWORD is sent again', async () => {
		const file = join(dir, 'password');
		writePrivate(file, 'wrong\n');
		writeProfile({});
		const { client, reconnector } = await connect({ UMWATCH_PASSWORD: 'first' });
		writeProfile({ passwordFile: file });
		await reconnector.reconnect(rejected, never);
		await expect(client.listJobsPage()).resolves.toMatchObject({ numRecords: 2 });
	});

	it('a prompted password is asked for again, naming user and host; Esc changes nothing', async () => {
		writeProfile({});
		const typed: string[] = [];
		const ask = (answer: string | null) => async (label: string) => {
			typed.push(label);
			return answer;
		};
		// The password was typed at the start prompt (stood in for by the environment there).
		const { client, reconnector } = await connect({}, { UMWATCH_PASSWORD: 'first' });
		await expect(reconnector.reconnect(rejected, ask(null))).resolves.toBeNull();
		expect(typed).toEqual([`admin@${new URL(sim.url).host}`]);
		await expect(client.listJobsPage()).resolves.toMatchObject({ numRecords: 2 });
		await reconnector.reconnect(rejected, ask('wrong'));
		await expect(client.listJobsPage()).rejects.toMatchObject({ kind: 'auth' });
		await reconnector.reconnect(rejected, ask('first'));
		await expect(client.listJobsPage()).resolves.toMatchObject({ numRecords: 2 });
	});
});

describe('r reads the profile, not another server', () => {
	it('a profile that now names another server is refused, with a restart as the fix', async () => {
		writeProfile({});
		const { client, reconnector } = await connect({ UMWATCH_PASSWORD: 'first' });
		writePrivate(
			join(dir, 'umwatch', 'config.json'),
			JSON.stringify({ profiles: { lab: { url: 'https://um99.example.com', user: 'admin' } } }),
		);
		await reconnector.reconnect({ ...rejected, kind: 'tls' }, never);
		const failure = client.listJobsPage();
		await expect(failure).rejects.toMatchObject({
			kind: 'tls',
			hint: 'restart umwatch to watch another server or log in as another user',
		});
		await expect(failure).rejects.toThrow(/now names admin at https:\/\/um99\.example\.com/);
	});

	it('a config file that no longer parses says so, and its line', async () => {
		writeProfile({});
		const { client, reconnector } = await connect({ UMWATCH_PASSWORD: 'first' });
		writePrivate(join(dir, 'umwatch', 'config.json'), '{\n  "profiles": {,\n}');
		await reconnector.reconnect(rejected, never);
		await expect(client.listJobsPage()).rejects.toThrow(
			/Reading the settings again failed: .*line 2/,
		);
	});
});
