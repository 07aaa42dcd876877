import { ApiError } from '../api/errors.js';
import { ExitCode, type ExitCodeValue } from '../api/exit-codes.js';
import { SilenceBound } from '../engine/give-up.js';
import type { Engine, ErrorSummary } from '../engine/types.js';
import { t } from '../i18n/t.js';
import { FAILURE_TEXT } from '../present/failure.js';
import { type Clock, systemClock } from '../time/clock.js';
import { eventToJson } from './event-json.js';
import type { OutputIo } from './io.js';
import { cannotWriteLine, describeFailure } from './report-failure.js';
import { inertText, safeJsonStringify } from './safe-text.js';
import { createSafeWriter, type SafeWriter } from './writer.js';

/** Options of `umwatch events`. NDJSON is the only format (one event per line). */
export interface EventsOptions {
	readonly format: 'ndjson';
	/** `--partial-ok`: a failed server among several does not set the exit code. */
	readonly partialOk?: boolean;
}

/** One server's engine, by the server's name. */
export interface NamedEngine {
	readonly name: string;
	readonly engine: Engine;
}

/** What `events` follows: one engine (one server), or one per server in the order named. */
export type EventSources = Engine | readonly NamedEngine[];

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
 * alive and retried without end. `about` names the server among several
 * (`osaka: `), '' for one.
 */
function watchConnection(
	engine: Engine,
	clock: Clock,
	err: SafeWriter,
	about: string,
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
			if (was.kind === 'retrying') {
				void err.write(`${FAILURE_TEXT.messageLabel}${about}${t('output.restored')}\n`);
			}
		} else if (connection.kind === 'failed') {
			onFailed(summaryError(connection.error));
		} else if (connection.kind === 'retrying') {
			const error = summaryError(connection.lastError);
			const gaveUp = silence.failed(error);
			if (gaveUp !== null) onFailed(gaveUp);
			else if (was.kind !== 'retrying') {
				const retrying = t('output.retrying', { error: inertText(error.message) });
				void err.write(`${FAILURE_TEXT.messageLabel}${about}${retrying}\n`);
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
 *
 * With several servers (one engine each) the lines of all are interleaved as
 * they happen, each naming its server. A server that fails is named on stderr
 * and stopped; the others go on. The stream ends with the first failure's code
 * when every server has failed; otherwise a failed server sets the exit code
 * at the end unless `partialOk`.
 */
export async function runEvents(
	sources: EventSources,
	options: EventsOptions,
	io: OutputIo,
): Promise<ExitCodeValue> {
	const members: readonly NamedEngine[] = Array.isArray(sources)
		? (sources as readonly NamedEngine[])
		: [{ name: '', engine: sources as Engine }];
	const several = members.length > 1;
	const out = createSafeWriter(io.stdout);
	const err = createSafeWriter(io.stderr);
	let written: Promise<void> = Promise.resolve();
	let settle: (ending: Ending) => void = () => {};
	const ended = new Promise<Ending>((resolve) => {
		settle = resolve;
	});
	const clock = io.clock ?? systemClock;
	const failures = trackFailures(members, err, (ending) => settle(ending));
	const stops = members.flatMap((member) => [
		member.engine.onEvent((event) => {
			const line = `${safeJsonStringify(eventToJson(event))}\n`;
			// Chained so lines keep their order however fast events arrive.
			written = written.then(() => out.write(line));
		}),
		watchConnection(
			member.engine,
			clock,
			err,
			several ? FAILURE_TEXT.serverLabel(inertText(member.name)) : '',
			(e) => failures.failed(member, e),
		),
	]);
	const onAbort = () => settle({ why: 'interrupted' });
	io.signal?.addEventListener('abort', onAbort, { once: true });
	if (io.signal?.aborted) onAbort();
	void out.whenClosed.then(() => settle({ why: 'pipe-closed' }));
	try {
		for (const member of members) member.engine.start();
		const ending = await ended;
		const code = await endStream(ending, written, out, err, several);
		// A server that failed while the others went on: a script must notice, unless --partial-ok.
		const first = failures.first();
		if (code !== ExitCode.Normal || first === undefined || options.partialOk === true) return code;
		return describeFailure(first).code;
	} finally {
		io.signal?.removeEventListener('abort', onAbort);
		for (const stop of stops) stop();
		await Promise.all(members.map((member) => member.engine.stop()));
	}
}

/**
 * What a server's failure does: with one server it ends the stream; among
 * several it is said at once (the stream goes on with the others), that
 * server stops, and the stream ends with the first failure when none is left.
 */
function trackFailures(
	members: readonly NamedEngine[],
	err: SafeWriter,
	settle: (ending: Ending) => void,
): { failed(member: NamedEngine, error: ApiError): void; first(): ApiError | undefined } {
	const errors: ApiError[] = [];
	const gone = new Set<NamedEngine>();
	return {
		failed(member, error) {
			if (members.length === 1) {
				settle({ why: 'failed', error });
				return;
			}
			if (gone.has(member)) return;
			gone.add(member);
			errors.push(error);
			void err.write(describeFailure(error, undefined, member.name).text);
			void member.engine.stop();
			if (gone.size === members.length) settle({ why: 'failed', error: errors[0] ?? error });
		},
		first: () => errors[0],
	};
}

async function endStream(
	ending: Ending,
	written: Promise<void>,
	out: SafeWriter,
	err: SafeWriter,
	several: boolean,
): Promise<ExitCodeValue> {
	// Lines already queued are still delivered (unless the reader has gone).
	await written;
	if (ending.why === 'interrupted') return ExitCode.Interrupted;
	if (ending.why === 'failed') {
		const report = describeFailure(ending.error);
		// Several servers: each failure was said as it happened.
		if (!several) await err.write(report.text);
		return report.code;
	}
	if (out.failure !== null) {
		await err.write(cannotWriteLine(out.failure));
		return ExitCode.Internal;
	}
	return ExitCode.Normal;
}
