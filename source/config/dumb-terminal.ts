import { t } from '../i18n/t.js';
import type { Environment } from './paths.js';

/**
 * Whether `TERM` names a terminal without cursor addressing: `dumb` (Emacs's
 * shell buffer, some serial and IDE consoles). There the live view prints the
 * list once instead, and nothing is coloured. A `TERM` that is not set at all
 * does not count: every terminal emulator sets it, so a terminal without it is
 * a stripped environment (`env -i`, a scheduler) in front of a real terminal,
 * where the live view works.
 */
export function isDumbTerminal(env: Environment): boolean {
	return (env.TERM ?? '').trim() === 'dumb';
}

/** The one line on stderr saying why the live view printed the list instead, and what to use. */
export function dumbTerminalNote(): string {
	return t('config.dumbTerminal');
}
