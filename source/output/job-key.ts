import { UsageError } from '../api/usage-error.js';
import { inertText } from './safe-text.js';

/** Real keys are a few dozen characters; anything far longer is not a key. */
const MAX_KEY_LENGTH = 512;

/**
 * Checks a job key given on the command line or read from stdin and returns it
 * trimmed. AIQUM keys are opaque (`06a6148bf9e862df:-2611856e:16e8d47e722:-7f87`),
 * so only what cannot be a key is refused: empty, whitespace or control
 * characters inside, or absurd length. Throws {@link UsageError}.
 */
export function checkJobKey(key: string, source = 'KEY'): string {
	const trimmed = key.trim();
	if (trimmed === '')
		throw new UsageError(
			`${source} is empty: give a job key such as 06a6148bf9e862df:-2611856e:16e8d47e722:-7f87`,
		);
	if (trimmed.length > MAX_KEY_LENGTH) {
		throw new UsageError(`${source} is ${trimmed.length} characters long, too long for a job key`);
	}
	if (
		/[\s\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u.test(
			trimmed,
		)
	) {
		const shown = inertText(trimmed).slice(0, 60);
		throw new UsageError(
			`${source} ${JSON.stringify(shown)} contains spaces or control characters; a job key has none`,
		);
	}
	return trimmed;
}
