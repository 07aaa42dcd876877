import type { ApiError } from '../api/errors.js';
import { ExitCode, type ExitCodeValue, exitCodeForJob } from '../api/exit-codes.js';
import type { Job } from '../api/job.js';
import type { AiqumClient } from '../api/types.js';
import { waitForJob as engineWaitForJob } from '../engine/wait-for-job.js';
import { formatDuration } from '../present/duration-format.js';
import { type Glyphs, glyphsFor, stateStyle } from '../present/theme.js';
import { type Clock, systemClock } from '../time/clock.js';
import { findJob } from './find-job.js';
import type { OutputIo } from './io.js';
import { jobToJson } from './job-json.js';
import { outcomeLine, stateLabel } from './job-text.js';
import { startProgressLine } from './progress-line.js';
import { finishOutput, reportFailure } from './report-failure.js';
import { inertText, safeJsonStringify } from './safe-text.js';
import { type ScriptServers, serverList } from './servers.js';
import { resolveKeyArgument } from './stdin-key.js';
import { createSafeWriter } from './writer.js';

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

/** Options of `umwatch wait KEY`. */
export interface WaitOptions {
	/** Give up after this long (exit 7); no limit when absent. */
	readonly timeoutMs?: number;
	/** `line`: one outcome line; `json`: the whole job as JSON. */
	readonly format: 'line' | 'json';
	/** Print nothing on stdout and no progress line: the exit code says it all. */
	readonly quiet?: boolean;
	/** ASCII glyphs and ellipsis in the progress line (`--ascii`), as in the live view. */
	readonly ascii?: boolean;
}

/** Thrown into the wait's signal when `--timeout` runs out. */
class WaitTimeout extends Error {
	override readonly name = 'WaitTimeout';
}

/** What the progress line knows while waiting. */
interface WaitStatus {
	job: Job | null;
	retry: string | null;
}

function describeWait(
	key: string,
	status: WaitStatus,
	startedAt: number,
	clock: Clock,
	glyphs: Glyphs,
): string {
	// Whole seconds: the line ticks once a second and never shows milliseconds.
	const elapsedMs = clock.now() - startedAt;
	const elapsed = `elapsed ${elapsedMs < 1000 ? '0s' : formatDuration(elapsedMs)}`;
	const retry = status.retry === null ? '' : `  retrying: ${status.retry}`;
	if (status.job === null) return `waiting for ${inertText(key)}  ${elapsed}${retry}`;
	const job = status.job;
	const style = stateStyle(job.displayState, inertText(job.rawState), glyphs);
	return `${style.glyph} ${style.word}  ${inertText(job.name)}  ${elapsed}${retry}`;
}

/**
 * `umwatch wait KEY` (or `-` to read an AIQUM 202 body from stdin): waits until
 * the job is over, prints its outcome (one line, or the whole job with JSON) and
 * resolves to the exit code for that outcome (0 normal, 3 warning, 4 partial
 * failures, 5 error, 6 aborted, 12 unknown), or 7 on `--timeout`, 130 when
 * interrupted, or the failure's code. Transient errors are retried by the
 * waiter and never end the wait. On a terminal, stderr carries a live progress
 * line that is erased at the end; otherwise stderr stays silent unless
 * something goes wrong.
 *
 * `wait` follows one server. Given several, it first looks for the key on
 * each as `show` does (find-job.ts), then waits on the one that has it; a
 * server that could not say is named on stderr, and the exit code is still
 * the job's.
 */
export async function runWait(
	servers: ScriptServers,
	keyArgument: string,
	options: WaitOptions,
	io: OutputIo,
	waitForJob: WaitForJobFn = engineWaitForJob,
): Promise<ExitCodeValue> {
	const out = createSafeWriter(io.stdout);
	const err = createSafeWriter(io.stderr);
	const clock = io.clock ?? systemClock;
	const timeout = new AbortController();
	const signal = io.signal ? AbortSignal.any([io.signal, timeout.signal]) : timeout.signal;
	let key = keyArgument;
	const startedAt = clock.now();
	const status: WaitStatus = { job: null, retry: null };
	const glyphs = glyphsFor(options.ascii === true);
	const progress = options.quiet
		? { refresh() {}, stop() {} }
		: startProgressLine(
				io.stderr,
				clock,
				() => describeWait(key, status, startedAt, clock, glyphs),
				glyphs.ellipsis,
			);
	const timer =
		options.timeoutMs === undefined
			? null
			: clock.setTimeout(() => timeout.abort(new WaitTimeout('timeout')), options.timeoutMs);
	try {
		key = await resolveKeyArgument(keyArgument, io.stdin, signal);
		progress.refresh();
		const clients = serverList(servers);
		let client = clients[0] as AiqumClient;
		if (clients.length > 1) {
			const { found, code } = await findJob(clients, key, { partialOk: false }, err, {
				...io,
				signal,
			});
			if (found === null) {
				progress.stop();
				return timeout.signal.aborted && !io.signal?.aborted
					? reportTimeout(key, status, options, err)
					: code;
			}
			client = found.client;
		}
		const job = await waitForJob(client, key, {
			signal,
			clock,
			onUpdate(update) {
				status.job = update;
				status.retry = null;
				progress.refresh();
			},
			onRetry(error) {
				status.retry = inertText(error.message);
				progress.refresh();
			},
		});
		progress.stop();
		if (!options.quiet) {
			const now = clock.now();
			const text =
				options.format === 'json'
					? safeJsonStringify(jobToJson(job, now), 2)
					: outcomeLine(job, now);
			await out.write(`${text}\n`);
		}
		const written = await finishOutput(out, err);
		return written === ExitCode.Normal ? exitCodeForJob(job) : written;
	} catch (error) {
		progress.stop();
		if (timeout.signal.aborted && !io.signal?.aborted)
			return reportTimeout(key, status, options, err);
		return reportFailure(error, err, io);
	} finally {
		if (timer !== null) clock.clearTimeout(timer);
	}
}

async function reportTimeout(
	key: string,
	status: WaitStatus,
	options: WaitOptions,
	err: ReturnType<typeof createSafeWriter>,
): Promise<ExitCodeValue> {
	const seen = status.job === null ? [] : [`last seen ${stateLabel(status.job)}`];
	if (status.retry !== null) seen.push(`last error: ${status.retry}`);
	const last = seen.length === 0 ? '' : ` (${seen.join('; ')})`;
	const after = formatDuration(options.timeoutMs ?? 0);
	await err.write(`umwatch: timed out after ${after} waiting for job ${inertText(key)}${last}\n`);
	return ExitCode.TimedOut;
}
