import type { ConnectionState, Engine } from '../engine/types.js';
import { eventToJson } from './event-json.js';
import { ExitCode, type ExitCodeValue, exitCodeForError } from './exit-codes.js';
import type { OutputIo } from './io.js';
import { inertText, safeJsonStringify } from './safe-text.js';
import { createSafeWriter, type SafeWriter } from './writer.js';

/** Options of `umwatch events`. NDJSON is the only format (one event per line). */
export interface EventsOptions {
	readonly format: 'ndjson';
}

/** How the stream ended. */
type Ending =
	| { readonly why: 'interrupted' | 'pipe-closed' }
	| { readonly why: 'failed'; readonly code: ExitCodeValue };

// On a terminal stderr, say when polls start failing and when they recover;
// a log shipper reading stdout never sees these.
function connectionNote(previous: ConnectionState['kind'], now: ConnectionState): string | null {
	if (now.kind === 'retrying' && previous !== 'retrying') {
		return `umwatch: retrying: ${inertText(now.lastError.message)}\n`;
	}
	if (now.kind === 'live' && previous === 'retrying') return 'umwatch: connection restored\n';
	return null;
}

function watchConnection(
	engine: Engine,
	err: SafeWriter,
	noteOnStderr: boolean,
	onFailed: (code: ExitCodeValue, line: string) => void,
): () => void {
	let previous = engine.getSnapshot().connection.kind;
	return engine.subscribe(() => {
		const connection = engine.getSnapshot().connection;
		if (connection.kind === previous) return;
		if (connection.kind === 'failed') {
			const { message, hint } = connection.error;
			onFailed(
				exitCodeForError(connection.error.kind),
				inertText(hint === '' ? message : `${message} (${hint})`),
			);
		} else if (noteOnStderr) {
			const note = connectionNote(previous, connection);
			if (note !== null) void err.write(note);
		}
		previous = connection.kind;
	});
}

/**
 * `umwatch events`: starts the engine and prints one NDJSON line per job event
 * (see event-json.ts), each written and flushed on its own, until interrupted
 * (exit 130), the reader closes the pipe (exit 0), or the engine fails for a
 * reason retrying cannot fix (wrong password, no permission, untrusted
 * certificate: that failure's exit code, one line on stderr). Transient
 * failures are retried by the engine and never end the stream.
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
	let failureLine = '';
	const stopConnection = watchConnection(engine, err, io.stderr.isTTY === true, (code, line) => {
		failureLine = line;
		settle({ why: 'failed', code });
	});
	const onAbort = () => settle({ why: 'interrupted' });
	io.signal?.addEventListener('abort', onAbort, { once: true });
	if (io.signal?.aborted) onAbort();
	void out.whenClosed.then(() => settle({ why: 'pipe-closed' }));
	try {
		engine.start();
		const ending = await ended;
		return await endStream(ending, failureLine, written, out, err);
	} finally {
		io.signal?.removeEventListener('abort', onAbort);
		stopEvents();
		stopConnection();
		await engine.stop();
	}
}

async function endStream(
	ending: Ending,
	failureLine: string,
	written: Promise<void>,
	out: SafeWriter,
	err: SafeWriter,
): Promise<ExitCodeValue> {
	// Lines already queued are still delivered (unless the reader has gone).
	await written;
	if (ending.why === 'interrupted') return ExitCode.Interrupted;
	if (ending.why === 'failed') {
		await err.write(`umwatch: ${failureLine}\n`);
		return ending.code;
	}
	if (out.failure !== null) {
		await err.write(`umwatch: cannot write output: ${out.failure.message}\n`);
		return ExitCode.Internal;
	}
	return ExitCode.Normal;
}
