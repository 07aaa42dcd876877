import { ApiError } from '../api/errors.js';
import { ExitCode, type ExitCodeValue, exitCodeForError } from '../api/exit-codes.js';
import { UsageError } from '../api/usage-error.js';
import { GaveUpError, type GiveUpReason } from '../engine/give-up.js';
import type { ErrorSummary } from '../engine/types.js';
import { t } from '../i18n/t.js';
import { DurationError } from '../time/duration.js';
import { formatDuration } from './duration-format.js';
import { inertText } from './inert-text.js';

/**
 * The one describer of whatever ended umwatch: at start-up (commands/failure),
 * in a script mode (output/report-failure) and in the live view (its error
 * view and the report once the screen is gone). It classifies once (which
 * kind of ending, which exit code) and gives one text form: the message (what
 * happened), the hint (what to do) and, after a give-up, what umwatch did.
 * The parts stay separate values, so a translated catalogue can replace the
 * English templates below without reordering sentences built elsewhere.
 */

/** Which kind of ending a failure is; decides the exit code and what is printed. */
export type FailureClass =
	/** Ctrl-C, a signal or an aborted request: nothing is printed. */
	| 'interrupted'
	/** A mistake in the command line, a file or a password source (exit 2). */
	| 'usage'
	/** Talking to Unified Manager failed (exit 8 to 11). */
	| 'server'
	/** Anything else: a bug in umwatch (exit 1). */
	| 'internal';

/** What umwatch did before it gave up on a failure retrying might still have fixed. */
export interface GaveUp {
	readonly reason: GiveUpReason;
	readonly afterMs: number;
	readonly limitMs: number;
}

/** A failure, classified: every field is already inert (safe for a terminal). */
export interface Failure {
	readonly class: FailureClass;
	readonly code: ExitCodeValue;
	/** What happened, as the error said it; '' for an interruption. */
	readonly message: string;
	/** What to do; '' when the message says it all. */
	readonly hint: string;
	/** Set when umwatch stopped retrying (script modes). */
	readonly gaveUp: GaveUp | null;
	/** Whether the command's usage helps after the message (a command-line mistake). */
	readonly showsUsage: boolean;
}

/**
 * The text form's pieces: the sentences come from the catalogue (present.*,
 * in the language chosen, made when called); the labels `umwatch: ` and
 * `hint: ` stay English in every language, since scripts grep them.
 */
export const FAILURE_TEXT = {
	internal: (detail: string) => t('present.internal', { detail }),
	noAnswer: (after: string) => t('present.noAnswer', { after }),
	waitsAtMost: (limit: string) => t('present.waitsAtMost', { limit }),
	retriedFor: (after: string) => t('present.retriedFor', { after }),
	/** The hint line: the advice, then what umwatch did. */
	hintThenNote: (hint: string, note: string) => [hint, note].filter((p) => p !== '').join(' '),
	/** The stderr lines' labels. */
	messageLabel: 'umwatch: ',
	hintLabel: 'hint: ',
	serverLabel: (server: string) => `${server}: `,
} as const;

function isAbort(error: unknown): boolean {
	return (
		error instanceof Error &&
		(error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR')
	);
}

const INTERRUPTED: Failure = {
	class: 'interrupted',
	code: ExitCode.Interrupted,
	message: '',
	hint: '',
	gaveUp: null,
	showsUsage: false,
};

/** Describes a failure the live view holds (the engine keeps a summary, not the error). */
export function describeSummary(summary: ErrorSummary): Failure {
	if (summary.kind === 'aborted') return INTERRUPTED;
	return {
		class: 'server',
		code: exitCodeForError(summary.kind),
		message: inertText(summary.message),
		hint: inertText(summary.hint),
		gaveUp: null,
		showsUsage: false,
	};
}

/**
 * Classifies whatever ended a command. `signal`: the command's own, when it
 * has one (aborted means interrupted, whatever was thrown).
 */
export function describeFailure(error: unknown, signal?: AbortSignal): Failure {
	if (signal?.aborted || isAbort(error)) return INTERRUPTED;
	if (error instanceof ApiError) {
		const failure = describeSummary(error);
		if (!(error instanceof GaveUpError) || failure.class !== 'server') return failure;
		const { reason, afterMs, limitMs } = error;
		return { ...failure, gaveUp: { reason, afterMs, limitMs } };
	}
	if (error instanceof UsageError || error instanceof DurationError) {
		const usage = error instanceof UsageError ? error : null;
		return {
			class: 'usage',
			code: ExitCode.Usage,
			message: inertText(error.message),
			hint: inertText(usage?.hint ?? ''),
			gaveUp: null,
			showsUsage: usage?.showsUsage ?? true,
		};
	}
	const message = error instanceof Error ? error.message : String(error);
	return {
		class: 'internal',
		code: ExitCode.Internal,
		message: inertText(message),
		hint: '',
		gaveUp: null,
		showsUsage: false,
	};
}

/**
 * What umwatch did before it gave up, in words. The errors' hints say what to
 * do and never promise a retry: only here, where it is known, is it said how
 * long umwatch retried or waited for an answer.
 */
function gaveUpNote(gaveUp: GaveUp): string {
	if (gaveUp.reason === 'no-answer') return FAILURE_TEXT.noAnswer(formatDuration(gaveUp.afterMs));
	if (gaveUp.afterMs < 1000) return FAILURE_TEXT.waitsAtMost(formatDuration(gaveUp.limitMs));
	return FAILURE_TEXT.retriedFor(formatDuration(gaveUp.afterMs));
}

/** The text form every output shows: the message line and the hint line ('' when none). */
export interface FailureText {
	readonly message: string;
	readonly hint: string;
}

/** The message and hint of a failure, as every output shows them. */
export function failureText(failure: Failure): FailureText {
	const message =
		failure.class === 'internal' ? FAILURE_TEXT.internal(failure.message) : failure.message;
	const note = failure.gaveUp === null ? '' : gaveUpNote(failure.gaveUp);
	return { message, hint: FAILURE_TEXT.hintThenNote(failure.hint, note) };
}

/**
 * The failure for standard error, the same at start-up, in scripts and after
 * the live view: `umwatch: MESSAGE`, then `hint: HINT` when there is one;
 * '' for an interruption. `server`: which server failed, when there are several
 * (`umwatch: osaka: MESSAGE`).
 */
export function failureLines(failure: Failure, server?: string): string {
	if (failure.class === 'interrupted') return '';
	const { message, hint } = failureText(failure);
	const about = server === undefined ? '' : FAILURE_TEXT.serverLabel(inertText(server));
	const hintLine = hint === '' ? '' : `${FAILURE_TEXT.hintLabel}${hint}\n`;
	return `${FAILURE_TEXT.messageLabel}${about}${message}\n${hintLine}`;
}
