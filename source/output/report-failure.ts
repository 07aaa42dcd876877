import { ApiError } from '../api/errors.js';
import { ExitCode, type ExitCodeValue, exitCodeForError } from '../api/exit-codes.js';
import { UsageError } from '../api/usage-error.js';
import { GaveUpError } from '../engine/give-up.js';
import { formatDuration } from '../present/duration-format.js';
import { DurationError } from '../time/duration.js';
import type { OutputIo } from './io.js';
import { inertText } from './safe-text.js';
import type { SafeWriter } from './writer.js';

/** What a failure ends a command with: the exit code and the one line that says why. */
export interface FailureReport {
	readonly code: ExitCodeValue;
	/** One line, without the `umwatch: ` prefix; '' when nothing should be said (interrupted). */
	readonly line: string;
}

function isAbort(error: unknown): boolean {
	return (
		error instanceof Error &&
		(error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR')
	);
}

// The config's own usage error (a bad value in the file or environment) is one too; named, not imported.
function isUsageLike(error: unknown): error is Error {
	return error instanceof Error && error.name === 'ConfigError';
}

/**
 * What umwatch did before it gave up, in words. The describers' hints say
 * what to do and never promise a retry: only here, where it is known, is it
 * said how long umwatch retried or waited for an answer.
 */
function gaveUpNote(error: GaveUpError): string {
	if (error.reason === 'no-answer') {
		return `No answer for ${formatDuration(error.afterMs)}; umwatch gave up.`;
	}
	if (error.afterMs < 1000) {
		return `umwatch waits at most ${formatDuration(error.limitMs)} here; try again later.`;
	}
	return `umwatch retried for ${formatDuration(error.afterMs)}; try again later.`;
}

/** The hint printed after a failure's message: the describer's advice, then what umwatch did. */
export function failureHint(error: ApiError): string {
	const note = error instanceof GaveUpError ? gaveUpNote(error) : '';
	return [error.hint, note].filter((part) => part !== '').join(' ');
}

/** Classifies whatever ended a command: typed client errors, usage errors, interrupts, bugs. */
export function describeFailure(error: unknown, signal?: AbortSignal): FailureReport {
	if (signal?.aborted || isAbort(error)) return { code: ExitCode.Interrupted, line: '' };
	if (error instanceof ApiError) {
		if (error.kind === 'aborted') return { code: ExitCode.Interrupted, line: '' };
		const hint = failureHint(error);
		const suffix = hint === '' ? '' : ` (${hint})`;
		return { code: exitCodeForError(error.kind), line: inertText(`${error.message}${suffix}`) };
	}
	if (error instanceof UsageError || error instanceof DurationError || isUsageLike(error)) {
		const hint = (error as { hint?: unknown }).hint;
		const suffix = typeof hint === 'string' && hint !== '' ? ` (${hint})` : '';
		return { code: ExitCode.Usage, line: inertText(`${error.message}${suffix}`) };
	}
	const message = error instanceof Error ? error.message : String(error);
	return { code: ExitCode.Internal, line: inertText(`internal error: ${message}`) };
}

/**
 * Prints the failure on stderr as one line (`umwatch: …`) and returns its exit
 * code. With UMWATCH_DEBUG set, an internal error's stack follows, for bug reports.
 */
export async function reportFailure(
	error: unknown,
	stderr: SafeWriter,
	io: Pick<OutputIo, 'env' | 'signal'>,
): Promise<ExitCodeValue> {
	const report = describeFailure(error, io.signal);
	if (report.line !== '') await stderr.write(`umwatch: ${report.line}\n`);
	const debug = io.env?.UMWATCH_DEBUG;
	if (
		report.code === ExitCode.Internal &&
		debug !== undefined &&
		debug !== '' &&
		error instanceof Error
	) {
		await stderr.write(`${error.stack ?? ''}\n`);
	}
	return report.code;
}

/** A closed pipe is the reader's choice (exit 0); any other write failure is reported (exit 1). */
export async function finishOutput(out: SafeWriter, err: SafeWriter): Promise<ExitCodeValue> {
	if (out.failure !== null) {
		await err.write(`umwatch: cannot write output: ${out.failure.message}\n`);
		return ExitCode.Internal;
	}
	return ExitCode.Normal;
}
