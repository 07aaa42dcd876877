import { ConfigError } from '../config/errors.js';
import { type ResolveInput, resolveConfig } from '../config/resolve.js';
import { type Config, isCommandName } from '../config/types.js';
import { t } from '../i18n/t.js';
import { openConnections } from './connect.js';
import { describeStartupFailure } from './failure.js';
import { checkFlags } from './flags.js';
import type { CommandIo } from './io.js';
import { checkScriptArgs } from './script-args.js';
import type { Interrupts } from './signals.js';
import { traceStartup } from './startup-trace.js';

/** What the command line hands over after parsing argv. */
export interface MainInput {
	/** The flags as the parser produced them (checked here). */
	readonly flags: Readonly<Record<string, unknown>>;
	/** The words that are not flags. */
	readonly positionals: readonly string[];
	readonly io: CommandIo;
	readonly interrupts: Interrupts;
}

/**
 * Resolves the config, picks the mode, runs it, and resolves to the exit
 * code. Every failure is printed here (or by the mode) as a message and a
 * hint; nothing escapes as a stack trace. A signal ends the run quietly with
 * 130, 143 or 129.
 */
export async function runMain(input: MainInput): Promise<number> {
	const { io, interrupts } = input;
	traceStartup('main');
	try {
		const resolved: ResolveInput = {
			flags: checkFlags(input.flags),
			positionals: input.positionals,
			env: io.env,
			stdoutIsTty: io.stdout.isTTY === true,
		};
		const config = resolveConfig(resolved);
		for (const warning of config.warnings) io.stderr.write(`umwatch: ${warning}\n`);
		traceStartup('config');
		const code = await runCommand(config, io, interrupts, resolved);
		return interrupts.exitCode() ?? code;
	} catch (error) {
		const signalled = interrupts.exitCode();
		if (signalled !== null) return signalled;
		const failure = describeStartupFailure(error, io.env, requestedMode(input.positionals));
		io.stderr.write(failure.text);
		return failure.code;
	}
}

function runCommand(
	config: Config,
	io: CommandIo,
	interrupts: Interrupts,
	resolved: ResolveInput,
): Promise<number> {
	switch (config.command) {
		case 'simulate':
			noArgs(config);
			return import('./simulate.js').then((m) => m.runSimulate(config.simulate, io, interrupts));
		case 'trust':
			noArgs(config);
			return import('./trust.js').then((m) => m.runTrust(config, io));
		case 'watch':
			return runWatchLazily(config, io, interrupts, resolved);
		default:
			return runScriptCommand(config.command, config, io);
	}
}

// Each mode loads only what it needs (split chunks): Ink and React only for the
// live view, the simulator only for the demo and `simulate`.
async function runWatchLazily(
	config: Config,
	io: CommandIo,
	interrupts: Interrupts,
	resolved: ResolveInput,
): Promise<number> {
	const { runWatch } = await import('./watch.js');
	// `r` in the live view resolves the config again from a fresh read of the file.
	return runWatch(config, io, interrupts, resolved);
}

async function runScriptCommand(
	command: 'list' | 'show' | 'wait' | 'events',
	config: Config,
	io: CommandIo,
): Promise<number> {
	checkScriptArgs(command, config.args);
	const [connections, { runScript }] = await Promise.all([
		openConnections(config, io),
		import('./scripts.js'),
	]);
	try {
		return await runScript(command, config, connections, io);
	} finally {
		await Promise.all(connections.map((connection) => connection.close()));
	}
}

/** The mode the words ask for, for picking the usage to show after a usage error. */
function requestedMode(positionals: readonly string[]): string {
	return positionals.slice(0, 2).find((word) => isCommandName(word)) ?? 'watch';
}

function noArgs(config: Config): void {
	const extra = config.args[0];
	if (extra !== undefined) {
		throw new ConfigError(t('cli.unexpected', { word: extra, command: config.command }), {
			usage: config.command,
		});
	}
}
