import { ApiError } from '../api/errors.js';
import { ExitCode, type ExitCodeValue } from '../api/exit-codes.js';
import { SilenceBound } from '../engine/give-up.js';
import type { Engine, ErrorSummary } from '../engine/types.js';
import { type Clock, systemClock } from '../time/clock.js';
import { eventToJson } from './event-json.js';
import type { OutputIo } from './io.js';
import { describeFailure } from './report-failure.js';
import { inertText, safeJsonStringify } from './safe-text.js';
import { createSafeWriter, type SafeWriter } from './writer.js';

/** Options of `umwatch events`. NDJSON is the only format (one event per line). */
export interface EventsOptions {
	readonly format: 'ndjson';
}

/** How the stream ended. */
type Ending =
	| { readonly why: 'interrupted' | 'pipe-closed' }
	| { readonly why: 'failed'; readonly error: ApiError };

/** The engine's summary of a failure, as the error the failure report describes. */
function summaryError(summary: ErrorSummary): ApiError {
	return new ApiError(summary.kind, summary.message, { hint: summary.hint });
}

/**
 * Follows the engine's link to the server. Says on stderr, in a pipe too
 * (a pipeline must not go blind), when polls start failing, with the reason,
 * and when they recover: one line each, never one per retry; a log shipper
 * reading stdout sees neither. Calls `onFailed` when retrying cannot help
 * (password, role, certificate), or when the server has given no answer at
 * all for the bound `wait` uses (see SilenceBound): a server answering 5xx is
 * alive and retried without end.
 */
function watchConnection(
	engine: Engine,
	clock: Clock,
	err: SafeWriter,
	onFailed: (error: ApiError) => void,
): () => void {
	const silence = new SilenceBound(clock);
	let previous = engine.getSnapshot().connection;
	return engine.subscribe(() => {
		const snapshot = engine.getSnapshot();
		const connection = snapshot.connection;
		// The same object until the connection changes: a new retrying state is a new failure.
		if (connection === previous) return;
		const was = previous;
		previous = connection;
		// A snapshot is published as the connection changes, so its last success is the latest.
		if (typeof snapshot.lastSuccessAt === 'number') silence.succeeded(snapshot.lastSuccessAt);
		if (connection.kind === 'live') {
			silence.succeeded();
			if (was.kind === 'retrying') void err.write('umwatch: connection restored\n');
		} else if (connection.kind === 'failed') {
			onFailed(summaryError(connection.error));
		} else if (connection.kind === 'retrying') {
			const error = summaryError(connection.lastError);
			const gaveUp = silence.failed(error);
			if (gaveUp !== null) onFailed(gaveUp);
			else if (was.kind !== 'retrying') {
				void err.write(`umwatch: retrying: ${inertText(error.message)}\n`);
			}
		}
	});
}

/**
 * `umwatch events`: starts the engine and prints one NDJSON line per job event
 * (see event-json.ts), each written and flushed on its own, until interrupted
 * (exit 130), the reader closes the pipe (exit 0), or the engine fails for a
 * reason retrying cannot fix (wrong password, no permission, untrusted
 * certificate: that failure's exit code, one line on stderr). Transient
 * failures are retried by the engine, with one line on stderr when retrying
 * starts and one when it recovers; they end the stream (exit 11) only when the
 * server has given no answer at all for 30 s before the first successful poll
 * or 10 minutes after, as `wait` does.
 */
export async function runEvents(
	engine: Engine,
	_options: EventsOptions,
	io: OutputIo,
): Promise<ExitCodeValue> {
	const out = createSafeWriter(io.stdout);
	const err = createSafeWriter(io.stderr);
	let written: Promise<void> = Promise.resolve();
	let settle: (ending: Ending) => void = () => {};
	const ended = new Promise<Ending>((resolve) => {
		settle = resolve;
	});
	const stopEvents = engine.onEvent((event) => {
		const line = `${safeJsonStringify(eventToJson(event))}\n`;
		// Chained so lines keep their order however fast events arrive.
		written = written.then(() => out.write(line));
	});
	const clock = io.clock ?? systemClock;
	const stopConnection = watchConnection(engine, clock, err, (error) => {
		settle({ why: 'failed', error });
	});
	const onAbort = () => settle({ why: 'interrupted' });
	io.signal?.addEventListener('abort', onAbort, { once: true });
	if (io.signal?.aborted) onAbort();
	void out.whenClosed.then(() => settle({ why: 'pipe-closed' }));
	try {
		engine.start();
		const ending = await ended;
		return await endStream(ending, written, out, err);
	} finally {
		io.signal?.removeEventListener('abort', onAbort);
		stopEvents();
		stopConnection();
		await engine.stop();
	}
}

async function endStream(
	ending: Ending,
	written: Promise<void>,
	out: SafeWriter,
	err: SafeWriter,
): Promise<ExitCodeValue> {
	// Lines already queued are still delivered (unless the reader has gone).
	await written;
	if (ending.why === 'interrupted') return ExitCode.Interrupted;
	if (ending.why === 'failed') {
		const report = describeFailure(ending.error);
		await err.write(report.text);
		return report.code;
	}
	if (out.failure !== null) {
		await err.write(`umwatch: cannot write output: ${out.failure.message}\n`);
		return ExitCode.Internal;
	}
	return ExitCode.Normal;
}
