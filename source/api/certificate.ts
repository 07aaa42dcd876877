/**
 * Reads a server's certificate for `umwatch trust`: connects with
 * verification off (only to look, never to send anything), and reports what
 * a person needs to decide whether to pin it. Every field is sanitized: a
 * certificate's names are chosen by whoever made it.
 */
import { checkServerIdentity, connect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { t } from '../i18n/t.js';
import { mapFailure } from './error-map.js';
import type { ApiError } from './errors.js';
import { sanitizeText } from './sanitize.js';
import { normalizeFingerprint } from './tls.js';
import { parseBaseUrl } from './url.js';
import { UsageError } from './usage-error.js';

export { normalizeFingerprint };

/** A distinguished name, reduced to what people read. */
export interface CertificateName {
	/** CN, or '' when absent. */
	readonly commonName: string;
	/** O, or '' when absent. */
	readonly organization: string;
}

/** What {@link fetchCertificate} found. */
export interface CertificateInfo {
	/** `host:port` that was asked. */
	readonly host: string;
	readonly subject: CertificateName;
	readonly issuer: CertificateName;
	/** Subject alternative names as Node spells them (`DNS:x, IP Address:1.2.3.4`), or ''. */
	readonly altNames: string;
	readonly validFrom: Date;
	readonly validTo: Date;
	/** SHA-256 of the DER certificate, uppercase colon hex (Node's `fingerprint256`). */
	readonly fingerprint256: string;
	/** The certificate signed itself (as Unified Manager's default one does). */
	readonly selfSigned: boolean;
	/** Whether its names cover the host in the URL. */
	readonly validForHost: boolean;
	/** Whether the system trust store (or the given CA) verifies it. */
	readonly authorized: boolean;
	/** Why it is not verified (`DEPTH_ZERO_SELF_SIGNED_CERT`, `CERT_HAS_EXPIRED`…), or null. */
	readonly authorizationError: string | null;
}

/** Options for {@link fetchCertificate}. */
export interface FetchCertificateOptions {
	/** PEM CA certificates to verify against instead of the system store. */
	readonly ca?: string;
	/** Default 10 s. */
	readonly timeoutMs?: number;
}

/**
 * Connects to the https server of `url` and returns its certificate. Rejects
 * with `UsageError` for an unusable or non-https URL and {@link ApiError} when the
 * server cannot be reached.
 */
export async function fetchCertificate(
	url: string,
	options: FetchCertificateOptions = {},
): Promise<CertificateInfo> {
	const base = parseBaseUrl(url);
	if (base.protocol !== 'https:') {
		throw new UsageError(t('api.plainHttpTrust', { host: base.displayHost }));
	}
	const host = `${base.hostname}:${base.port}`;
	const timeoutMs = options.timeoutMs ?? 10_000;
	const context = {
		host,
		path: '',
		secrets: [],
		connectTimeoutMs: timeoutMs,
		headersTimeoutMs: timeoutMs,
		bodyTimeoutMs: timeoutMs,
		inBody: false,
	};
	const isIp = /^[\d.]+$|:/.test(base.hostname);
	return new Promise<CertificateInfo>((resolve, reject) => {
		const socket: TLSSocket = connect({
			host: base.hostname,
			port: base.port,
			rejectUnauthorized: false,
			...(isIp ? {} : { servername: base.hostname }),
			...(options.ca === undefined ? {} : { ca: options.ca }),
		});
		const fail = (error: unknown): void => {
			socket.destroy();
			reject(mapFailure(error, context) satisfies ApiError);
		};
		socket.setTimeout(timeoutMs, () =>
			fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
		);
		socket.once('error', fail);
		socket.once('secureConnect', () => {
			try {
				const cert = socket.getPeerCertificate(true);
				const reason = socket.authorizationError as Error | string | null | undefined;
				resolve(describe(cert, host, base.hostname, socket.authorized, reason));
			} catch (error) {
				reject(mapFailure(error, context));
			} finally {
				socket.destroy();
			}
		});
	});
}

function describe(
	cert: PeerCertificate & { issuerCertificate?: PeerCertificate },
	host: string,
	hostname: string,
	authorized: boolean,
	reason: Error | string | null | undefined,
): CertificateInfo {
	const issuerFingerprint = cert.issuerCertificate?.fingerprint256;
	const reasonText =
		reason === null || reason === undefined ? null : String((reason as Error).message ?? reason);
	return {
		host,
		subject: nameOf(cert.subject),
		issuer: nameOf(cert.issuer),
		altNames: sanitizeText(cert.subjectaltname ?? '', 1000),
		validFrom: new Date(cert.valid_from),
		validTo: new Date(cert.valid_to),
		fingerprint256: normalizeFingerprint(cert.fingerprint256),
		selfSigned:
			issuerFingerprint === undefined
				? JSON.stringify(cert.subject) === JSON.stringify(cert.issuer)
				: issuerFingerprint === cert.fingerprint256,
		validForHost: checkServerIdentity(hostname, cert) === undefined,
		authorized,
		authorizationError: authorized || reasonText === null ? null : sanitizeText(reasonText, 200),
	};
}

function nameOf(name: Record<string, string | string[] | undefined> | undefined): CertificateName {
	const pick = (key: string): string => {
		const value = name?.[key];
		const first = Array.isArray(value) ? value.join(', ') : (value ?? '');
		return sanitizeText(first, 200);
	};
	return { commonName: pick('CN'), organization: pick('O') };
}
