/**
 * A mistake in how umwatch was started: a bad flag value, a missing URL, a
 * config file that does not parse. The command line prints `message`, then
 * `hint` when there is one, and exits with the usage code (2). Never carries a
 * password.
 */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';
	/** One line saying what to do instead; '' when the message says it all. */
	readonly hint: string;
	/**
	 * Which usage to show after the message: a subcommand name, or null for the
	 * short general usage.
	 */
	readonly usage: string | null;

	constructor(message: string, options: { hint?: string; usage?: string | null } = {}) {
		super(message);
		this.hint = options.hint ?? '';
		this.usage = options.usage ?? null;
	}
}

/**
 * A foreseeable failure while gathering credentials or files (an unreadable
 * password file, a password command that failed, no terminal to prompt on).
 * Printed as one message plus hint, never a stack trace. Which exit code it
 * maps to is the command line's decision.
 */
export class SetupError extends Error {
	override readonly name = 'SetupError';
	readonly hint: string;

	constructor(message: string, hint = '') {
		super(message);
		this.hint = hint;
	}
}
