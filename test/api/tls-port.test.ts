// A client pointed at http:// on a port that speaks TLS says so (issue 15), and a
// --ca-file that did not sign the certificate is named in the message.
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../source/api/client.js';
import { ApiError } from '../../source/api/errors.js';
import type { AiqumClient, ClientOptions } from '../../source/api/types.js';
import { type ApiTestServer, sendJson, startApiServer, tlsFixture } from '../helpers/api-server.js';

const PASSWORD = 'S3cret-Pa55word';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
	await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function client(url: string, options: Partial<ClientOptions> = {}): AiqumClient {
	const created = createClient({ url, user: 'admin', password: PASSWORD, ...options });
	cleanups.push(() => created.close());
	return created;
}

async function serve(options: { tls?: string } = {}): Promise<ApiTestServer> {
	const server = await startApiServer(options);
	server.handle((_request, response) => sendJson(response, 200, { records: [{ key: 'k' }] }));
	cleanups.push(() => server.close());
	return server;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ApiError) return error;
		throw error;
	}
	throw new Error('expected an ApiError');
}

/**
 * A port that speaks TLS and answers a plain-HTTP request the way Java servers
 * do: with a TLS alert record (no HTTP at all), then a close.
 */
async function startAlertingTlsPort(): Promise<number> {
	const tls = createTlsServer({
		cert: tlsFixture('server.pem'),
		key: tlsFixture('server-key.pem'),
	});
	const sockets = new Set<Socket>();
	const server: Server = createNetServer((socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
		socket.once('data', (first: Buffer) => {
			if (first[0] === 0x16) {
				// A TLS ClientHello: hand the connection to the TLS server.
				socket.pause();
				socket.unshift(first);
				tls.emit('connection', socket);
				process.nextTick(() => socket.resume());
				return;
			}
			socket.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46]));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	cleanups.push(
		() =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	);
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return address.port;
}

describe('http:// to a port that speaks TLS', () => {
	it('says "this port speaks TLS: use https://" when the server closes the plain request', async () => {
		const s = await serve({ tls: 'server' });
		const error = await failure(client(`http://127.0.0.1:${s.port}`).listJobsPage());
		expect(error).toMatchObject({
			kind: 'request',
			message: `The URL says http://, but 127.0.0.1:${s.port} speaks TLS.`,
			hint: `This port speaks TLS: use https://, as in --url https://127.0.0.1:${s.port}.`,
		});
		// Not retryable: asking again in plain HTTP cannot help.
		expect(error.retryable).toBe(false);
	});

	it('says the same when the server answers with a TLS alert instead of HTTP', async () => {
		const port = await startAlertingTlsPort();
		const error = await failure(client(`http://127.0.0.1:${port}`).listJobsPage());
		expect(error.message).toBe(`The URL says http://, but 127.0.0.1:${port} speaks TLS.`);
	});

	it('a plain-HTTP server that resets the connection is still a reset, not TLS', async () => {
		const s = await serve();
		s.handle((request) => request.socket.destroy());
		const error = await failure(client(s.origin).listJobsPage());
		expect(error).toMatchObject({
			kind: 'network',
			message: `The connection to 127.0.0.1:${s.port} was closed or reset before an answer.`,
		});
	});
});

describe('--ca-file that did not sign the certificate', () => {
	it('names the CA file for a certificate signed by another CA', async () => {
		const s = await serve({ tls: 'server' });
		const error = await failure(
			client(s.origin, {
				ca: tlsFixture('self-signed.pem'),
				caFile: '/etc/um/ca.pem',
			}).listJobsPage(),
		);
		expect(error).toMatchObject({
			kind: 'tls',
			message: `The certificate of 127.0.0.1:${s.port} is not signed by the CA in /etc/um/ca.pem.`,
			hint: "Check that /etc/um/ca.pem holds the CA that signed it, or the server's own certificate; or pin it with `umwatch trust`.",
		});
		expect(s.requests).toHaveLength(0);
	});

	it('names the CA file for a self-signed certificate', async () => {
		const s = await serve({ tls: 'self-signed' });
		const error = await failure(
			client(s.origin, { ca: tlsFixture('ca.pem'), caFile: 'lab-ca.pem' }).listJobsPage(),
		);
		expect(error.message).toBe(
			`The certificate of 127.0.0.1:${s.port} is not signed by the CA in lab-ca.pem (it is self-signed).`,
		);
	});
});
