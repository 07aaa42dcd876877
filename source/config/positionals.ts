// The words on the command line that are not flags: `[profile] [command] [args…]`.
import { type ConfigFile, knownProfilesHint, missingNamedFile } from './config-file.js';
import { ConfigError } from './errors.js';
import type { Environment } from './paths.js';
import { hasProfile } from './profile-scope.js';
import { type CommandName, isCommandName } from './types.js';

/** The command, its arguments and a profile named by position. */
export interface Positionals {
	readonly command: CommandName;
	readonly args: readonly string[];
	readonly positionalProfile: string | null;
	/** The profile was named after `trust`, so pinning may create it. */
	readonly trustNamed?: boolean;
}

/** `[profile] [command] [args…]`: a first word that is not a command must name a profile. */
export function splitPositionals(
	words: readonly string[],
	env: Environment,
	getFile: (mayBeMissing?: boolean) => ConfigFile,
): Positionals {
	let rest = [...words];
	let positionalProfile: string | null = null;
	const first = rest[0];
	if (first !== undefined && !isCommandName(first)) {
		// A mistyped command is as likely as a profile in a missing file: say both.
		const file = getFile(true);
		if (!hasProfile(file, first)) {
			const profiles = missingNamedFile(file, env)?.message ?? knownProfilesHint(file.profiles);
			throw new ConfigError(`unknown command or profile "${first}"`, {
				hint: `commands: list, show, wait, events, simulate, trust; ${profiles}`,
			});
		}
		positionalProfile = first;
		rest = rest.slice(1);
	}
	const next = rest[0];
	if (next !== undefined && isCommandName(next)) {
		return { command: next, args: rest.slice(1), positionalProfile };
	}
	if (next !== undefined) {
		throw new ConfigError(`unexpected "${next}" after the profile name`, {
			hint: 'usage: umwatch [PROFILE] [list | show KEY | wait KEY | events | trust]',
		});
	}
	return { command: 'watch', args: [], positionalProfile };
}

/**
 * `umwatch trust NAME` names the profile to pin, like `--profile NAME` (the
 * usage line promises it): the word after `trust` may create the profile.
 */
export function trustProfileWord(words: Positionals): Positionals {
	const [name, ...extra] = words.args;
	if (words.command !== 'trust' || name === undefined || extra.length > 0) return words;
	if (words.positionalProfile !== null && words.positionalProfile !== name) {
		throw new ConfigError(
			`two profiles named: "${words.positionalProfile}" and "${name}"; choose one`,
			{ usage: 'trust' },
		);
	}
	return { command: 'trust', args: [], positionalProfile: name, trustNamed: true };
}
