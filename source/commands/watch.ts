import { SetupError } from '../config/errors.js';
import { openKeyboard } from '../config/terminal.js';
import type { Config } from '../config/types.js';
import { createEngine } from '../engine/index.js';
import { ExitCode, exitCodeForError, SIGNAL_EXIT_CODES } from '../output/exit-codes.js';
import { runWatchUi } from '../ui/run.js';
import { openConnection } from './connect.js';
import type { CommandIo } from './io.js';
import type { Interrupts } from './signals.js';

/**
 * The live view. Fails fast: one small request is made before the screen
 * switches to full screen, so a wrong password, an untrusted certificate or
 * an unreachable server is one clear message on the normal screen (with its
 * exit code) instead of a screen that can only say "failed". Later failures
 * are the engine's to retry and the header's to show.
 */
export async function runWatch(
	config: Config,
	io: CommandIo,
	interrupts: Interrupts,
): Promise<number> {
	const keyboard = openKeyboard(io.stdin);
	if (typeof keyboard === 'string') {
		throw new SetupError(
			`the live view needs a terminal to read keys from: ${keyboard}`,
			"use 'umwatch list' or 'umwatch events' in scripts",
		);
	}
	const connection = await openConnection(config, io).catch((error: unknown) => {
		keyboard.close();
		throw error;
	});
	try {
		await connection.client.listJobsPage({ maxRecords: 1, signal: io.signal });
		if (io.signal.aborted) return interrupts.exitCode() ?? ExitCode.Interrupted;
		// From here the screen owns the signals and restores the terminal itself.
		interrupts.dispose();
		const engine = createEngine({
			client: connection.client,
			intervalMs: config.intervalMs,
			...(config.maxJobs === null ? {} : { maxJobs: config.maxJobs }),
		});
		engine.start();
		const exit = await runWatchUi({
			engine,
			host: connection.host,
			insecure: connection.insecure,
			color: config.color,
			ascii: config.ascii,
			stdin: keyboard.input,
			stdout: io.stdout,
			stderr: io.stderr,
		});
		await engine.stop();
		io.stdout.write(`${exit.summary}\n`);
		if (exit.reason === 'signal') return SIGNAL_EXIT_CODES[exit.signal ?? 'SIGINT'];
		if (exit.reason === 'error') return ExitCode.Internal;
		// Quitting while the engine had given up (e.g. the password was changed) tells scripts why.
		const connectionState = engine.getSnapshot().connection;
		return connectionState.kind === 'failed'
			? exitCodeForError(connectionState.error.kind)
			: ExitCode.Normal;
	} finally {
		keyboard.close();
		await connection.close();
	}
}
