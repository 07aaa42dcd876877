// Which parts of a profile apply: a broken profile fails only when used, and a
// profile's certificate settings apply only to its own server.
import { sameServer } from '../api/url.js';
import { t } from '../i18n/t.js';
import type { ConfigFile, Profile } from './config-file.js';
import { ConfigError } from './errors.js';
import type { Environment } from './paths.js';
import type { CliFlags } from './types.js';

/**
 * A profile's certificate settings (pin, CA file, insecure) belong to its own
 * server. When --url or UMWATCH_URL points elsewhere, applying the pin would
 * report a "changed certificate" that is only another server: leave them out
 * and say so.
 */
export function trustForUrl(
	flags: CliFlags,
	env: Environment,
	profile: Profile,
	profileName: string | null,
	warnings: string[],
): Profile {
	const url = flags.url ?? (env.UMWATCH_URL === '' ? undefined : env.UMWATCH_URL);
	const hasTrust =
		profile.fingerprint !== undefined ||
		profile.caFile !== undefined ||
		profile.insecure !== undefined;
	if (url === undefined || profile.url === undefined || !hasTrust) return profile;
	if (sameServer(url, profile.url)) return profile;
	warnings.push(t('config.otherServerTrust', { name: profileName ?? '' }));
	const { fingerprint: _pin, caFile: _ca, insecure: _insecure, ...rest } = profile;
	return rest;
}

/** Whether the file defines `name`, valid or not (a broken one fails only when used). */
export function hasProfile(file: ConfigFile, name: string): boolean {
	return file.profiles.has(name) || file.invalidProfiles?.has(name) === true;
}

/**
 * A profile in use that has no "url", with no --url or UMWATCH_URL either:
 * the message names the profile and the key, where "give a profile" would
 * puzzle someone who just did.
 */
export function checkProfileUrl(
	flags: CliFlags,
	env: Environment,
	profile: Profile,
	profileName: string,
	configPath: string,
): void {
	if (profile.url !== undefined || flags.url !== undefined || (env.UMWATCH_URL ?? '') !== '')
		return;
	throw new ConfigError(t('config.profileNoUrl', { name: profileName }), {
		hint: t('config.profileNoUrl.hint', { path: configPath }),
	});
}
