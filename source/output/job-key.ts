import { UsageError } from '../api/usage-error.js';
import { t } from '../i18n/t.js';
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
	if (trimmed === '') throw new UsageError(t('output.key.empty', { source }));
	if (trimmed.length > MAX_KEY_LENGTH) {
		throw new UsageError(t('output.key.tooLong', { source, length: trimmed.length }));
	}
	if (
		/[\s\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u.test(
			trimmed,
		)
	) {
		const shown = inertText(trimmed).slice(0, 60);
		throw new UsageError(t('output.key.badCharacters', { source, shown: JSON.stringify(shown) }));
	}
	return trimmed;
}
