/**
 * The user asked for something umwatch cannot do as written (a malformed
 * duration, an empty key, unreadable stdin for `wait -`). The scripting modes
 * print the message and exit with code 2; the CLI may throw it too.
 */
export class UsageError extends Error {
	override readonly name = 'UsageError';
}
