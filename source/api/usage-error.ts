/**
 * A mistake in how umwatch was invoked, not a failure of the server: a bad
 * URL or fingerprint, a malformed flag value, an empty key, unreadable stdin
 * for `wait -`. Every mode prints its message and exits with the usage status
 * (2). It lives in api/, the lowest layer that throws it, so that config/,
 * output/ and commands/ all catch the one class.
 */
export class UsageError extends Error {
	override readonly name = 'UsageError';
}
