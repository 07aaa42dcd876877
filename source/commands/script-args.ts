import { ConfigError } from '../config/errors.js';
import { t } from '../i18n/t.js';

/** The scripting commands. */
export type ScriptCommand = 'list' | 'show' | 'wait' | 'events';

/** Checks the words after a script command before anything connects (a usage error is cheap). */
export function checkScriptArgs(command: ScriptCommand, args: readonly string[]): void {
	const wantsKey = command === 'show' || command === 'wait';
	if (wantsKey && args.length === 0) {
		throw new ConfigError(
			command === 'wait' ? t('cli.waitNeedsKey') : t('cli.needsKey', { command }),
			{
				usage: command,
			},
		);
	}
	// `wait KEY KEY …` waits for them all; `show` shows one job.
	const extra = command === 'wait' ? [] : args.slice(wantsKey ? 1 : 0);
	if (extra.length > 0) {
		throw new ConfigError(t('cli.unexpected', { word: extra[0] ?? '', command }), {
			usage: command,
		});
	}
}
