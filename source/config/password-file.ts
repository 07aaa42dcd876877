import { readFileSync, statSync } from 'node:fs';
import { t } from '../i18n/t.js';
import { errorCode } from './config-file.js';
import { SetupError } from './errors.js';
import { octal, readableByOthers } from './permissions.js';

/** The password as read, plus a warning to print on stderr when the file is too open. */
export interface FilePassword {
	readonly password: string;
	readonly warning: string | null;
}

/**
 * Reads the first line of a password file (a trailing `\n` or `\r\n` removed).
 * An unreadable or empty file is a {@link SetupError} that names the file
 * and the errno code, never anything from inside it.
 */
export function readPasswordFile(path: string): FilePassword {
	let text: string;
	let mode: number;
	try {
		text = readFileSync(path, 'utf8');
		mode = statSync(path).mode;
	} catch (error) {
		throw new SetupError(
			t('config.passwordFileUnreadable', { path, code: errorCode(error) }),
			t('config.passwordFileUnreadable.hint'),
		);
	}
	const end = text.indexOf('\n');
	const line = end === -1 ? text : text.slice(0, end);
	const password = line.endsWith('\r') ? line.slice(0, -1) : line;
	if (password === '') {
		throw new SetupError(
			t('config.passwordFileEmpty', { path }),
			t('config.passwordFileEmpty.hint'),
		);
	}
	const warning = readableByOthers(mode)
		? t('config.passwordFileReadable', { path, mode: octal(mode) })
		: null;
	return { password, warning };
}
