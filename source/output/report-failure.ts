import { ExitCode, type ExitCodeValue } from '../api/exit-codes.js';
import { t } from '../i18n/t.js';
import { describeFailure as classify, FAILURE_TEXT, failureLines } from '../present/failure.js';
import type { OutputIo } from './io.js';
import type { SafeWriter } from './writer.js';

/** What a failure ends a command with: the exit code and the lines that say why. */
export interface FailureReport {
	readonly code: ExitCodeValue;
	/** `umwatch: MESSAGE` and `hint: HINT` lines; '' when nothing should be said (interrupted). */
	readonly text: string;
}

/**
 * Classifies whatever ended a command with the one describer (present/failure.ts).
 * `server`: name the server in the text (when there are several).
 */
export function describeFailure(
	error: unknown,
	signal?: AbortSignal,
	server?: string,
): FailureReport {
	const failure = classify(error, signal);
	return { code: failure.code, text: failureLines(failure, server) };
}

/**
 * Prints the failure on stderr (`umwatch: …`, then `hint: …`) and returns its
 * exit code. With UMWATCH_DEBUG set, an internal error's stack follows, for bug reports.
 */
export async function reportFailure(
	error: unknown,
	stderr: SafeWriter,
	io: Pick<OutputIo, 'env' | 'signal'>,
): Promise<ExitCodeValue> {
	const report = describeFailure(error, io.signal);
	if (report.text !== '') await stderr.write(report.text);
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
		await err.write(cannotWriteLine(out.failure));
		return ExitCode.Internal;
	}
	return ExitCode.Normal;
}

/** `umwatch: cannot write output: …` (disk full, …), in the language chosen. */
export function cannotWriteLine(failure: Error): string {
	return `${FAILURE_TEXT.messageLabel}${t('output.cannotWrite', { error: failure.message })}\n`;
}
