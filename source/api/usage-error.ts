/**
 * A mistake in how umwatch was invoked or set up, not a failure of the server:
 * a bad URL or fingerprint, a malformed flag value, an empty key, unreadable
 * stdin for `wait -`, a config file that does not parse, a password file that
 * cannot be read. Every mode prints its message (and hint) and exits with the
 * usage status (2). It lives in api/, the lowest layer that throws it, so that
 * config/ can extend it and the one failure describer (present/failure.ts),
 * which may not import config/, still knows every such error by class.
 */
export class UsageError extends Error {
	override readonly name: string = 'UsageError';
	/** One line saying what to do instead; '' when the message says it all. */
	readonly hint: string;
	/**
	 * Whether the command's usage helps after the message: true for a mistake
	 * on the command line, false for one in a file or a password source.
	 */
	readonly showsUsage: boolean;

	constructor(message: string, options: { hint?: string; showsUsage?: boolean } = {}) {
		super(message);
		this.hint = options.hint ?? '';
		this.showsUsage = options.showsUsage ?? true;
	}
}
