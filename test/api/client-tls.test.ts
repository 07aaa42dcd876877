import { X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../source/api/client.js';
import { ApiError } from '../../source/api/errors.js';
import type { AiqumClient, ClientOptions } from '../../source/api/types.js';
import { type ApiTestServer, sendJson, startApiServer, tlsFixture } from '../helpers/api-server.js';

const PASSWORD = 'S3cret-Pa55word';
const TRUST_HINT =
	'Run `umwatch trust` to pin its certificate, or use --ca-file FILE, or --insecure.';

let server: ApiTestServer | undefined;
const clients: AiqumClient[] = [];

afterEach(async () => {
	await Promise.all(clients.splice(0).map((c) => c.close()));
	await server?.close();
	server = undefined;
});

async function serve(cert: string): Promise<ApiTestServer> {
	server = await startApiServer({ tls: cert });
	server.handle((_request, response) => sendJson(response, 200, { records: [{ key: 'k' }] }));
	return server;
}

function client(url: string, options: Partial<ClientOptions> = {}): AiqumClient {
	const created = createClient({ url, user: 'admin', password: PASSWORD, ...options });
	clients.push(created);
	return created;
}

function fingerprint(cert: string): string {
	return new X509Certificate(tlsFixture(`${cert}.pem`)).fingerprint256;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ApiError) {
			expect(`${error.message} ${error.hint}`).not.toContain(PASSWORD);
			return error;
		}
		throw error;
	}
	throw new Error('expected an ApiError');
}

describe('TLS', () => {
	it('trusts a server signed by the CA given with --ca-file', async () => {
		const s = await serve('server');
		const page = await client(s.origin, { ca: tlsFixture('ca.pem') }).listJobsPage();
		expect(page.jobs.map((j) => j.key)).toEqual(['k']);
	});

	it('trusts a self-signed server whose own certificate is given as the CA', async () => {
		const s = await serve('self-signed');
		const page = await client(s.origin, { ca: tlsFixture('self-signed.pem') }).listJobsPage();
		expect(page.jobs).toHaveLength(1);
	});

	it('refuses a self-signed certificate by default, and says what to do', async () => {
		const s = await serve('self-signed');
		const error = await failure(client(s.origin).listJobsPage());
		expect(error).toMatchObject({
			kind: 'tls',
			message: `127.0.0.1:${s.port} presents a self-signed certificate, which is not trusted.`,
			hint: TRUST_HINT,
		});
		expect(s.requests).toHaveLength(0);
	});

	it('refuses a certificate from an unknown CA', async () => {
		const s = await serve('server');
		const error = await failure(client(s.origin).listJobsPage());
		expect(error).toMatchObject({
			kind: 'tls',
			message: `The certificate of 127.0.0.1:${s.port} is signed by a CA this machine does not trust.`,
			hint: TRUST_HINT,
		});
	});

	it('refuses an expired certificate', async () => {
		const s = await serve('expired');
		const error = await failure(client(s.origin, { ca: tlsFixture('ca.pem') }).listJobsPage());
		expect(error.kind).toBe('tls');
		expect(error.message).toBe(`The certificate of 127.0.0.1:${s.port} has expired.`);
	});

	it('refuses a certificate for another host name', async () => {
		const s = await serve('wrong-host');
		const error = await failure(client(s.origin, { ca: tlsFixture('ca.pem') }).listJobsPage());
		expect(error.kind).toBe('tls');
		expect(error.message).toBe(
			`The certificate of 127.0.0.1:${s.port} is for another host name (DNS:wrong.example.test).`,
		);
		expect(s.requests).toHaveLength(0);
	});

	it('verifies the host name "localhost" too', async () => {
		const s = await serve('server');
		const page = await client(`https://localhost:${s.port}`, {
			ca: tlsFixture('ca.pem'),
		}).listJobsPage();
		expect(page.jobs).toHaveLength(1);
	});

	it('--insecure accepts anything', async () => {
		for (const cert of ['self-signed', 'expired', 'wrong-host']) {
			const s = await serve(cert);
			const page = await client(s.origin, { insecure: true }).listJobsPage();
			expect(page.jobs).toHaveLength(1);
			await s.close();
		}
	});

	it('a pinned fingerprint accepts exactly that certificate, in any spelling', async () => {
		const s = await serve('self-signed');
		const pin = fingerprint('self-signed');
		for (const spelling of [pin, pin.toLowerCase(), pin.replaceAll(':', ''), `sha256:${pin}`]) {
			const page = await client(s.origin, { fingerprint: spelling }).listJobsPage();
			expect(page.jobs).toHaveLength(1);
		}
	});

	it('a pinned fingerprint accepts an expired certificate it names', async () => {
		const s = await serve('expired');
		const page = await client(s.origin, { fingerprint: fingerprint('expired') }).listJobsPage();
		expect(page.jobs).toHaveLength(1);
	});

	it('a pinned fingerprint fails loudly when the certificate changed, before sending anything', async () => {
		const s = await serve('server');
		const pinned = fingerprint('self-signed');
		const error = await failure(client(s.origin, { fingerprint: pinned }).listJobsPage());
		expect(error).toMatchObject({
			kind: 'tls',
			message: `The certificate of 127.0.0.1:${s.port} changed: its SHA-256 fingerprint is ${fingerprint('server')}, not the pinned ${pinned}.`,
			hint: 'If the certificate was renewed on purpose, check it and run `umwatch trust` again; otherwise the connection may be intercepted.',
		});
		expect(s.requests).toHaveLength(0);
	});

	it('https to a plain http server names the handshake', async () => {
		server = await startApiServer();
		const url = server.origin.replace('http:', 'https:');
		const error = await failure(client(url).listJobsPage());
		expect(error.kind).toBe('tls');
		expect(error.message).toMatch(
			new RegExp(
				`^The TLS handshake with 127\\.0\\.0\\.1:${server.port} failed \\(ERR_SSL_[A-Z_]+\\)\\.$`,
			),
		);
	});
});
