import { parseBaseUrl } from '../api/url.js';
import { t } from '../i18n/t.js';
import { resolveAscii } from './charset.js';
import { type ConfigFile, loadConfigFile, missingNamedFile, type Profile } from './config-file.js';
import { dumbTerminalNote, isDumbTerminal } from './dumb-terminal.js';
import { ConfigError } from './errors.js';
import { fileWarnings } from './file-warnings.js';
import { configFilePath, type Environment } from './paths.js';
import { splitPositionals, trustProfileWord } from './positionals.js';
import { chooseProfiles, refuseOneServerSettings, resolveDemoServers } from './profile-choice.js';
import { checkProfileUrl, hasProfile, trustForUrl } from './profile-scope.js';
import { resolveOutput, resolveSimulate, resolveTrust } from './resolve-modes.js';
import { resolveInterval, resolveServer } from './server-settings.js';
import type { CliFlags, CommandName, Config, NamedServer } from './types.js';
import { isPlainHttpToRemote, parseInteger } from './values.js';

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
	const demoServers = resolveDemoServers(flags);
	const demo = demoServers > 0;
	checkDemo(demo, requested, flags);
	const ascii = resolveAscii(flags, env);
	const profileNames = chooseProfiles(flags, env, words, demo, getFile);
	const profileName = profileNames[0] ?? null;
	const dumb = isDumbTerminal(env);
	// No terminal, or one that cannot move the cursor (TERM=dumb): the list, once.
	const command = requested === 'watch' && (!input.stdoutIsTty || dumb) ? 'list' : requested;
	const needsServer = !demo && command !== 'simulate';
	if (needsServer && profileNames.length > 1) {
		refuseOneServerSettings(flags, env, command, configPath);
	}
	// chooseProfiles has checked the file; `trust --profile NEW` may create both.
	const profileOf = (name: string | null): Profile => {
		if (name === null) return {};
		const broken = getFile(true).invalidProfiles?.get(name);
		if (broken !== undefined) throw broken;
		return getFile(true).profiles.get(name) ?? {};
	};
	const profile = profileOf(profileName);
	const warnings = file === null ? [] : fileWarnings(file);
	if (requested === 'watch' && input.stdoutIsTty && dumb) warnings.push(dumbTerminalNote());
	const intervalMs = resolveInterval(flags, env, profile, profileName);
	const context: ServerContext = {
		flags,
		env,
		command,
		configPath,
		home: input.home,
		warnings,
		inFile: (name) => hasProfile(getFile(true), name),
		profileOf,
	};
	const servers = needsServer ? resolveServers(context, profileNames) : [];
	return {
		command,
		args,
		demo,
		profileName,
		configPath,
		server: servers[0]?.server ?? null,
		servers: command === 'trust' ? [] : servers,
		partialOk: resolvePartialOk(flags, command),
		demoServers,
		intervalMs,
		maxJobs: resolveMaxJobs(flags, profile, profileName),
		color: flags.color !== false && (env.NO_COLOR ?? '') === '' && !dumb,
		ascii,
		notify: {
			bell: flags.bell === true || profile.bell === true,
			desktopNotify: flags.desktopNotify === true || profile.desktopNotify === true,
			title: flags.title !== false,
		},
		output: resolveOutput(flags, command),
		yes: flags.yes === true,
		trust: resolveTrust(flags, env, command, profileName),
		simulate: resolveSimulate(flags),
		warnings,
	};
}

/** What resolving each server shares. */
interface ServerContext {
	readonly flags: CliFlags;
	readonly env: Environment;
	readonly command: CommandName;
	readonly configPath: string;
	readonly home: string | undefined;
	/** Where a server's warnings go (plain http, certificate settings left out). */
	readonly warnings: string[];
	/** Whether the file has the profile (`trust --profile NEW` names one it does not, yet). */
	readonly inFile: (name: string) => boolean;
	/** The profile's settings; throws the error of a broken one. */
	readonly profileOf: (name: string | null) => Profile;
}

/** One server per profile named (or the one the flags and environment name). */
function resolveServers(context: ServerContext, profileNames: readonly string[]): NamedServer[] {
	if (profileNames.length <= 1) return [namedServer(context, profileNames[0] ?? null, false)];
	return profileNames.map((name) => namedServer(context, name, true));
}

/**
 * One server, from its profile (or from the flags and environment alone).
 * With several, a warning names its server.
 */
function namedServer(
	context: ServerContext,
	profileName: string | null,
	several: boolean,
): NamedServer {
	const { flags, env, command, warnings } = context;
	const profile = context.profileOf(profileName);
	if (profileName !== null && context.inFile(profileName)) {
		checkProfileUrl(flags, env, profile, profileName, context.configPath);
	}
	const server = resolveServer(
		flags,
		env,
		// trust refuses another server's URL itself, and says how to change it.
		trustForUrl(flags, env, profile, profileName, command === 'trust' ? [] : warnings),
		profileName,
		command,
		context.home,
	);
	if (isPlainHttpToRemote(server.url)) {
		warnings.push(
			several ? t('config.plainHttpOf', { name: profileName ?? '' }) : t('config.plainHttp'),
		);
	}
	return {
		name: profileName ?? serverHost(server.url),
		server,
		intervalMs: resolveInterval(flags, env, profile, profileName),
		profileName,
		maxJobs: resolveMaxJobs(flags, profile, profileName),
	};
}

function checkDemo(demo: boolean, command: CommandName, flags: CliFlags): void {
	if (!demo) return;
	const flag = flags.demoServers === undefined ? '--demo' : '--demo-servers';
	if (command === 'simulate' || command === 'trust') {
		throw new ConfigError(t('config.notFor', { flag, command }), { usage: command });
	}
	if (flags.url !== undefined) {
		throw new ConfigError(t('config.demoWithUrl', { flag }));
	}
}

/** `--partial-ok` is about the exit code of the modes that read servers; elsewhere it is a mistake. */
function resolvePartialOk(flags: CliFlags, command: CommandName): boolean {
	if (flags.partialOk !== true) return false;
	if (command === 'simulate' || command === 'trust') {
		throw new ConfigError(t('config.notFor', { flag: '--partial-ok', command }), {
			usage: command,
		});
	}
	return true;
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
			t('config.origin.profileKey', { key: 'maxJobs', name: profileName ?? '' }),
			1,
			1_000_000,
		);
	}
	return null;
}

/**
 * The host (and port) of a server URL, the name of a server without a
 * profile: the client's own `displayHost`, so the two always agree.
 */
export function serverHost(url: string): string {
	try {
		return parseBaseUrl(url).displayHost;
	} catch {
		return url;
	}
}
