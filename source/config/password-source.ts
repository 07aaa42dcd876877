import { t } from '../i18n/t.js';
import type { Profile } from './config-file.js';
import { ConfigError } from './errors.js';
import { type Environment, expandHome } from './paths.js';
import type { CliFlags, PasswordSource } from './types.js';

/**
 * Picks where the password comes from, first match wins: `UMWATCH_PASSWORD`;
 * `--password-file`; `--password-command`; the profile's `passwordFile` or
 * `passwordCommand`; else a hidden prompt on the terminal. Reads nothing yet.
 * There is deliberately no flag that takes the password itself: argv is
 * visible to every user of the host.
 */
export function choosePasswordSource(
	flags: CliFlags,
	env: Environment,
	profile: Profile,
	profileName: string | null,
	home?: string,
): PasswordSource {
	if (flags.passwordFile !== undefined && flags.passwordCommand !== undefined) {
		throw new ConfigError(t('config.bothPasswordFlags'));
	}
	if ((env.UMWATCH_PASSWORD ?? '') !== '') return { kind: 'environment' };
	if (flags.passwordFile !== undefined) {
		return { kind: 'file', path: expandHome(flags.passwordFile, home), origin: '--password-file' };
	}
	if (flags.passwordCommand !== undefined) {
		return { kind: 'command', command: flags.passwordCommand, origin: '--password-command' };
	}
	if (profile.passwordFile !== undefined) {
		return {
			kind: 'file',
			path: expandHome(profile.passwordFile, home),
			origin: t('config.origin.profileKey', { key: 'passwordFile', name: profileName ?? '' }),
		};
	}
	if (profile.passwordCommand !== undefined) {
		return {
			kind: 'command',
			command: profile.passwordCommand,
			origin: t('config.origin.profileKey', { key: 'passwordCommand', name: profileName ?? '' }),
		};
	}
	return { kind: 'prompt' };
}
