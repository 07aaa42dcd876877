import { t } from '../i18n/t.js';
import { SetupError } from './errors.js';
import { runPasswordCommand } from './password-command.js';
import { readPasswordFile } from './password-file.js';
import type { Environment } from './paths.js';
import { promptHidden } from './prompt.js';
import type { Terminal } from './terminal.js';
import type { PasswordSource } from './types.js';

/** What reading a password may need: the environment, a terminal, a place for warnings. */
export interface PasswordContext {
	readonly env: Environment;
	/** Opens the terminal for the prompt; returns why not as a string when there is none. */
	readonly openTerminal: () => Terminal | string;
	/** Warnings (a password file others can read) go here, one line each. */
	readonly warn: (line: string) => void;
	/** Shown in the prompt: "Password for admin@um.example.com: ". */
	readonly label: string;
	/** The password command's time limit; default 30 s. */
	readonly commandTimeoutMs?: number;
	/** Aborted when umwatch is told to stop (a signal): the password command is ended. */
	readonly signal?: AbortSignal;
}

/**
 * Reads the password from the chosen source. The caller hands it straight to
 * the client and keeps no other copy: it is not stored in the config, printed,
 * logged, or put in an error message.
 */
export async function readPassword(
	source: PasswordSource,
	context: PasswordContext,
): Promise<string> {
	switch (source.kind) {
		case 'environment':
			return context.env.UMWATCH_PASSWORD ?? '';
		case 'file': {
			const { password, warning } = readPasswordFile(source.path);
			if (warning !== null) context.warn(warning);
			return password;
		}
		case 'command':
			return runPasswordCommand(source.command, {
				origin: source.origin,
				...(context.commandTimeoutMs === undefined ? {} : { timeoutMs: context.commandTimeoutMs }),
				...(context.signal === undefined ? {} : { signal: context.signal }),
			});
		case 'prompt':
			return promptOnTerminal(context);
		case 'demo':
			throw new Error('the demo password is generated, not read');
	}
}

async function promptOnTerminal(context: PasswordContext): Promise<string> {
	const terminal = context.openTerminal();
	if (typeof terminal === 'string') {
		throw new SetupError(t('config.noPassword', { reason: terminal }), t('config.noPassword.hint'));
	}
	try {
		const password = await promptHidden(
			terminal.input,
			terminal.output,
			t('config.passwordPrompt', { label: context.label }),
		);
		if (password === '') throw new SetupError(t('config.noPasswordEntered'));
		return password;
	} finally {
		terminal.close();
	}
}
