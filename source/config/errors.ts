import { UsageError } from '../api/usage-error.js';

/**
 * A mistake in how umwatch was started: a bad flag value, a missing URL, a
 * config file that does not parse. The command line prints `message`, then
 * `hint` when there is one, then the usage, and exits with the usage code (2).
 * Never carries a password.
 */
export class ConfigError extends UsageError {
	override readonly name: string = 'ConfigError';
	/**
	 * Which usage to show after the message: a subcommand name, or null for the
	 * usage of the command asked for (the short general usage when none was).
	 */
	readonly usage: string | null;

	constructor(message: string, options: { hint?: string; usage?: string | null } = {}) {
		super(message, options.hint === undefined ? {} : { hint: options.hint });
		this.usage = options.usage ?? null;
	}
}

/**
 * A foreseeable failure while gathering credentials or files (an unreadable
 * password file, a password command that failed, no terminal to prompt on).
 * Printed as one message plus hint, never a stack trace, without the usage
 * (the command line was right); exits with the usage code (2).
 */
export class SetupError extends UsageError {
	override readonly name: string = 'SetupError';

	constructor(message: string, hint = '') {
		super(message, { hint, showsUsage: false });
	}
}
