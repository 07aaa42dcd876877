import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** The environment variables umwatch reads, as a plain record (injected in tests). */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Where the config file lives: `UMWATCH_CONFIG` when set (tests and unusual
 * setups), else `$XDG_CONFIG_HOME/umwatch/config.json` when that is an absolute
 * path (the XDG spec says to ignore relative ones), else
 * `~/.config/umwatch/config.json`.
 */
export function configFilePath(env: Environment, home: string = homedir()): string {
	const override = env.UMWATCH_CONFIG;
	if (override !== undefined && override !== '') return override;
	const xdg = env.XDG_CONFIG_HOME;
	const base = xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.config');
	return join(base, 'umwatch', 'config.json');
}

/** Expands a leading `~/` in a path from the config file, so profiles can say `~/.um-pass`. */
export function expandHome(path: string, home: string = homedir()): string {
	if (path === '~') return home;
	if (path.startsWith('~/')) return join(home, path.slice(2));
	return path;
}
