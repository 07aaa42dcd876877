// The words on the command line that are not flags: `[profile…] [command] [args…]`.

import { t } from '../i18n/t.js';
import { type ConfigFile, knownProfilesHint, missingNamedFile } from './config-file.js';
import { ConfigError } from './errors.js';
import type { Environment } from './paths.js';
import { hasProfile } from './profile-scope.js';
import { type CommandName, isCommandName } from './types.js';

/** The command, its arguments and the profiles named by position. */
export interface Positionals {
	readonly command: CommandName;
	readonly args: readonly string[];
	/** The first profile named by position, or null. */
	readonly positionalProfile: string | null;
	/** Every profile named before the command (`umwatch tokyo osaka list`), in order. */
	readonly positionalProfiles: readonly string[];
	/** The profile was named after `trust`, so pinning may create it. */
	readonly trustNamed?: boolean;
}

/**
 * `[profile…] [command] [args…]`: every word before the command names a
 * profile (`umwatch tokyo osaka list`); a first word that is neither is
 * reported as a mistyped command or profile.
 */
export function splitPositionals(
	words: readonly string[],
	env: Environment,
	getFile: (mayBeMissing?: boolean) => ConfigFile,
): Positionals {
	const profiles: string[] = [];
	let rest = [...words];
	for (let word = rest[0]; word !== undefined && !isCommandName(word); word = rest[0]) {
		// A mistyped command is as likely as a profile in a missing file: say both.
		const file = getFile(true);
		if (!hasProfile(file, word)) {
			if (profiles.length > 0) {
				throw new ConfigError(t('config.unknownWordAfterProfile', { word }), {
					hint: t('config.unknownWord.hint', { known: knownProfilesHint(file.profiles) }),
				});
			}
			const known = missingNamedFile(file, env)?.message ?? knownProfilesHint(file.profiles);
			throw new ConfigError(t('config.unknownWord', { word }), {
				hint: t('config.unknownWord.hint', { known }),
			});
		}
		profiles.push(word);
		rest = rest.slice(1);
	}
	const positionalProfile = profiles[0] ?? null;
	const next = rest[0];
	if (next !== undefined && isCommandName(next)) {
		return {
			command: next,
			args: rest.slice(1),
			positionalProfile,
			positionalProfiles: profiles,
		};
	}
	return { command: 'watch', args: [], positionalProfile, positionalProfiles: profiles };
}

/**
 * `umwatch trust NAME` names the profile to pin, like `--profile NAME` (the
 * usage line promises it): the word after `trust` may create the profile.
 */
export function trustProfileWord(words: Positionals): Positionals {
	const [name, ...extra] = words.args;
	if (words.command !== 'trust' || name === undefined || extra.length > 0) return words;
	// Several before `trust`: refused as a whole ("trust pins one server at a time").
	if (words.positionalProfiles.length > 1) return words;
	if (words.positionalProfile !== null && words.positionalProfile !== name) {
		throw new ConfigError(
			t('config.twoProfilesTrust', { first: words.positionalProfile, second: name }),
			{ usage: 'trust' },
		);
	}
	return {
		command: 'trust',
		args: [],
		positionalProfile: name,
		positionalProfiles: [name],
		trustNamed: true,
	};
}
