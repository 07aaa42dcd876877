import { DEFAULT_INTERVAL_MS } from '../api/contract.js';
import {
	type ConfigFile,
	knownProfilesHint,
	loadConfigFile,
	missingNamedFile,
	type Profile,
} from './config-file.js';
import { ConfigError } from './errors.js';
import { fileWarnings } from './file-warnings.js';
import { choosePasswordSource } from './password-source.js';
import { configFilePath, type Environment, expandHome } from './paths.js';
import { type Positionals, splitPositionals, trustProfileWord } from './positionals.js';
import { checkProfileUrl, hasProfile, trustForUrl } from './profile-scope.js';
import { resolveOutput, resolveSimulate, resolveTrust } from './resolve-modes.js';
import type { CliFlags, CommandName, Config, ServerConfig } from './types.js';
import {
	checkServerUrl,
	isPlainHttpToRemote,
	parseEnvBoolean,
	parseFingerprint,
	parseInteger,
	parseInterval,
} from './values.js';

/** What {@link resolveConfig} reads. Everything outside the flags is injected for tests. */
export interface ResolveInput {
	readonly flags: CliFlags;
	/** The words that are not flags, in order (`[profile] [command] [key]`). */
	readonly positionals: readonly string[];
	readonly env: Environment;
	/** Whether standard output is a terminal: without one, the live view becomes `list`. */
	readonly stdoutIsTty: boolean;
	/** The home directory, for `~/.config` and `~/` in paths. */
	readonly home?: string;
	/** Reads the config file; defaults to {@link loadConfigFile}. */
	readonly loadFile?: (path: string) => ConfigFile;
}

/** Commands that log in to a server (all but `simulate`, and `trust`, which only looks at its certificate). */
const NEEDS_USER: ReadonlySet<CommandName> = new Set(['watch', 'list', 'show', 'wait', 'events']);

/**
 * Resolves one {@link Config}: each setting from the first of flags,
 * environment, the chosen profile, then defaults. Throws {@link ConfigError}
 * (a usage error, exit 2) with a message naming the flag, variable or profile
 * at fault. Reads the config file but never the password (see `readPassword`).
 */
export function resolveConfig(input: ResolveInput): Config {
	const { flags, env } = input;
	const configPath = configFilePath(env, input.home);
	let file: ConfigFile | null = null;
	// A file UMWATCH_CONFIG names must exist, except for the trust that creates it.
	const getFile = (mayBeMissing = false) => {
		file ??= (input.loadFile ?? loadConfigFile)(configPath);
		const missing = mayBeMissing ? null : missingNamedFile(file, env);
		if (missing !== null) throw missing;
		return file;
	};
	const words = trustProfileWord(splitPositionals(input.positionals, env, getFile));
	const { command: requested, args } = words;
	const demo = flags.demo === true;
	checkDemo(demo, requested, flags);
	const profileName = chooseProfile(flags, env, words, demo, getFile);
	// chooseProfile has checked the file; `trust --profile NEW` may create both.
	const broken = profileName === null ? undefined : getFile(true).invalidProfiles?.get(profileName);
	if (broken !== undefined) throw broken;
	const profile: Profile =
		profileName === null ? {} : (getFile(true).profiles.get(profileName) ?? {});
	const command = requested === 'watch' && !input.stdoutIsTty ? 'list' : requested;
	const warnings = file === null ? [] : fileWarnings(file);
	const needsServer = !demo && command !== 'simulate';
	if (needsServer && profileName !== null && hasProfile(getFile(true), profileName)) {
		checkProfileUrl(flags, env, profile, profileName, configPath);
	}
	const server = !needsServer
		? null
		: resolveServer(
				flags,
				env,
				// trust refuses another server's URL itself, and says how to change it.
				trustForUrl(flags, env, profile, profileName, command === 'trust' ? [] : warnings),
				profileName,
				command,
				input.home,
			);
	if (server !== null && isPlainHttpToRemote(server.url)) {
		warnings.push(
			'warning: the URL is plain http://; the password crosses the network unencrypted',
		);
	}
	const intervalMs = resolveInterval(flags, env, profile, profileName);
	return {
		command,
		args,
		demo,
		profileName,
		configPath,
		server,
		servers:
			server === null || command === 'trust'
				? []
				: [{ name: profileName ?? serverHost(server.url), server, intervalMs, profileName }],
		partialOk: false,
		demoServers: demo ? 1 : 0,
		intervalMs,
		maxJobs: resolveMaxJobs(flags, profile, profileName),
		color: flags.color !== false && (env.NO_COLOR ?? '') === '',
		ascii: flags.ascii === true,
		output: resolveOutput(flags, command),
		yes: flags.yes === true,
		trust: resolveTrust(flags, env, command, profileName),
		simulate: resolveSimulate(flags),
		warnings,
	};
}

function checkDemo(demo: boolean, command: CommandName, flags: CliFlags): void {
	if (!demo) return;
	if (command === 'simulate' || command === 'trust') {
		throw new ConfigError(`--demo does not apply to ${command}`, { usage: command });
	}
	if (flags.url !== undefined) {
		throw new ConfigError('--demo watches a built-in simulator; it cannot be combined with --url');
	}
}

function chooseProfile(
	flags: CliFlags,
	env: Environment,
	words: Positionals,
	demo: boolean,
	getFile: (mayBeMissing?: boolean) => ConfigFile,
): string | null {
	const { positionalProfile: positional, command } = words;
	if (flags.profile !== undefined && positional !== null && flags.profile !== positional) {
		throw new ConfigError(
			`two profiles named: --profile ${flags.profile} and "${positional}"; choose one`,
		);
	}
	const named = flags.profile ?? positional ?? emptyToUndefined(env.UMWATCH_PROFILE);
	if (named !== undefined) {
		const creating = command === 'trust' && (flags.profile === named || words.trustNamed === true);
		const file = getFile(creating);
		if (!hasProfile(file, named) && !creating) {
			const where = file.exists ? file.path : `${file.path} (which does not exist)`;
			throw new ConfigError(`no profile "${named}" in ${where}`, {
				hint: knownProfilesHint(file.profiles),
			});
		}
		return named;
	}
	// The default profile applies only when nothing else names a server.
	if (
		demo ||
		command === 'simulate' ||
		flags.url !== undefined ||
		emptyToUndefined(env.UMWATCH_URL) !== undefined
	)
		return null;
	return getFile().defaultProfile;
}

function resolveServer(
	flags: CliFlags,
	env: Environment,
	profile: Profile,
	profileName: string | null,
	command: CommandName,
	home: string | undefined,
): ServerConfig {
	const inProfile = `profile ${profileName ?? ''}`;
	const url = pick(flags.url, '--url', env.UMWATCH_URL, 'UMWATCH_URL', profile.url, inProfile);
	if (url === null) {
		throw new ConfigError('no server: give --url, UMWATCH_URL or a profile; or try --demo', {
			hint: 'e.g. umwatch --url https://um.example.com --user admin',
		});
	}
	const user = pick(
		flags.user,
		'--user',
		env.UMWATCH_USER,
		'UMWATCH_USER',
		profile.user,
		inProfile,
	);
	if (user === null && NEEDS_USER.has(command)) {
		throw new ConfigError('no user: give --user, UMWATCH_USER or a profile with "user"', {
			hint: 'a user with the Operator role is enough to watch jobs',
		});
	}
	const caFile = pick(
		flags.caFile,
		'--ca-file',
		env.UMWATCH_CA_FILE,
		'UMWATCH_CA_FILE',
		profile.caFile,
		inProfile,
	);
	const pin = pick(
		flags.fingerprint,
		'--fingerprint',
		env.UMWATCH_FINGERPRINT,
		'UMWATCH_FINGERPRINT',
		profile.fingerprint,
		inProfile,
	);
	const insecure = resolveInsecure(flags, env, profile, inProfile);
	if (insecure !== null && (pin !== null || caFile !== null)) {
		const other = pin ?? caFile;
		throw new ConfigError(
			`${insecure.origin} turns certificate checks off, but ${other?.origin} says which certificate to trust; keep one`,
			{ hint: 'prefer the fingerprint or CA file: they are as easy and keep the connection safe' },
		);
	}
	return {
		url: checkServerUrl(url.value, url.origin),
		user: user?.value ?? null,
		caFile: caFile === null ? null : expandHome(caFile.value, home),
		fingerprint: pin === null ? null : parseFingerprint(pin.value, pin.origin),
		insecure: insecure !== null,
		password: choosePasswordSource(flags, env, profile, profileName, home),
	};
}

/** The origin of an explicit request for `--insecure`, or null when verification stays on. */
function resolveInsecure(
	flags: CliFlags,
	env: Environment,
	profile: Profile,
	inProfile: string,
): { origin: string } | null {
	if (flags.insecure === true) return { origin: '--insecure' };
	const fromEnv = emptyToUndefined(env.UMWATCH_INSECURE);
	if (fromEnv !== undefined) {
		return parseEnvBoolean(fromEnv, 'UMWATCH_INSECURE') ? { origin: 'UMWATCH_INSECURE' } : null;
	}
	return profile.insecure === true ? { origin: `"insecure" in ${inProfile}` } : null;
}

function resolveInterval(
	flags: CliFlags,
	env: Environment,
	profile: Profile,
	profileName: string | null,
): number {
	if (flags.interval !== undefined) return parseInterval(flags.interval, '--interval');
	const fromEnv = emptyToUndefined(env.UMWATCH_INTERVAL);
	if (fromEnv !== undefined) return parseInterval(fromEnv, 'UMWATCH_INTERVAL');
	if (profile.interval !== undefined) {
		return parseInterval(String(profile.interval), `"interval" in profile ${profileName ?? ''}`);
	}
	return DEFAULT_INTERVAL_MS;
}

function resolveMaxJobs(
	flags: CliFlags,
	profile: Profile,
	profileName: string | null,
): number | null {
	if (flags.maxJobs !== undefined) return parseInteger(flags.maxJobs, '--max-jobs', 1, 1_000_000);
	if (profile.maxJobs !== undefined) {
		return parseInteger(
			String(profile.maxJobs),
			`"maxJobs" in profile ${profileName ?? ''}`,
			1,
			1_000_000,
		);
	}
	return null;
}

/** The first value given, with where it came from; empty environment values count as unset. */
function pick(
	flag: string | undefined,
	flagName: string,
	envValue: string | undefined,
	envName: string,
	profileValue: string | undefined,
	profileOrigin: string,
): { value: string; origin: string } | null {
	if (flag !== undefined) return { value: flag, origin: flagName };
	const fromEnv = emptyToUndefined(envValue);
	if (fromEnv !== undefined) return { value: fromEnv, origin: envName };
	if (profileValue !== undefined) return { value: profileValue, origin: profileOrigin };
	return null;
}

/** An empty environment variable counts as unset. */
function emptyToUndefined(value: string | undefined): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}

/** The host (and port) of a server URL, the name of a server without a profile. */
export function serverHost(url: string): string {
	try {
		return new URL(/^[a-z]+:\/\//i.test(url) ? url : `https://${url}`).host;
	} catch {
		return url;
	}
}
