// An admin host has no registry: the tarball `npm pack` makes must install from
// itself alone, with an empty npm cache and no network, and then run.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, repoRoot } from '../helpers/pty-app.js';

const run = promisify(execFile);

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
};

/**
 * npm's command, run by the same Node as the tests. `npm_execpath` is set when
 * the tests run under `npm test`; otherwise the npm beside this Node.
 */
function npmCommand(): { command: string; prefixArgs: string[] } {
	const execPath = process.env.npm_execpath;
	if (execPath?.endsWith('.js')) return { command: process.execPath, prefixArgs: [execPath] };
	return { command: 'npm', prefixArgs: [] };
}

/**
 * A clean environment: none of the parent npm's `npm_*` settings (under
 * `npm test` they name the real cache and config), no NODE_PATH to find the
 * repository's node_modules, a HOME with no ~/.npmrc, this Node first on PATH.
 */
function cleanEnv(home: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(name) || name === 'NODE_PATH' || name === 'NODE_OPTIONS') continue;
		env[name] = value;
	}
	env.HOME = home;
	env.PATH = [dirname(process.execPath), process.env.PATH ?? '/usr/bin:/bin'].join(delimiter);
	env.XDG_CONFIG_HOME = join(home, '.config');
	return env;
}

describe('npm pack, then npm install -g <tgz> --offline, with an empty cache', () => {
	let dir = '';
	let prefix = '';
	let env: NodeJS.ProcessEnv = {};
	let installOutput = '';
	const npm = npmCommand();

	beforeAll(async () => {
		ensureBuilt();
		dir = mkdtempSync(join(tmpdir(), 'umwatch-offline-'));
		const home = join(dir, 'home');
		const cache = join(dir, 'empty-cache');
		const userconfig = join(dir, 'npmrc');
		prefix = join(dir, 'prefix');
		for (const path of [home, cache, prefix, join(dir, 'pack')]) mkdirSync(path);
		writeFileSync(userconfig, '');
		env = cleanEnv(home);
		// The shared dist/ as built: pack's own build (prepare) would rewrite it
		// under the other test files running at the same time.
		const packed = await run(
			npm.command,
			[
				...npm.prefixArgs,
				'pack',
				'--ignore-scripts',
				'--json',
				'--pack-destination',
				join(dir, 'pack'),
				'--userconfig',
				userconfig,
			],
			{ cwd: repoRoot, env },
		);
		const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
		const tarball = join(dir, 'pack', filename);
		// A registry that cannot answer: were npm to reach for the network at all,
		// the install would fail instead of quietly downloading.
		const installed = await run(
			npm.command,
			[
				...npm.prefixArgs,
				'install',
				'-g',
				tarball,
				'--offline',
				'--prefix',
				prefix,
				'--cache',
				cache,
				'--userconfig',
				userconfig,
				'--registry',
				'http://127.0.0.1:9/',
				'--no-audit',
				'--no-fund',
				'--no-update-notifier',
			],
			{ cwd: dir, env },
		);
		installOutput = `${installed.stdout}${installed.stderr}`;
	}, 60_000);

	afterAll(() => {
		if (dir !== '') rmSync(dir, { recursive: true, force: true });
	});

	test('installs one package and nothing beside it', () => {
		expect(installOutput).toMatch(/added 1 package/);
		const installedRoot = join(prefix, 'lib', 'node_modules', manifest.name);
		expect(existsSync(join(installedRoot, 'dist', 'umwatch.js'))).toBe(true);
		expect(existsSync(join(installedRoot, 'node_modules'))).toBe(false);
	});

	test('umwatch --version prints the package version', async () => {
		const { stdout } = await run(join(prefix, 'bin', 'umwatch'), ['--version'], {
			cwd: dir,
			env,
		});
		expect(stdout.trim()).toBe(manifest.version);
	});

	test('umwatch list --demo prints the plain job list', async () => {
		const { stdout, stderr } = await run(join(prefix, 'bin', 'umwatch'), ['list', '--demo'], {
			cwd: dir,
			env,
		});
		const lines = stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^STATE\s+NAME\s+TYPE\s+SUBMITTED\s+DURATION/);
		expect(lines.length).toBeGreaterThan(5);
		expect(stdout).toMatch(/^(RUNNING|NORMAL)\s/m);
		expect(stderr).toBe('');
	});
});
