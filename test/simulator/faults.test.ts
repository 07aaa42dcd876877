import { connect } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { simGet, testAgent } from '../helpers/sim-http.js';
import { until } from '../helpers/until.js';

const START = Date.UTC(2026, 10, 20, 1, 0, 0);
const JOBS = '/api/management-server/jobs';
const AUTH = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
const agent = testAgent();
const clock = new FakeClock(START);
let sim: Simulator;
let base: string;

beforeEach(async () => {
	sim = createSimulator({
		seed: 5,
		clock,
		autoAdvance: false,
		startTime: START,
		historyJobs: 30,
		activeJobs: 0,
		ratePerMinute: 0,
	});
	base = await sim.listen();
});
afterEach(() => sim.close());
afterAll(() => agent.close());

const get = (path = JOBS) => simGet(base, path, { dispatcher: agent });

/** The raw bytes a server sends for one request, read until it closes the socket. */
/** Bytes received so far by every {@link rawExchange} still open or done (a named condition to wait on). */
let rawBytes = 0;

function rawExchange(path: string): Promise<{ text: string; error: string | null }> {
	const url = new URL(base);
	return new Promise((resolve) => {
		const socket = connect(Number(url.port), url.hostname);
		const chunks: Buffer[] = [];
		socket.on('data', (chunk) => {
			rawBytes += chunk.length;
		});
		let error: string | null = null;
		socket.on('data', (chunk) => chunks.push(chunk));
		socket.on('error', (e: NodeJS.ErrnoException) => {
			error = e.code ?? e.message;
		});
		socket.on('close', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), error }));
		socket.write(
			`GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTH}\r\nConnection: close\r\n\r\n`,
		);
	});
}

describe('simulator fault injection', () => {
	it('answers an injected status with the error envelope and Retry-After, then recovers', async () => {
		sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 7 });
		const limited = await get();
		expect(limited.status).toBe(429);
		expect(limited.headers['retry-after']).toBe('7');
		expect(limited.json).toEqual({
			error: { message: 'Too many requests. Try again later.', code: '11', target: '' },
		});
		expect((await get()).status).toBe(200);
		expect(sim.stats.faults).toBe(1);
	});

	it('applies a fault count times, only to matching paths, until cleared', async () => {
		sim.injectFault({ kind: 'status', status: 500 }, { count: 2, path: /system/ });
		expect((await get()).status).toBe(200);
		expect((await get('/api/management-server/system')).status).toBe(500);
		expect((await get('/api/management-server/system')).status).toBe(500);
		expect((await get('/api/management-server/system')).status).toBe(200);
		sim.injectFault(
			{ kind: 'status', status: 503, body: 'busy' },
			{ count: Number.POSITIVE_INFINITY },
		);
		for (let i = 0; i < 3; i++) {
			const reply = await get();
			expect(reply.status).toBe(503);
			expect(reply.text).toBe('busy');
		}
		sim.clearFaults();
		expect((await get()).status).toBe(200);
	});

	it('sends 401 with WWW-Authenticate even to good credentials (password changed mid-session)', async () => {
		sim.injectFault({ kind: 'status', status: 401 });
		const reply = await get();
		expect(reply.status).toBe(401);
		expect(reply.headers['www-authenticate']).toBe('Basic realm="Active IQ Unified Manager"');
	});

	it('delays an answer by latency on the clock', async () => {
		sim.injectFault({ kind: 'latency', ms: 2_000 });
		let settled = false;
		const pending = get().finally(() => {
			settled = true;
		});
		await until(() => clock.pendingTimers === 1, 'the answer waiting on the clock');
		clock.tick(1_999);
		// The answer's timer is still waiting on the clock, so the reply cannot have been sent.
		expect(clock.pendingTimers).toBe(1);
		expect(settled).toBe(false);
		clock.tick(1);
		const reply = await pending;
		expect(reply.status).toBe(200);
		expect(reply.json.num_records).toBe(20);
	});

	it('answers a proxy HTML page, 502 by default or 200', async () => {
		sim.injectFault({ kind: 'html' });
		sim.injectFault({ kind: 'html', status: 200 });
		const bad = await get();
		expect(bad.status).toBe(502);
		expect(bad.headers['content-type']).toBe('text/html');
		expect(bad.text).toContain('<title>502 Bad Gateway</title>');
		const ok = await get();
		expect(ok.status).toBe(200);
		expect(ok.text.startsWith('<html>')).toBe(true);
	});

	it('answers garbage as 200 JSON with exactly the body given', async () => {
		const body = '{"records": [{"key": 1, "key": "dup"}], "num_records": "many"';
		sim.injectFault({ kind: 'garbage', body });
		const reply = await get();
		expect(reply.status).toBe(200);
		expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(reply.text).toBe(body);
	});

	it('truncates a body: full Content-Length, half the bytes, then the socket ends', async () => {
		sim.injectFault({ kind: 'truncated' });
		const { text } = await rawExchange(JOBS);
		const [head = '', body = ''] = text.split('\r\n\r\n');
		const length = Number(/content-length: (\d+)/i.exec(head)?.[1]);
		expect(head.startsWith('HTTP/1.1 200 OK')).toBe(true);
		expect(length).toBeGreaterThan(1000);
		expect(Buffer.byteLength(body)).toBe(Math.floor(length / 2));
		await expect(get()).resolves.toMatchObject({ status: 200 });
	});

	it('resets the connection before answering', async () => {
		sim.injectFault({ kind: 'reset' });
		await expect(get()).rejects.toMatchObject({
			code: expect.stringMatching(/ECONNRESET|UND_ERR_SOCKET/),
		});
		const { text } = await rawExchange(JOBS);
		expect(text.startsWith('HTTP/1.1 200 OK')).toBe(true);
	});

	it('resets the connection in the middle of the body', async () => {
		sim.injectFault({ kind: 'reset-mid-body' });
		const { text } = await rawExchange(JOBS);
		const [head = '', body = ''] = text.split('\r\n\r\n');
		const length = Number(/content-length: (\d+)/i.exec(head)?.[1]);
		expect(head.startsWith('HTTP/1.1 200 OK')).toBe(true);
		expect(Buffer.byteLength(body)).toBe(Math.floor(length / 2));
		sim.injectFault({ kind: 'reset-mid-body' });
		await expect(get()).rejects.toBeInstanceOf(Error);
	});

	it('stalls mid-body and hangs without an answer until close()', async () => {
		sim.injectFault({ kind: 'stall-mid-body' });
		sim.injectFault({ kind: 'hang' });
		const stalled = rawExchange(JOBS);
		const hung = rawExchange(JOBS);
		rawBytes = 0;
		await until(() => sim.stats.faults === 2, 'two faults');
		await until(() => rawBytes > 0, 'the stalled answer to have sent its first part');
		await sim.close();
		const [s, h] = await Promise.all([stalled, hung]);
		expect(s.text.startsWith('HTTP/1.1 200 OK')).toBe(true);
		expect(h.text).toBe('');
	});

	it('streams an oversized body without holding it', async () => {
		sim.injectFault({ kind: 'oversized', bytes: 5_000_000, declareLength: true });
		const reply = await get();
		expect(reply.headers['content-length']).toBe('5000000');
		expect(reply.text.length).toBe(5_000_000);
		expect(reply.text.startsWith('{"records":[0,0,')).toBe(true);
		sim.injectFault({ kind: 'oversized', bytes: 100_000 });
		const chunked = await get();
		expect(chunked.headers['transfer-encoding']).toBe('chunked');
		expect(chunked.text.length).toBe(100_000);
	});

	it('restarts on the same port with the same jobs (a server restart)', async () => {
		const before = await get();
		await sim.close();
		await expect(get()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
		expect(await sim.listen()).toBe(base);
		const after = await get();
		expect(after.json.records).toEqual(before.json.records);
	});
});
