import { ExitCode } from '../api/exit-codes.js';
import { ConfigError } from '../config/errors.js';
import type { Environment } from '../config/paths.js';
import { PromptCancelled } from '../config/prompt.js';
import { describeFailure, failureLines } from '../present/failure.js';
import { usageFor } from './help.js';

/** How a failure is shown: the lines for standard error and the exit code. */
export interface FailureOutput {
	readonly code: number;
	readonly text: string;
}

/**
 * Describes whatever stopped umwatch before or around a mode, with the one
 * describer every output uses (present/failure.ts): `umwatch: MESSAGE`, then
 * `hint: HINT`. A command-line mistake adds the usage of `mode` (the command
 * asked for, when known; a config error may name another); an internal error's
 * stack follows only when UMWATCH_DEBUG is set. No password is ever part of
 * these messages (the config and client layers never put one in).
 */
export function describeStartupFailure(
	error: unknown,
	env: Environment,
	mode: string | null = null,
): FailureOutput {
	// Ctrl-C at the password prompt (config/, which the describer may not import): quiet, 130.
	if (error instanceof PromptCancelled) return { code: ExitCode.Interrupted, text: '' };
	const failure = describeFailure(error);
	let text = failureLines(failure);
	if (failure.showsUsage) {
		text += `${usageFor((error instanceof ConfigError ? error.usage : null) ?? mode)}\n`;
	}
	if (failure.class === 'internal' && (env.UMWATCH_DEBUG ?? '') !== '' && error instanceof Error) {
		text += `${error.stack ?? ''}\n`;
	}
	return { code: failure.code, text };
}
