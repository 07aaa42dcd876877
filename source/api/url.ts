/**
 * The server's address: normalising what the user typed into one base URL, and
 * deciding whether a `_links.next.href` the server sent is safe to follow.
 */

import { t } from '../i18n/t.js';
import { UsageError } from './usage-error.js';

/** A Unified Manager base URL, resolved. */
export interface BaseUrl {
	/** `https://host[:port]`, as URL.origin spells it. */
	readonly origin: string;
	/** The path every request starts with: `/api`, `/api/v2`, or a proxy prefix + `/api`. */
	readonly prefix: string;
	/** The path under which `next` links must stay: the prefix without a trailing `/v2`. */
	readonly apiRoot: string;
	readonly protocol: 'http:' | 'https:';
	/** Host name as used for TLS (no brackets around IPv6). */
	readonly hostname: string;
	readonly port: number;
	/** `host` or `host:port` when the port is not the scheme's default, for people. */
	readonly displayHost: string;
	/** origin + prefix. */
	readonly href: string;
}

/**
 * Turns `https://host`, `https://host:8443/`, `https://host/api`,
 * `https://host/api/v2/` (and a bare `host[:port]`, taken as https) into a
 * {@link BaseUrl}. Throws {@link UsageError} for URLs that carry credentials,
 * a query or fragment, or a scheme other than http(s).
 */
export function parseBaseUrl(input: string): BaseUrl {
	const text = input.trim();
	if (text === '') throw new UsageError(t('api.noUrl'));
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw new UsageError(t('api.badUrl', { url: JSON.stringify(text.slice(0, 200)) }));
	}
	if (url.username !== '' || url.password !== '') {
		throw new UsageError(t('api.urlCredentials'));
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new UsageError(t('api.urlScheme', { scheme: url.protocol.slice(0, -1).slice(0, 20) }));
	}
	if (url.search !== '' || url.hash !== '') {
		throw new UsageError(t('api.urlQuery'));
	}
	const prefix = apiPrefix(url.pathname);
	const protocol = url.protocol;
	const port = url.port === '' ? (protocol === 'https:' ? 443 : 80) : Number(url.port);
	const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
	return {
		origin: url.origin,
		prefix,
		apiRoot: prefix.replace(/\/v2$/, ''),
		protocol,
		hostname,
		port,
		displayHost: url.host,
		href: url.origin + prefix,
	};
}

/**
 * Whether two URLs as people type them (`um01`, `https://UM01:443/api/`) reach
 * the same server: same scheme, host and port once normalised. A certificate
 * belongs to that triple. Unparseable URLs count as different (they fail
 * later, with their own message).
 */
export function sameServer(a: string, b: string): boolean {
	try {
		return parseBaseUrl(a).origin === parseBaseUrl(b).origin;
	} catch {
		return false;
	}
}

/** `/`, `` → `/api`; `/api/`, `/api/v2` kept; `/um/` → `/um/api`. */
function apiPrefix(pathname: string): string {
	const trimmed = pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
	if (/\/api(\/v2)?$/.test(trimmed)) return trimmed;
	return `${trimmed}/api`;
}

/**
 * Checks a `_links.next.href` (server-relative or absolute) against the base:
 * same scheme, host and port, and a path under the API root. Returns the
 * path and query to request, or a reason it must not be followed.
 */
export function resolveNextHref(
	href: string,
	base: BaseUrl,
): { readonly path: string } | { readonly refused: string } {
	let url: URL;
	try {
		url = new URL(href, base.origin);
	} catch {
		return { refused: t('api.nextInvalid') };
	}
	if (url.origin !== base.origin) {
		return { refused: t('api.nextOtherServer', { origin: `${url.protocol}//${url.host}` }) };
	}
	if (url.username !== '' || url.password !== '') {
		return { refused: t('api.nextCredentials') };
	}
	if (!url.pathname.startsWith(`${base.apiRoot}/`)) {
		const path = url.pathname.slice(0, 100);
		return { refused: t('api.nextOutside', { root: base.apiRoot, path }) };
	}
	return { path: url.pathname + url.search };
}

/**
 * Encodes a query string: every value through encodeURIComponent, so `:`, `|`,
 * spaces and non-ASCII names are percent-encoded and `*` wildcards stay as they are.
 */
export function buildQuery(params: ReadonlyArray<readonly [string, string]>): string {
	if (params.length === 0) return '';
	return `?${params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&')}`;
}
