import type { ApiError } from '../api/errors.js';
import { ExitCode, type ExitCodeValue } from '../api/exit-codes.js';
import type { Job } from '../api/job.js';
import type { AiqumClient } from '../api/types.js';
import { waitForJob as engineWaitForJob } from '../engine/wait-for-job.js';
import { t } from '../i18n/t.js';
import { glyphsFor } from '../present/theme.js';
import { type Clock, systemClock } from '../time/clock.js';
import { findJob } from './find-job.js';
import type { OutputIo } from './io.js';
import { jobToJson } from './job-json.js';
import { outcomeLine } from './job-text.js';
import { type ProgressLine, startProgressLine } from './progress-line.js';
import { describeFailure, finishOutput, reportFailure } from './report-failure.js';
import { inertText, safeJsonStringify } from './safe-text.js';
import { type ScriptServers, serverList } from './servers.js';
import { resolveKeyArguments } from './stdin-key.js';
import { type GroupEnd, type JobWatch, type WaitOne, waitForGroup } from './wait-group.js';
import { describeWait, timeoutText, worstOutcomeCode } from './wait-status.js';
import { createSafeWriter, type SafeWriter } from './writer.js';

/**
 * What `wait` needs from the engine's waiter (`waitForJob` in engine/wait-for-job.ts,
 * the default): resolve with the job once it is over. Tests may pass their own.
 */
export type WaitForJobFn = (
	client: AiqumClient,
	key: string,
	options: {
		readonly signal: AbortSignal;
		readonly clock: Clock;
		readonly onUpdate?: (job: Job) => void;
		readonly onRetry?: (error: ApiError, attempt: number) => void;
	},
) => Promise<Job>;

/** Options of `umwatch wait KEY…`. */
export interface WaitOptions {
	/** Give up after this long (exit 7), for the whole wait; no limit when absent. */
	readonly timeoutMs?: number;
	/** `line`: one outcome line per job; `json`: the whole job as JSON (NDJSON with several). */
	readonly format: 'line' | 'json';
	/** Print nothing on stdout and no progress line: the exit code says it all. */
	readonly quiet?: boolean;
	/** ASCII glyphs and ellipsis in the progress line (`--ascii`), as in the live view. */
	readonly ascii?: boolean;
	/** `--any`: return when the first job is over, with its code; the other waits are stopped. */
	readonly any?: boolean;
	/** `--bell`: one BEL on stderr when the wait ends, only when stderr is a terminal. */
	readonly bell?: boolean;
}

/** Thrown into the wait's signal when `--timeout` runs out. */
class WaitTimeout extends Error {
	override readonly name = 'WaitTimeout';
}

/** A failure already said on stderr (a server that failed while looking for the key). */
class ReportedFailure extends Error {
	override readonly name = 'ReportedFailure';
	constructor(readonly code: ExitCodeValue) {
		super('reported');
	}
}

const BEL = '\u0007';

/**
 * `umwatch wait KEY [KEY…]` (`-` reads AIQUM 202 bodies or keys from stdin,
 * one per line): waits until every job is over, prints each one's outcome as
 * it ends (one line, or the job as JSON: with one job pretty as ever, with
 * several one compact object per line, NDJSON) and resolves to the exit code:
 * the worst outcome (0 normal < 3 warning < 4 partial failures < 5 error <
 * 6 aborted < 12 unknown); 7 when `--timeout` ran out first; 130 when
 * interrupted; or the code of the first failure (not found 8, 9, 10, 11,
 * usage 2), which ends the wait at once: a script cannot trust an answer with
 * a hole in it. `--any` ends with the first job over, with its code. Transient
 * errors are retried by the waiter and never end the wait. On a terminal,
 * stderr carries a live progress line that is erased at the end; otherwise
 * stderr stays silent unless something goes wrong.
 *
 * Given several servers, each key is first looked for on every server as
 * `show` does (find-job.ts, with the waiter's 404 grace), then waited for on
 * the one that has it; a server that could not say is named on stderr.
 */
export async function runWait(
	servers: ScriptServers,
	keyArguments: string | readonly string[],
	options: WaitOptions,
	io: OutputIo,
	waitForJob: WaitForJobFn = engineWaitForJob,
): Promise<ExitCodeValue> {
	const err = createSafeWriter(io.stderr);
	const code = await waitAndReport(servers, keyArguments, options, { io, err }, waitForJob);
	// Rung however the wait ended, except by the user's own interrupt: they are at the keyboard.
	// After the progress line is erased: the BEL is a byte of its own, in no escape sequence.
	if (options.bell === true && io.stderr.isTTY === true && io.signal?.aborted !== true) {
		await err.write(BEL);
	}
	return code;
}

async function waitAndReport(
	servers: ScriptServers,
	keyArguments: string | readonly string[],
	options: WaitOptions,
	{ io, err }: { readonly io: OutputIo; readonly err: SafeWriter },
	waitForJob: WaitForJobFn,
): Promise<ExitCodeValue> {
	const out = createSafeWriter(io.stdout);
	const clock = io.clock ?? systemClock;
	const timeout = new AbortController();
	const signal = io.signal ? AbortSignal.any([io.signal, timeout.signal]) : timeout.signal;
	const argumentList = typeof keyArguments === 'string' ? [keyArguments] : keyArguments;
	let watches = argumentList.map(newWatch);
	const startedAt = clock.now();
	const glyphs = glyphsFor(options.ascii === true);
	const progress: ProgressLine = options.quiet
		? { refresh() {}, hide() {}, stop() {} }
		: startProgressLine(
				io.stderr,
				clock,
				() => describeWait(watches, clock.now() - startedAt, glyphs),
				glyphs.ellipsis,
			);
	const timer =
		options.timeoutMs === undefined
			? null
			: clock.setTimeout(() => timeout.abort(new WaitTimeout('timeout')), options.timeoutMs);
	const timedOut = () => timeout.signal.aborted && io.signal?.aborted !== true;
	try {
		watches = (await resolveKeyArguments(argumentList, io.stdin, signal)).map(newWatch);
		progress.refresh();
		const several = watches.length > 1;
		// The outcome line is machine output in a pipe (English), for a person on a terminal.
		const tty = io.stdout.isTTY === true;
		const ended: Job[] = [];
		// Lines go out as jobs end; the writer keeps them in order, the last one is awaited at the end.
		let written: Promise<void> = Promise.resolve();
		const end = await waitForGroup(
			watches,
			waitOneOn(serverList(servers), waitForJob, clock, err, io),
			{
				any: options.any === true,
				signal,
				onEnded(job) {
					ended.push(job);
					progress.hide();
					if (!options.quiet)
						written = out.write(`${jobText(job, options.format, several, clock, tty)}\n`);
				},
				onChange: () => progress.refresh(),
				describeRetry: (error) => inertText(error.message),
			},
		);
		progress.stop();
		await written;
		if (end.kind === 'failed') {
			if (timedOut()) return await reportTimeout(watches, options, err);
			return await reportWaitFailure(end, several, err, io);
		}
		const output = await finishOutput(out, err);
		return output === ExitCode.Normal ? worstOutcomeCode(ended) : output;
	} catch (error) {
		// Only reading the keys throws here (a usage error, or stdin cut short by the timeout).
		progress.stop();
		if (timedOut()) return reportTimeout(watches, options, err);
		return reportFailure(error, err, io);
	} finally {
		if (timer !== null) clock.clearTimeout(timer);
	}
}

function newWatch(key: string): JobWatch {
	return { key, job: null, retry: null, ended: false };
}

/** One job as `wait` prints it: the outcome line, or its JSON (compact, one per line, with several). */
function jobText(
	job: Job,
	format: WaitOptions['format'],
	several: boolean,
	clock: Clock,
	tty: boolean,
): string {
	const now = clock.now();
	if (format === 'line') return outcomeLine(job, now, tty);
	return several
		? safeJsonStringify(jobToJson(job, now))
		: safeJsonStringify(jobToJson(job, now), 2);
}

/** One job's wait: found first when there are several servers, then the engine's waiter. */
function waitOneOn(
	clients: readonly AiqumClient[],
	waitForJob: WaitForJobFn,
	clock: Clock,
	err: SafeWriter,
	io: OutputIo,
): WaitOne {
	return async (watch, signal, hooks) => {
		let client = clients[0] as AiqumClient;
		if (clients.length > 1) {
			const { found, code } = await findJob(
				clients,
				watch.key,
				{ partialOk: false, notFoundGrace: true },
				err,
				{ ...io, signal },
			);
			if (found === null) throw new ReportedFailure(code);
			client = found.client;
		}
		return waitForJob(client, watch.key, {
			signal,
			clock,
			onUpdate: hooks.onUpdate,
			onRetry: hooks.onRetry,
		});
	};
}

/** The failure that ended the wait: said once on stderr (naming its job when there are several). */
async function reportWaitFailure(
	end: Extract<GroupEnd, { kind: 'failed' }>,
	several: boolean,
	err: SafeWriter,
	io: OutputIo,
): Promise<ExitCodeValue> {
	if (end.error instanceof ReportedFailure) return end.error.code;
	if (!several) return reportFailure(end.error, err, io);
	const report = describeFailure(end.error, io.signal, t('output.wait.job', { key: end.key }));
	if (report.text !== '') await err.write(report.text);
	return report.code;
}

async function reportTimeout(
	watches: readonly JobWatch[],
	options: WaitOptions,
	err: SafeWriter,
): Promise<ExitCodeValue> {
	await err.write(timeoutText(watches, options.timeoutMs ?? 0));
	return ExitCode.TimedOut;
}
