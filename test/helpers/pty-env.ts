// The child's surroundings: a predictable environment, and node-pty able to spawn.
import { accessSync, chmodSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What the environment depends on. */
export interface EnvOptions {
	/** Extra variables, layered over the minimal base environment. */
	readonly env?: Readonly<Record<string, string>>;
	/** Sets `NO_COLOR=1` for the child. */
	readonly noColor?: boolean;
	/** The child's time zone (`TZ`); defaults to UTC so local times are predictable. */
	readonly tz?: string;
}

/**
 * node-pty 1.1.0 publishes its macOS `spawn-helper` without the execute bit
 * (microsoft/node-pty#850), so every spawn fails with "posix_spawnp failed" on a
 * fresh macOS install. Linux builds from source and never uses the helper.
 */
export function ensureSpawnHelperExecutable(): void {
	if (process.platform !== 'darwin') return;
	const root = dirname(createRequire(import.meta.url).resolve('node-pty/package.json'));
	for (const dir of [`prebuilds/darwin-${process.arch}`, 'build/Release']) {
		const helper = join(root, dir, 'spawn-helper');
		try {
			accessSync(helper, constants.X_OK);
		} catch {
			try {
				chmodSync(helper, 0o755);
			} catch {
				// Not there (the other location is used) or not ours to change.
			}
		}
	}
}

/**
 * The environment a child sees: only what a login shell on an admin host would
 * have, so the parent's CI, FORCE_COLOR, COLORTERM or GITHUB_ACTIONS cannot change
 * how the program draws. CI is left out entirely rather than set to `false`: Ink
 * accepts `CI=false` (it prints every frame), but chalk's colour detection treats
 * any `CI` variable at all as a CI machine and turns colour off.
 */
export function baseEnv(options: EnvOptions): Record<string, string> {
	const env: Record<string, string> = {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: process.env.HOME ?? '/tmp',
		LANG: 'C.UTF-8',
		TERM: 'xterm-256color',
		TZ: options.tz ?? 'UTC',
	};
	if (options.noColor === true) env.NO_COLOR = '1';
	return { ...env, ...options.env };
}
