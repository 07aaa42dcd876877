import { MIN_INTERVAL_MS } from '../api/contract.js';
import { normalizeFingerprint } from '../api/tls.js';
import { parseBaseUrl } from '../api/url.js';
import { UsageError } from '../api/usage-error.js';
import { t } from '../i18n/t.js';
import { DurationError, parseDuration } from '../time/duration.js';
import { ConfigError } from './errors.js';

/**
 * Reads a poll interval: plain seconds (`2`, `1.5`) or a duration (`5s`, `1m`).
 * Below one second is refused rather than silently raised.
 */
export function parseInterval(text: string, origin: string): number {
	const ms = parseDurationFor(text, origin, null);
	if (ms < MIN_INTERVAL_MS) {
		throw new ConfigError(t('config.intervalTooShort', { origin }), {
			hint: t('config.intervalTooShort.hint'),
		});
	}
	return ms;
}

/** A duration flag (`--timeout 90s`), with the flag named in the message. */
export function parseDurationFor(text: string, origin: string, usage: string | null): number {
	try {
		return parseDuration(text);
	} catch (error) {
		if (error instanceof DurationError)
			throw new ConfigError(t('config.originSays', { origin, message: error.message }), {
				usage,
			});
		throw error;
	}
}

/** A whole number within [min, max], e.g. `--limit 50`, `--port 8443`. */
export function parseInteger(text: string, origin: string, min: number, max: number): number {
	const trimmed = text.trim();
	const value = Number(trimmed);
	if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(value) || value < min || value > max) {
		throw new ConfigError(t('config.notInteger', { origin, min, max, text: quote(text) }));
	}
	return value;
}

/** A non-negative number, e.g. `--rate 30` (jobs per minute). */
export function parseNumber(text: string, origin: string): number {
	const value = Number(text.trim());
	if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
		throw new ConfigError(t('config.notNumber', { origin, text: quote(text) }));
	}
	return value;
}

/**
 * Normalises a SHA-256 fingerprint as people paste it (`AB:CD:…`, `abcd…`,
 * `sha256:…`, openssl's `SHA256 Fingerprint=…`) to the client's form, uppercase
 * hex pairs joined by colons; anything else is a usage error naming `origin`.
 */
export function parseFingerprint(text: string, origin: string): string {
	try {
		return normalizeFingerprint(text);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		throw new ConfigError(t('config.notFingerprint', { origin }), {
			hint: t('config.notFingerprint.hint'),
		});
	}
}

/**
 * Checks a server URL. A URL carrying a password is refused before anything
 * else looks at it (and the message does not repeat it): argv and the
 * environment are visible to other users of the host.
 */
export function checkServerUrl(text: string, origin: string): string {
	if (/^[^/]*\/\/[^/?#]*@/.test(text.trim()) || /^[^/:]+:[^/@]*@/.test(text.trim())) {
		throw new ConfigError(t('config.urlCredentials', { origin }), {
			hint: t('config.urlCredentials.hint'),
		});
	}
	try {
		parseBaseUrl(text);
	} catch (error) {
		if (error instanceof UsageError)
			throw new ConfigError(t('config.originSays', { origin, message: error.message }));
		throw error;
	}
	return text.trim();
}

/** True when the URL is plain http to a host other than this machine (the password would travel in clear). */
export function isPlainHttpToRemote(url: string): boolean {
	const base = parseBaseUrl(url);
	if (base.protocol !== 'http:') return false;
	return !/^(127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(base.hostname);
}

/** Reads a yes/no environment value (`1`, `true`, `yes`, `on` / `0`, `false`, `no`, `off`, empty). */
export function parseEnvBoolean(text: string, name: string): boolean {
	const value = text.trim().toLowerCase();
	if (['1', 'true', 'yes', 'on'].includes(value)) return true;
	if (['', '0', 'false', 'no', 'off'].includes(value)) return false;
	throw new ConfigError(t('config.notBoolean', { name, text: quote(text) }));
}

function quote(text: string): string {
	return JSON.stringify(text.slice(0, 40));
}
