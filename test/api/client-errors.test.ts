import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../source/api/client.js';
import { ApiError } from '../../source/api/errors.js';
import type { AiqumClient, ClientOptions } from '../../source/api/types.js';
import {
	type ApiTestServer,
	refusedPort,
	startApiServer,
	startSilentServer,
} from '../helpers/api-server.js';

const PASSWORD = 'S3cret-Pa55word';
const CREDENTIAL = Buffer.from(`admin:${PASSWORD}`).toString('base64');

let server: ApiTestServer;
const clients: AiqumClient[] = [];
/** Every error seen in this file, checked for the password at the end of each test. */
const seen: ApiError[] = [];

beforeEach(async () => {
	server = await startApiServer();
});

afterEach(async () => {
	await Promise.all(clients.splice(0).map((c) => c.close()));
	await server.close();
	for (const error of seen.splice(0)) {
		const text = `${error.message} ${error.hint} ${String((error.cause as Error | undefined)?.message)}`;
		expect(text).not.toContain(PASSWORD);
		expect(text).not.toContain(CREDENTIAL);
	}
});

function client(options: Partial<ClientOptions> = {}): AiqumClient {
	const created = createClient({
		url: server.origin,
		user: 'admin',
		password: PASSWORD,
		...options,
	});
	clients.push(created);
	return created;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ApiError) {
			seen.push(error);
			return error;
		}
		throw error;
	}
	throw new Error('expected an ApiError');
}

function respond(status: number, body: string, headers: Record<string, string> = {}) {
	server.handle((_request, response) => {
		response.writeHead(status, { 'content-type': 'application/json', ...headers });
		response.end(body);
	});
}

const host = () => `127.0.0.1:${server.port}`;

describe('HTTP statuses', () => {
	it.each([
		[
			401,
			'{"error":{"message":"bad credentials"}}',
			'auth',
			'Unified Manager rejected the user name or password (401).',
			'Check --user and the password source.',
		],
		[
			403,
			'{"error":{"message":"not authorized for this API","code":"403"}}',
			'permission',
			'Unified Manager refused access for this user (403): "not authorized for this API".',
			'The user needs an API role: Operator (read-only) is enough to watch jobs.',
		],
		[
			405,
			'',
			'method',
			'Unified Manager does not allow this request (405).',
			'The jobs API is read-only; please report this as a umwatch bug.',
		],
		[
			500,
			'{"error":{"message":"database\\u001b[2J down\\u0007"}}',
			'server',
			'Unified Manager failed with 500 Internal Server Error: "database down".',
			"If it persists, check Unified Manager's health.",
		],
		[
			503,
			'<html><body>busy</body></html>',
			'server',
			'Unified Manager failed with 503 Service Unavailable.',
			'The server is overloaded or starting up.',
		],
		[
			400,
			'{"message":"bad filter"}',
			'request',
			'Unified Manager rejected the request (400 Bad Request): "bad filter".',
			'Check the filters and options given.',
		],
		[
			418,
			'',
			'request',
			'Unified Manager rejected the request (418).',
			'Check the filters and options given.',
		],
	])('%i → %s', async (status, body, kind, message, hint) => {
		respond(status, body);
		const error = await failure(client().listJobsPage());
		expect(error).toMatchObject({ kind, message, hint, status });
	});

	it('404 names the path and not the query', async () => {
		respond(404, '{"error":{"message":"no such job"}}');
		const error = await failure(client().getJob('a:b'));
		expect(error.kind).toBe('not-found');
		expect(error.message).toBe(
			'Unified Manager answered 404 Not Found for /api/management-server/jobs/a%3Ab: "no such job".',
		);
	});

	it('404 on the jobs list means a wrong URL, not a missing job', async () => {
		respond(404, '{"error":{"message":"No such resource"}}');
		const error = await failure(client().listJobsPage());
		expect(error).toMatchObject({
			kind: 'bad-response',
			status: 404,
			message:
				'Unified Manager answered 404 Not Found for /api/management-server/jobs: "No such resource".',
			hint: "Check the URL: it must reach Unified Manager's API (…/api), directly or through its proxy prefix.",
		});
	});

	it('429 with Retry-After in seconds', async () => {
		respond(429, '', { 'retry-after': '7' });
		const error = await failure(client().listJobsPage());
		expect(error).toMatchObject({
			kind: 'rate-limited',
			retryAfterMs: 7000,
			message: 'Unified Manager is limiting requests (429); it asks to wait 7 s.',
		});
	});

	it('429 with Retry-After as an HTTP date, measured on the injected clock', async () => {
		respond(429, '', { 'retry-after': 'Sat, 28 Nov 2026 03:00:30 GMT' });
		const now = Date.UTC(2026, 10, 28, 3, 0, 0);
		const clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => {} };
		const error = await failure(client({ clock }).listJobsPage());
		expect(error.retryAfterMs).toBe(30_000);
	});

	it('429 without Retry-After', async () => {
		respond(429, '');
		const error = await failure(client().listJobsPage());
		expect(error.retryAfterMs).toBeUndefined();
		expect(error.message).toBe('Unified Manager is limiting requests (429).');
	});

	it('a redirect is not followed', async () => {
		respond(302, '', { location: 'https://sso.example.test/login' });
		const error = await failure(client().listJobsPage());
		expect(error.kind).toBe('bad-response');
		expect(error.message).toBe(
			'Unified Manager answered a redirect (302) to https://sso.example.test/login.',
		);
	});

	it('never quotes the password or credential a server echoes back', async () => {
		respond(
			500,
			JSON.stringify({
				error: { message: `login admin/${PASSWORD} failed (Basic ${CREDENTIAL})` },
			}),
		);
		const error = await failure(client().listJobsPage());
		expect(error.message).toBe(
			'Unified Manager failed with 500 Internal Server Error: "login admin/*** failed (Basic ***)".',
		);
	});

	it('bounds quoted server text', async () => {
		respond(500, JSON.stringify({ error: { message: 'x'.repeat(10_000) } }));
		const error = await failure(client().listJobsPage());
		expect(error.message).toBe(
			`Unified Manager failed with 500 Internal Server Error: "${'x'.repeat(199)}…".`,
		);
	});
});

describe('bodies', () => {
	it('HTML instead of JSON', async () => {
		server.handle((_request, response) => {
			response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Login</html>');
		});
		const error = await failure(client().listJobsPage());
		expect(error.kind).toBe('bad-response');
		expect(error.message).toBe(`${host()} answered HTML, not JSON – a proxy or login page?`);
	});

	it('HTML without a content type', async () => {
		server.handle((_request, response) => response.end('  <!DOCTYPE html><p>hi'));
		const error = await failure(client().listJobsPage());
		expect(error.message).toBe(`${host()} answered HTML, not JSON – a proxy or login page?`);
	});

	it('truncated JSON', async () => {
		respond(200, '{"records":[{"key":"a","name":"x"},{"key":');
		const error = await failure(client().listJobsPage());
		expect(error.kind).toBe('bad-response');
		expect(error.message).toBe(`${host()} answered JSON that was cut short (42 bytes).`);
	});

	it('not JSON at all', async () => {
		respond(200, 'hello');
		const error = await failure(client().listJobsPage());
		expect(error.message).toBe(`${host()} answered something that is not JSON.`);
	});

	it('an empty body', async () => {
		respond(200, '');
		const error = await failure(client().listJobsPage());
		expect(error.message).toBe(`${host()} answered with an empty body.`);
	});

	it('the wrong shape', async () => {
		respond(200, '{"jobs":[]}');
		const error = await failure(client().listJobsPage());
		expect(error.kind).toBe('bad-response');
		expect(error.message).toBe('Unified Manager answered without a list of jobs.');
	});

	it('too large, announced by Content-Length', async () => {
		respond(200, JSON.stringify({ records: [], pad: 'x'.repeat(5000) }));
		const error = await failure(client({ maxResponseBytes: 1024 }).listJobsPage());
		expect(error.kind).toBe('too-large');
		expect(error.message).toBe(`The answer from ${host()} is larger than 1 KiB; it was not read.`);
	});

	it('too large, streamed without a length: stops reading at the cap', async () => {
		let written = 0;
		let closed = false;
		server.handle((_request, response: ServerResponse) => {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.on('close', () => {
				closed = true;
			});
			const pump = () => {
				while (!closed && written < 50_000_000) {
					written += 16_384;
					if (!response.write('x'.repeat(16_384))) {
						response.once('drain', pump);
						return;
					}
				}
				response.end();
			};
			pump();
		});
		const error = await failure(client({ maxResponseBytes: 64 * 1024 }).listJobsPage());
		expect(error.kind).toBe('too-large');
		expect(error.message).toBe(`The answer from ${host()} is larger than 64 KiB; it was not read.`);
		await expect.poll(() => closed, { timeout: 10_000 }).toBe(true);
		expect(written).toBeLessThan(50_000_000);
	});

	it('a deeply nested body does not crash', async () => {
		const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
		respond(200, `{"records":[{"key":"a","x":${deep}}]}`);
		const page = await client().listJobsPage();
		expect(page.jobs[0]?.extra[0]?.value).toBe('[[[[[[[["…"]]]]]]]]');
	});
});

describe('connections', () => {
	it('connection refused', async () => {
		const port = await refusedPort();
		const error = await failure(client({ url: `http://127.0.0.1:${port}` }).listJobsPage());
		expect(error).toMatchObject({
			kind: 'network',
			message: `Connection refused by 127.0.0.1:${port}.`,
			hint: 'Is the URL right and the server up?',
		});
	});

	it('reset before an answer', async () => {
		server.handle((request) => request.socket.destroy());
		const error = await failure(client().listJobsPage());
		expect(error.kind).toBe('network');
		expect(error.message).toBe(`The connection to ${host()} was closed or reset before an answer.`);
	});

	it('reset mid-body', async () => {
		server.handle((request, response) => {
			response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
			response.write('{"records":[', () => setImmediate(() => request.socket.destroy()));
		});
		const error = await failure(client().listJobsPage());
		expect(error.kind).toBe('network');
		expect(error.message).toBe(
			`The connection to ${host()} closed before the whole answer arrived.`,
		);
	});

	it('headers timeout: a server that accepts and never answers', async () => {
		server.handle(() => {});
		const error = await failure(client({ headersTimeoutMs: 150 }).listJobsPage());
		expect(error).toMatchObject({
			kind: 'timeout',
			message: `${host()} did not answer within 150 ms.`,
		});
	});

	it('body timeout: an answer that stalls', async () => {
		server.handle((_request, response) => {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.write('{"records":[');
		});
		const error = await failure(client({ bodyTimeoutMs: 200 }).listJobsPage());
		expect(error).toMatchObject({
			kind: 'timeout',
			message: `The answer from ${host()} stalled for 200 ms.`,
		});
	});

	it('connect timeout: a TLS server that never completes the handshake', async () => {
		const silent = await startSilentServer();
		try {
			const error = await failure(
				client({ url: `https://127.0.0.1:${silent.port}`, connectTimeoutMs: 200 }).listJobsPage(),
			);
			expect(error).toMatchObject({
				kind: 'timeout',
				message: `No connection to 127.0.0.1:${silent.port} within 200 ms.`,
			});
		} finally {
			await silent.close();
		}
	});

	it('a cancelled request', async () => {
		server.handle(() => {});
		const controller = new AbortController();
		const pending = failure(client().listJobsPage({ signal: controller.signal }));
		await expect.poll(() => server.requests.length, { timeout: 10_000 }).toBe(1);
		controller.abort();
		const error = await pending;
		expect(error.kind).toBe('aborted');
		expect(error.message).toBe('The request was cancelled.');
	});

	it('close() ends at once, cancelling a held request', async () => {
		server.handle(() => {});
		const c = client();
		const pending = failure(c.longPollJob('k', { pollTimeoutSeconds: 120, lastModified: 0 }));
		await expect.poll(() => server.requests.length, { timeout: 10_000 }).toBe(1);
		await c.close();
		const error = await pending;
		expect(error.kind).toBe('aborted');
		expect(error.message).toBe('The request was cancelled: the client was closed.');
		await c.close();
	});
});
