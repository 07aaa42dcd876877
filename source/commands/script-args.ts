import { ConfigError } from '../config/errors.js';

/** The scripting commands. */
export type ScriptCommand = 'list' | 'show' | 'wait' | 'events';

/** Checks the words after a script command before anything connects (a usage error is cheap). */
export function checkScriptArgs(command: ScriptCommand, args: readonly string[]): void {
	const wantsKey = command === 'show' || command === 'wait';
	if (wantsKey && args.length === 0) {
		throw new ConfigError(
			`${command} needs a job key${command === 'wait' ? " (or '-' to read 202 bodies or keys from stdin)" : ''}`,
			{
				usage: command,
			},
		);
	}
	// `wait KEY KEY …` waits for them all; `show` shows one job.
	const extra = command === 'wait' ? [] : args.slice(wantsKey ? 1 : 0);
	if (extra.length > 0) {
		throw new ConfigError(`unexpected "${extra[0]}" after ${command}`, { usage: command });
	}
}
