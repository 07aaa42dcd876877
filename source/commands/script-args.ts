import { ConfigError } from '../config/errors.js';

/** The scripting commands. */
export type ScriptCommand = 'list' | 'show' | 'wait' | 'events';

/** Checks the words after a script command before anything connects (a usage error is cheap). */
export function checkScriptArgs(command: ScriptCommand, args: readonly string[]): void {
	const wantsKey = command === 'show' || command === 'wait';
	if (wantsKey && args.length === 0) {
		throw new ConfigError(
			`${command} needs a job key${command === 'wait' ? " (or '-' to read a 202 body from stdin)" : ''}`,
			{
				usage: command,
			},
		);
	}
	const extra = args.slice(wantsKey ? 1 : 0);
	if (extra.length > 0) {
		throw new ConfigError(`unexpected "${extra[0]}" after ${command}`, { usage: command });
	}
}
