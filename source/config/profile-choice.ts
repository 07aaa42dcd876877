// Which profiles a command line names: one (`umwatch prod`, --profile, the
// environment, the default profile) or several (`umwatch tokyo osaka`,
// `--profile tokyo,osaka`, `--all`), and what several of them rule out.

import { t } from '../i18n/t.js';
import { type ConfigFile, knownProfilesHint } from './config-file.js';
import { ConfigError } from './errors.js';
import type { Environment } from './paths.js';
import type { Positionals } from './positionals.js';
import { hasProfile } from './profile-scope.js';
import { emptyToUndefined } from './server-settings.js';
import type { CliFlags, CommandName } from './types.js';
import { parseInteger } from './values.js';

/**
 * The profiles named, in order, each once (a name given twice counts once);
 * empty when none applies. Throws ConfigError for a profile the file lacks
 * (except the one `trust` may create), for --all with profile names, for
 * `--all` over a file without profiles, and for several with `trust`.
 */
export function chooseProfiles(
	flags: CliFlags,
	env: Environment,
	words: Positionals,
	demo: boolean,
	getFile: (mayBeMissing?: boolean) => ConfigFile,
): string[] {
	const { positionalProfiles: positional, command } = words;
	const fromFlag = flags.profile === undefined ? [] : splitNames(flags.profile);
	if (flags.profile !== undefined && fromFlag.length === 0) {
		throw new ConfigError(t('config.profileNeedsValue'));
	}
	if (flags.all === true) return allProfiles(fromFlag, positional, command, getFile);
	if (fromFlag.length > 0 && positional.length > 0 && !sameNames(fromFlag, positional)) {
		throw new ConfigError(
			t('config.twoProfiles', { flag: flags.profile ?? '', names: positional.join(' ') }),
		);
	}
	const fromEnv = emptyToUndefined(env.UMWATCH_PROFILE);
	const named = unique(
		fromFlag.length > 0 ? fromFlag : positional.length > 0 ? positional : splitNames(fromEnv ?? ''),
	);
	if (named.length > 1) {
		refuseTrust(command);
		const file = getFile();
		for (const name of named) requireProfile(file, name);
		return named;
	}
	const [one] = named;
	if (one !== undefined) {
		const creating = command === 'trust' && (fromFlag[0] === one || words.trustNamed === true);
		const file = getFile(creating);
		if (!creating) requireProfile(file, one);
		return [one];
	}
	// The default profile applies only when nothing else names a server.
	if (
		demo ||
		command === 'simulate' ||
		flags.url !== undefined ||
		emptyToUndefined(env.UMWATCH_URL) !== undefined
	)
		return [];
	const fallback = getFile().defaultProfile;
	return fallback === null ? [] : [fallback];
}

/** `--all`: every profile of the file, in its order, broken ones too (they fail when used). */
function allProfiles(
	fromFlag: readonly string[],
	positional: readonly string[],
	command: CommandName,
	getFile: (mayBeMissing?: boolean) => ConfigFile,
): string[] {
	if (fromFlag.length > 0 || positional.length > 0) {
		const given = fromFlag.length > 0 ? `--profile ${fromFlag.join(',')}` : `"${positional[0]}"`;
		throw new ConfigError(t('config.allAndNames', { given }), {
			usage: command,
		});
	}
	refuseTrust(command);
	const file = getFile();
	const names = file.profileOrder ?? [
		...file.profiles.keys(),
		...(file.invalidProfiles?.keys() ?? []),
	];
	if (names.length === 0) {
		throw new ConfigError(t('config.allNoProfiles', { where: whereFile(file) }), {
			hint: t('config.allNoProfiles.hint', {
				example: '{"profiles": {"tokyo": {"url": "https://um1.example.com", "user": "ops"}}}',
			}),
			usage: command,
		});
	}
	return [...names];
}

function refuseTrust(command: CommandName): void {
	if (command === 'trust') {
		throw new ConfigError(t('config.trustOne'), {
			usage: 'trust',
		});
	}
}

function requireProfile(file: ConfigFile, name: string): void {
	if (hasProfile(file, name)) return;
	throw new ConfigError(t('config.noProfile', { name, where: whereFile(file) }), {
		hint: knownProfilesHint(file.profiles),
	});
}

/** The file's path, and that it does not exist when it does not. */
function whereFile(file: ConfigFile): string {
	return file.exists ? file.path : t('config.whereMissing', { path: file.path });
}

/** `tokyo,osaka` → ["tokyo", "osaka"]; blanks around commas and empty items are dropped. */
function splitNames(text: string): string[] {
	return text
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

function unique(names: readonly string[]): string[] {
	return [...new Set(names)];
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
	const left = unique(a);
	const right = unique(b);
	return left.length === right.length && left.every((name, index) => name === right[index]);
}

/** Flags that set one server's connection; several servers take these from each profile. */
const ONE_SERVER_FLAGS = [
	['url', '--url'],
	['user', '--user'],
	['passwordFile', '--password-file'],
	['passwordCommand', '--password-command'],
	['caFile', '--ca-file'],
	['fingerprint', '--fingerprint'],
] as const;

/**
 * The environment's counterparts. Refused like the flags rather than applied
 * to every server: one URL or pin cannot fit several servers, and one
 * password sent to all of them would hand each server the others' password.
 */
const ONE_SERVER_VARIABLES = [
	'UMWATCH_URL',
	'UMWATCH_USER',
	'UMWATCH_PASSWORD',
	'UMWATCH_CA_FILE',
	'UMWATCH_FINGERPRINT',
] as const;

/** With several servers, settings of one server are a usage error naming the flag or variable. */
export function refuseOneServerSettings(
	flags: CliFlags,
	env: Environment,
	command: CommandName,
	configPath: string,
): void {
	for (const [key, flag] of ONE_SERVER_FLAGS) {
		if (flags[key] === undefined) continue;
		throw new ConfigError(t('config.oneServerOnly', { flag }), {
			hint: t('config.oneServerFlag.hint', { path: configPath }),
			usage: command,
		});
	}
	for (const variable of ONE_SERVER_VARIABLES) {
		if (emptyToUndefined(env[variable]) === undefined) continue;
		throw new ConfigError(t('config.oneServerOnly', { flag: variable }), {
			hint: t('config.oneServerVariable.hint', { flag: variable }),
			usage: command,
		});
	}
}

/** `--demo-servers N`: 2 to 9 simulated servers (it implies --demo); 1 for a plain --demo, else 0. */
export function resolveDemoServers(flags: CliFlags): number {
	if (flags.demoServers !== undefined) {
		return parseInteger(flags.demoServers, '--demo-servers', 2, 9);
	}
	return flags.demo === true ? 1 : 0;
}
