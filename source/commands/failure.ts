import { ApiError } from '../api/errors.js';
import { ExitCode, exitCodeForError } from '../api/exit-codes.js';
import { UsageError } from '../api/usage-error.js';
import { ConfigError, SetupError } from '../config/errors.js';
import type { Environment } from '../config/paths.js';
import { PromptCancelled } from '../config/prompt.js';
import { inertText } from '../output/safe-text.js';
import { DurationError } from '../time/duration.js';
import { usageFor } from './help.js';

/** How a failure is shown: the lines for standard error and the exit code. */
export interface FailureOutput {
	readonly code: number;
	readonly text: string;
}

/**
 * Describes whatever stopped umwatch before or around a mode. Foreseeable
 * failures (usage, setup, client errors) get one message and a hint; usage
 * errors add the usage of `mode` (the command asked for, when known); anything else is one line, exit 1, with the
 * stack only when UMWATCH_DEBUG is set. No password is ever part of these
 * messages (the config and client layers never put one in).
 */
export function describeStartupFailure(
	error: unknown,
	env: Environment,
	mode: string | null = null,
): FailureOutput {
	if (error instanceof PromptCancelled) return { code: ExitCode.Interrupted, text: '' };
	if (error instanceof ConfigError) {
		const hint = error.hint === '' ? '' : `hint: ${error.hint}\n`;
		return {
			code: ExitCode.Usage,
			text: `umwatch: ${error.message}\n${hint}${usageFor(error.usage ?? mode)}\n`,
		};
	}
	if (error instanceof UsageError || error instanceof DurationError) {
		return {
			code: ExitCode.Usage,
			text: `umwatch: ${inertText(error.message)}\n${usageFor(mode)}\n`,
		};
	}
	if (error instanceof SetupError) {
		return { code: ExitCode.Usage, text: lines(error.message, error.hint) };
	}
	if (error instanceof ApiError) {
		return {
			code: exitCodeForError(error.kind),
			text: lines(inertText(error.message), inertText(error.hint)),
		};
	}
	const message = error instanceof Error ? error.message : String(error);
	const debug =
		(env.UMWATCH_DEBUG ?? '') !== '' && error instanceof Error ? `${error.stack ?? ''}\n` : '';
	return {
		code: ExitCode.Internal,
		text: `umwatch: internal error: ${inertText(message)}\n${debug}`,
	};
}

function lines(message: string, hint: string): string {
	return `umwatch: ${message}\n${hint === '' ? '' : `hint: ${hint}\n`}`;
}
