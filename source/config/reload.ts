import { t } from '../i18n/t.js';
import { SetupError } from './errors.js';
import { type ResolveInput, resolveConfig } from './resolve.js';
import { isCommandName, type ServerConfig } from './types.js';

/**
 * The server settings resolved again from a fresh read of the config file,
 * with the flags, environment and words the session started with: the same
 * resolution, so flags and the environment still win over the profile. The
 * live view's `r` uses it after a rejected password or a changed certificate,
 * when the profile's pin, CA file, insecure setting or password source may
 * have been fixed since. The URL and the user stay those of the session (the
 * screen and its data are that server's): a profile that now names another
 * is refused, with a restart as the fix. `name` picks one server of several.
 * Throws ConfigError or SetupError.
 */
export function rereadServer(
	input: ResolveInput,
	started: ServerConfig,
	name?: string,
): ServerConfig {
	// One of several servers: its own profile alone, so another profile broken
	// since does not stop this one's `r`.
	const server = resolveConfig(name === undefined ? input : onlyProfile(input, name)).server;
	if (server === null) {
		throw new SetupError(t('config.reload.noServer'), t('config.reload.noServer.hint'));
	}
	if (server.url !== started.url || server.user !== started.user) {
		const now = t('config.reload.userAt', { user: server.user ?? '?', url: server.url });
		const before = t('config.reload.userAt', { user: started.user ?? '?', url: started.url });
		throw new SetupError(
			t('config.reload.otherServer', { now, before }),
			t('config.reload.otherServer.hint'),
		);
	}
	return server;
}

/** The same command line naming only profile `name` (several were named by words, --profile or --all). */
function onlyProfile(input: ResolveInput, name: string): ResolveInput {
	const start = input.positionals.findIndex((word) => isCommandName(word));
	const rest = start === -1 ? [] : input.positionals.slice(start);
	const { all: _all, ...flags } = input.flags;
	return { ...input, flags: { ...flags, profile: name }, positionals: rest };
}
