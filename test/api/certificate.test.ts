import { X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchCertificate, normalizeFingerprint } from '../../source/api/certificate.js';
import { ApiError } from '../../source/api/errors.js';
import { UsageError } from '../../source/api/usage-error.js';
import {
	type ApiTestServer,
	refusedPort,
	startApiServer,
	tlsFixture,
} from '../helpers/api-server.js';

let server: ApiTestServer | undefined;

afterEach(async () => {
	await server?.close();
	server = undefined;
});

function x509(name: string): X509Certificate {
	return new X509Certificate(tlsFixture(`${name}.pem`));
}

describe('fetchCertificate', () => {
	it('describes a self-signed certificate', async () => {
		server = await startApiServer({ tls: 'self-signed' });
		const info = await fetchCertificate(`${server.origin}/api`);
		const cert = x509('self-signed');
		expect(info).toEqual({
			host: `127.0.0.1:${server.port}`,
			subject: { commonName: 'localhost', organization: 'umwatch tests' },
			issuer: { commonName: 'localhost', organization: 'umwatch tests' },
			altNames: 'DNS:localhost, IP Address:127.0.0.1',
			validFrom: new Date(cert.validFrom),
			validTo: new Date(cert.validTo),
			fingerprint256: cert.fingerprint256,
			selfSigned: true,
			validForHost: true,
			authorized: false,
			authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
		});
		expect(info.validTo.getUTCFullYear()).toBeGreaterThanOrEqual(2076);
		expect(server.requests).toHaveLength(0);
	});

	it('reports a CA-signed certificate as verified when the CA is given', async () => {
		server = await startApiServer({ tls: 'server' });
		const info = await fetchCertificate(server.origin, { ca: tlsFixture('ca.pem') });
		expect(info).toMatchObject({
			issuer: { commonName: 'umwatch test CA', organization: 'umwatch tests' },
			selfSigned: false,
			validForHost: true,
			authorized: true,
			authorizationError: null,
		});
	});

	it('reports an expired certificate', async () => {
		server = await startApiServer({ tls: 'expired' });
		const info = await fetchCertificate(server.origin, { ca: tlsFixture('ca.pem') });
		expect(info.authorized).toBe(false);
		expect(info.authorizationError).toBe('CERT_HAS_EXPIRED');
		expect(info.validTo).toEqual(new Date('2021-01-01T00:00:00Z'));
	});

	it('reports a certificate for another host', async () => {
		server = await startApiServer({ tls: 'wrong-host' });
		const info = await fetchCertificate(server.origin, { ca: tlsFixture('ca.pem') });
		expect(info.validForHost).toBe(false);
		expect(info.subject.commonName).toBe('wrong.example.test');
	});

	it('fails with a network ApiError when nothing listens', async () => {
		const port = await refusedPort();
		await expect(fetchCertificate(`https://127.0.0.1:${port}`)).rejects.toMatchObject({
			kind: 'network',
			message: `Connection refused by 127.0.0.1:${port}.`,
		});
		await expect(fetchCertificate(`https://127.0.0.1:${port}`)).rejects.toBeInstanceOf(ApiError);
	});

	it('refuses a URL with credentials', async () => {
		await expect(fetchCertificate('https://u:p@127.0.0.1:1')).rejects.toBeInstanceOf(UsageError);
	});
});

describe('normalizeFingerprint', () => {
	const canonical = x509('server').fingerprint256;

	it.each([
		[canonical],
		[canonical.toLowerCase()],
		[canonical.replaceAll(':', '')],
		[`SHA256 Fingerprint=${canonical}`],
		[`sha256:${canonical.replaceAll(':', '').toLowerCase()}`],
		[`  ${canonical}\n`],
	])('%s', (input) => {
		expect(normalizeFingerprint(input)).toBe(canonical);
	});

	it.each([[''], ['AB:CD'], [`${canonical}:00`], ['zz'.repeat(32)]])('rejects %j', (input) => {
		expect(() => normalizeFingerprint(input)).toThrow(UsageError);
	});
});
