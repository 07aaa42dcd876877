/**
 * How the client trusts a server: the system store by default, a given CA
 * (or the server's own certificate) with `--ca-file`, nothing with
 * `--insecure`, or exactly one certificate with `--fingerprint` (pinning, as
 * `umwatch trust` stores it).
 */
import type { TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';
import { t } from '../i18n/t.js';
import { UsageError } from './usage-error.js';

/** What {@link createConnector} needs. */
export interface TrustOptions {
	/** PEM text of certificates to trust instead of the system store. */
	readonly ca?: string;
	readonly insecure?: boolean;
	/** SHA-256 of the one certificate to accept, in any form {@link normalizeFingerprint} takes. */
	readonly fingerprint?: string;
	readonly connectTimeoutMs: number;
}

/** Raised by the connector when a pinned server shows a different certificate. */
export class FingerprintMismatchError extends Error {
	override readonly name = 'FingerprintMismatchError';
	readonly code = 'UMWATCH_FINGERPRINT_MISMATCH';
	constructor(
		readonly expected: string,
		readonly actual: string,
	) {
		super(`certificate fingerprint ${actual} does not match the pinned ${expected}`);
	}
}

/**
 * Normalises a SHA-256 fingerprint as people paste it (`AB:CD:…`, `abcd…`,
 * `sha256:…`, `SHA256 Fingerprint=…` from openssl) to Node's `fingerprint256`
 * form: uppercase hex pairs joined by colons. Throws {@link UsageError} when
 * the text is not 32 bytes of hex.
 */
export function normalizeFingerprint(text: string): string {
	const hex = text
		.trim()
		.replace(/^(sha-?256)(\s*fingerprint)?\s*[:=]?\s*/i, '')
		.replace(/[:\s]/g, '');
	if (!/^[0-9a-f]{64}$/i.test(hex)) {
		throw new UsageError(t('api.badFingerprint'));
	}
	return (hex.toUpperCase().match(/../g) ?? []).join(':');
}

/**
 * An undici connector that applies the trust options. With a fingerprint,
 * verification against CAs is off and the certificate itself is compared
 * after the handshake, before any byte (and so the password) is sent.
 */
export function createConnector(options: TrustOptions): buildConnector.connector {
	const pin = options.fingerprint === undefined ? null : normalizeFingerprint(options.fingerprint);
	const connect = buildConnector({
		timeout: options.connectTimeoutMs,
		rejectUnauthorized: pin === null && options.insecure !== true,
		...(options.ca === undefined ? {} : { ca: options.ca }),
		// A resumed session must show its certificate again for the pin check.
		...(pin === null ? {} : { maxCachedSessions: 0 }),
	});
	if (pin === null) return connect;
	return (connectOptions, callback) => {
		connect(connectOptions, (error, socket) => {
			if (error !== null) {
				callback(error, null);
				return;
			}
			const tls = socket as Partial<TLSSocket>;
			if (typeof tls.getPeerCertificate === 'function') {
				const actual = tls.getPeerCertificate().fingerprint256 ?? '';
				if (actual.toUpperCase() !== pin) {
					socket.destroy();
					callback(new FingerprintMismatchError(pin, actual.toUpperCase()), null);
					return;
				}
			}
			callback(null, socket);
		});
	};
}
