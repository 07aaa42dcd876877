import type { OutputStream } from './io.js';

// Errors that mean "the reader went away": not a failure of umwatch, nothing to report.
const CLOSED_CODES = new Set([
	'EPIPE',
	'ERR_STREAM_DESTROYED',
	'ECONNRESET',
	'ERR_STREAM_WRITE_AFTER_END',
]);

/**
 * Writes text to a stream without ever throwing or leaving an unhandled 'error'
 * event behind. When the reader closes the pipe (`umwatch list | head -1`) the
 * writer becomes `closed` and later writes are dropped quietly, so the mode can
 * end at once with no stack trace.
 */
export interface SafeWriter {
	/** Writes `text`; resolves once the stream accepted it (honouring backpressure). Never rejects. */
	write(text: string): Promise<void>;
	/** True once the reader closed the pipe or a write failed. */
	readonly closed: boolean;
	/** A write failure other than a closed pipe (disk full, …), or null. */
	readonly failure: Error | null;
	/** Resolves when the writer becomes closed (for modes that run until then). */
	readonly whenClosed: Promise<void>;
}

const guarded = new WeakSet<OutputStream>();

/**
 * Keeps an asynchronous EPIPE on `stream` from becoming an uncaught exception
 * (Node emits 'error' on process.stdout when the reader is gone). Idempotent.
 */
export function installPipeGuard(stream: OutputStream): void {
	if (guarded.has(stream)) return;
	guarded.add(stream);
	stream.on('error', () => {
		// Reported through the write callback; the listener only keeps Node from throwing.
	});
}

/** Creates a {@link SafeWriter} over `stream` (and installs the pipe guard on it). */
export function createSafeWriter(stream: OutputStream): SafeWriter {
	installPipeGuard(stream);
	let closed = false;
	let failure: Error | null = null;
	let markClosed: () => void = () => {};
	const whenClosed = new Promise<void>((resolve) => {
		markClosed = resolve;
	});
	const pending = new Set<() => void>();
	const fail = (error: unknown): void => {
		if (closed) return;
		closed = true;
		const code = (error as { code?: unknown } | null)?.code;
		if (typeof code !== 'string' || !CLOSED_CODES.has(code)) {
			failure = error instanceof Error ? error : new Error(String(error));
		}
		markClosed();
		for (const release of [...pending]) release();
	};
	stream.on('error', fail);
	stream.once('close', () => fail(Object.assign(new Error('closed'), { code: 'EPIPE' })));
	return {
		get closed() {
			return closed;
		},
		get failure() {
			return failure;
		},
		whenClosed,
		write(text) {
			if (closed || stream.destroyed || stream.writableEnded) {
				if (!closed) fail(Object.assign(new Error('closed'), { code: 'ERR_STREAM_DESTROYED' }));
				return Promise.resolve();
			}
			// Waiting for each write's callback keeps at most one chunk in flight, which
			// is both backpressure and the per-line flush `events` promises.
			// A pending write is also released when the stream dies without calling back.
			return new Promise<void>((resolve) => {
				const done = () => {
					pending.delete(done);
					resolve();
				};
				pending.add(done);
				try {
					stream.write(text, (error) => {
						if (error) fail(error);
						done();
					});
				} catch (error) {
					fail(error);
				}
			});
		},
	};
}
