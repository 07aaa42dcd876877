/**
 * Tells "this port speaks TLS" apart from other failures of a plain-HTTP
 * request. A TLS server answers an http:// request by closing the connection
 * (Node, Go), with a TLS alert record that is no HTTP (Java), or with a reset:
 * on the wire that looks like any proxy cutting the line. So after such a
 * failure the client tries a TLS handshake on the same port, once per client:
 * only a port that speaks TLS completes it.
 */
import { connect } from 'node:tls';
import { codeOf } from './error-map.js';
import type { BaseUrl } from './url.js';

/** Answers whether a failed request's port speaks TLS (false for https:// and for other failures). */
export type TlsPortCheck = (error: unknown) => Promise<boolean>;

/** How long the handshake may take; a TLS port answers one at once. */
const PROBE_TIMEOUT_MS = 3000;

/** The failures a TLS port causes for a plain request: closed, reset, or an answer that is not HTTP. */
const CLOSED_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** A check for `base`; its one handshake is remembered, so retries cost nothing. */
export function tlsPortCheck(base: BaseUrl, connectTimeoutMs: number): TlsPortCheck {
	if (base.protocol !== 'http:') return () => Promise.resolve(false);
	let answer: Promise<boolean> | null = null;
	return (error) => {
		if (!looksLikeTlsPort(error)) return Promise.resolve(false);
		answer ??= completesHandshake(base, Math.min(connectTimeoutMs, PROBE_TIMEOUT_MS));
		return answer;
	};
}

function looksLikeTlsPort(error: unknown): boolean {
	const code = codeOf(error);
	if (CLOSED_CODES.has(code) || code.startsWith('HPE_')) return true;
	return error instanceof Error && error.name === 'HTTPParserError';
}

/** Whether a TLS handshake (certificate not checked: nothing is sent) completes on the port. */
function completesHandshake(base: BaseUrl, timeoutMs: number): Promise<boolean> {
	return new Promise((resolve) => {
		const isIp = /^[\d.]+$|:/.test(base.hostname);
		const socket = connect({
			host: base.hostname,
			port: base.port,
			rejectUnauthorized: false,
			...(isIp ? {} : { servername: base.hostname }),
		});
		const finish = (speaksTls: boolean) => {
			socket.destroy();
			resolve(speaksTls);
		};
		socket.setTimeout(timeoutMs, () => finish(false));
		socket.once('error', () => finish(false));
		socket.once('secureConnect', () => finish(true));
	});
}
