// One server's settings, each from the first of flags, environment, its
// profile, then defaults: the URL, user, certificate trust, password source
// and poll interval.
import { DEFAULT_INTERVAL_MS } from '../api/contract.js';
import { t } from '../i18n/t.js';
import type { Profile } from './config-file.js';
import { ConfigError } from './errors.js';
import { choosePasswordSource } from './password-source.js';
import { type Environment, expandHome } from './paths.js';
import type { CliFlags, CommandName, ServerConfig } from './types.js';
import { checkServerUrl, parseEnvBoolean, parseFingerprint, parseInterval } from './values.js';

/** Commands that log in to a server (all but `simulate`, and `trust`, which only looks at its certificate). */
const NEEDS_USER: ReadonlySet<CommandName> = new Set(['watch', 'list', 'show', 'wait', 'events']);

/** The server a profile (or the flags and environment) names; throws ConfigError. */
export function resolveServer(
	flags: CliFlags,
	env: Environment,
	profile: Profile,
	profileName: string | null,
	command: CommandName,
	home: string | undefined,
): ServerConfig {
	const inProfile = t('config.origin.profile', { name: profileName ?? '' });
	const url = pick(flags.url, '--url', env.UMWATCH_URL, 'UMWATCH_URL', profile.url, inProfile);
	if (url === null) {
		throw new ConfigError(t('config.noServer'), {
			hint: t('config.noServer.hint'),
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
		throw new ConfigError(t('config.noUser'), {
			hint: t('config.noUser.hint'),
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
	const insecure = resolveInsecure(flags, env, profile, profileName);
	if (insecure !== null && (pin !== null || caFile !== null)) {
		const other = pin ?? caFile;
		throw new ConfigError(
			t('config.insecureAndPin', { origin: insecure.origin, other: other?.origin ?? '' }),
			{ hint: t('config.insecureAndPin.hint') },
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
	profileName: string | null,
): { origin: string } | null {
	if (flags.insecure === true) return { origin: '--insecure' };
	const fromEnv = emptyToUndefined(env.UMWATCH_INSECURE);
	if (fromEnv !== undefined) {
		return parseEnvBoolean(fromEnv, 'UMWATCH_INSECURE') ? { origin: 'UMWATCH_INSECURE' } : null;
	}
	if (profile.insecure !== true) return null;
	return { origin: t('config.origin.profileKey', { key: 'insecure', name: profileName ?? '' }) };
}

/** The poll interval: --interval, UMWATCH_INTERVAL, the profile's, or the default. */
export function resolveInterval(
	flags: CliFlags,
	env: Environment,
	profile: Profile,
	profileName: string | null,
): number {
	if (flags.interval !== undefined) return parseInterval(flags.interval, '--interval');
	const fromEnv = emptyToUndefined(env.UMWATCH_INTERVAL);
	if (fromEnv !== undefined) return parseInterval(fromEnv, 'UMWATCH_INTERVAL');
	if (profile.interval !== undefined) {
		const origin = t('config.origin.profileKey', { key: 'interval', name: profileName ?? '' });
		return parseInterval(String(profile.interval), origin);
	}
	return DEFAULT_INTERVAL_MS;
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
export function emptyToUndefined(value: string | undefined): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}
