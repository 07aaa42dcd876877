import { describe, expect, it } from 'vitest';
import type { Job } from '../../source/api/job.js';
import type { ConnectionState, Engine, JobEvent, Snapshot } from '../../source/engine/types.js';
import { runEvents } from '../../source/output/events.js';
import { activeCharacters, ClosedPipeStream, captureIo } from '../helpers/out-fakes.js';
import { apiJob } from '../helpers/ui-fixtures.js';

const T0 = Date.parse('2026-11-28T03:00:00Z');

/** An engine whose events and connection state the test drives by hand. */
class FakeEngine implements Engine {
	started = 0;
	stopped = 0;
	private connection: ConnectionState = { kind: 'connecting' };
	private readonly listeners = new Set<() => void>();
	private readonly eventListeners = new Set<(event: JobEvent) => void>();

	start(): void {
		this.started++;
	}
	async stop(): Promise<void> {
		this.stopped++;
	}
	getSnapshot(): Snapshot {
		return { connection: this.connection } as Snapshot;
	}
	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
	onEvent(listener: (event: JobEvent) => void): () => void {
		this.eventListeners.add(listener);
		return () => this.eventListeners.delete(listener);
	}
	refresh(): void {}
	setPaused(): void {}
	focus(): void {}

	emit(event: JobEvent): void {
		for (const listener of this.eventListeners) listener(event);
	}
	setConnection(connection: ConnectionState): void {
		this.connection = connection;
		for (const listener of this.listeners) listener();
	}
	get listenerCount(): number {
		return this.listeners.size + this.eventListeners.size;
	}
}

function job(key: string, fields: Record<string, unknown>): Job {
	return apiJob({
		key,
		name: `Job ${key}`,
		type: 'Provisioning',
		submit_time: new Date(T0).toISOString(),
		...fields,
	});
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('runEvents', () => {
	it('prints one documented NDJSON line per event until interrupted (130)', async () => {
		const engine = new FakeEngine();
		const controller = new AbortController();
		const io = captureIo({ signal: controller.signal });
		const running = runEvents(engine, { format: 'ndjson' }, io);
		expect(engine.started).toBe(1);
		engine.emit({ type: 'new', at: T0 + 1000, job: job('a', { state: 'running' }) });
		engine.emit({
			type: 'transition',
			at: T0 + 61_000,
			job: job('a', {
				state: 'completed',
				status: 'error',
				complete_time: new Date(T0 + 60_000).toISOString(),
			}),
			from: 'RUNNING',
			to: 'ERROR',
		});
		await flush();
		controller.abort();
		expect(await running).toBe(130);
		const lines = io.stdout.text().split('\n');
		expect(lines[2]).toBe('');
		expect(JSON.parse(lines[0] ?? '')).toEqual({
			event: 'new',
			at: '2026-11-28T03:00:01.000Z',
			server: '',
			key: 'a',
			name: 'Job a',
			type: 'Provisioning',
			from: null,
			to: 'RUNNING',
			state: 'RUNNING',
			raw_state: job('a', { state: 'running' }).rawState,
			lifecycle: 'running',
			outcome: null,
			over: false,
			submit_time: '2026-11-28T03:00:00.000Z',
			complete_time: null,
			duration_ms: 1000,
		});
		expect(JSON.parse(lines[1] ?? '')).toMatchObject({
			event: 'transition',
			from: 'RUNNING',
			to: 'ERROR',
			state: 'ERROR',
			over: true,
			duration_ms: 60_000,
		});
		expect(engine.stopped).toBe(1);
		expect(engine.listenerCount).toBe(0);
		expect(io.stderr.text()).toBe('');
	});

	it('keeps going through transient failures, noting them on stderr, in a pipe too', async () => {
		for (const isTTY of [false, true]) {
			const engine = new FakeEngine();
			const controller = new AbortController();
			const io = captureIo({ signal: controller.signal, stderr: { isTTY } });
			const running = runEvents(engine, { format: 'ndjson' }, io);
			engine.setConnection({ kind: 'live' });
			engine.setConnection({
				kind: 'retrying',
				attempt: 1,
				nextTryAt: T0,
				lastError: { kind: 'server', message: 'The server failed (503).', hint: '' },
			});
			engine.setConnection({ kind: 'live' });
			engine.emit({ type: 'new', at: T0, job: job('b', { state: 'queued' }) });
			await flush();
			controller.abort();
			expect(await running).toBe(130);
			expect(io.stdout.text().split('\n')).toHaveLength(2);
			expect(io.stderr.text()).toBe(
				'umwatch: retrying: The server failed (503).\numwatch: connection restored\n',
			);
		}
	});

	it.each([
		['auth', 9],
		['permission', 9],
		['tls', 10],
	] as const)('ends with the mapped code when the engine fails (%s → %i)', async (kind, code) => {
		const engine = new FakeEngine();
		const io = captureIo();
		const running = runEvents(engine, { format: 'ndjson' }, io);
		engine.setConnection({
			kind: 'failed',
			error: { kind, message: 'Rejected.', hint: 'check it' },
		});
		expect(await running).toBe(code);
		expect(io.stderr.text()).toBe('umwatch: Rejected.\nhint: check it\n');
		expect(engine.stopped).toBe(1);
	});

	it('ends quietly with exit 0 when the reader closes the pipe (| head)', async () => {
		const engine = new FakeEngine();
		const stdout = new ClosedPipeStream(2);
		const io = { ...captureIo(), stdout };
		const running = runEvents(engine, { format: 'ndjson' }, io);
		for (let i = 0; i < 5; i++)
			engine.emit({ type: 'new', at: T0, job: job(`k${i}`, { state: 'running' }) });
		expect(await running).toBe(0);
		expect(stdout.chunks).toHaveLength(2);
		expect(io.stderr.text()).toBe('');
		expect(engine.stopped).toBe(1);
	});

	it('writes hostile names inert', async () => {
		const engine = new FakeEngine();
		const controller = new AbortController();
		const io = captureIo({ signal: controller.signal });
		const running = runEvents(engine, { format: 'ndjson' }, io);
		engine.emit({
			type: 'new',
			at: T0,
			job: job('h', { name: 'a\u001b]0;pwned\u0007b\u0085c\u2066d', state: 'running' }),
		});
		await flush();
		controller.abort();
		await running;
		expect(activeCharacters(io.stdout.text())).toEqual([]);
		expect(JSON.parse(io.stdout.text()).name).toBe('abcd');
	});
});
