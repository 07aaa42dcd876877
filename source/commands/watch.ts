import { ApiError } from '../api/errors.js';
import { ExitCode, exitCodeForError, SIGNAL_EXIT_CODES } from '../api/exit-codes.js';
import { SetupError } from '../config/errors.js';
import type { ResolveInput } from '../config/resolve.js';
import { openKeyboard } from '../config/terminal.js';
import type { Config } from '../config/types.js';
import type { ConnectionState, Engine } from '../engine/types.js';
import { t } from '../i18n/t.js';
import type { UiExit } from '../ui/run.js';
import { openConnection, openConnections } from './connect.js';
import type { CommandIo } from './io.js';
import type { Interrupts } from './signals.js';
import { traceStartup } from './startup-trace.js';
import { fleetStartupFailure, startupSettled, watchConnections } from './watch-fleet.js';

/**
 * The live view. Fails fast: the screen switches to full screen only once the
 * first poll has answered, so a wrong password, an untrusted certificate or an
 * unreachable server is one clear message on the normal screen (with its exit
 * code) instead of a screen that can only say "failed"; and the first frame
 * already shows jobs. Ink, React and Yoga load while that poll is in flight.
 * Later failures are the engine's to retry and the header's to show; `r`
 * reconnects with settings read again (`reread`: how `config` was resolved).
 * Several servers (a fleet): the screen starts with the first server that
 * answers well; when every one fails first, each failure is said, named.
 */
export async function runWatch(
	config: Config,
	io: CommandIo,
	interrupts: Interrupts,
	reread?: ResolveInput,
): Promise<number> {
	const keyboard = openKeyboard(io.stdin);
	if (typeof keyboard === 'string') {
		throw new SetupError(
			t('cli.watch.noKeyboard', { reason: keyboard }),
			t('cli.watch.noKeyboard.hint'),
		);
	}
	const several = config.servers.length > 1 || config.demoServers > 1;
	const options = reread ? { reread } : {};
	const connections = await (several
		? openConnections(config, io, options)
		: openConnection(config, io, options).then((one) => [one])
	).catch((error: unknown) => {
		keyboard.close();
		throw error;
	});
	traceStartup('connected');
	const watched = watchConnections(config, connections);
	const engine = watched.engine;
	try {
		engine.start();
		traceStartup('polling');
		const ui = import('../ui/run.js');
		// Awaited below; this only keeps a failed load from being reported twice.
		ui.then(() => traceStartup('ui-loaded')).catch(() => undefined);
		// Several servers: the first to answer well starts the screen; the others show "connecting".
		const first = await firstAnswer(engine, io.signal);
		traceStartup('first-answer');
		if (io.signal.aborted) return interrupts.exitCode() ?? ExitCode.Interrupted;
		const refused = refuseStart(first, engine, io);
		if (refused !== null) return refused;
		const { runWatchUi } = await ui;
		// From here the screen owns the signals and restores the terminal itself.
		interrupts.dispose();
		traceStartup('ui-start');
		const exit = await runWatchUi({
			engine,
			host: watched.host,
			insecure: watched.insecure,
			color: config.color,
			ascii: config.ascii,
			stdin: keyboard.input,
			stdout: io.stdout,
			stderr: io.stderr,
			...(watched.reconnector === null ? {} : { reconnector: watched.reconnector }),
			bell: config.notify.bell,
			desktopNotify: config.notify.desktopNotify,
			title: config.notify.title,
			env: { TMUX: io.env.TMUX },
			...(config.output.sort === null ? {} : { sort: config.output.sort }),
		});
		io.stdout.write(`${exit.summary}\n`);
		// The header cut it at the width: the whole failure, once the screen is gone.
		if (exit.failure !== undefined) io.stderr.write(exit.failure);
		return exitCodeOf(exit, engine);
	} finally {
		await engine.stop();
		keyboard.close();
		await Promise.all(connections.map((connection) => connection.close()));
	}
}

/**
 * Start-up without a server that answered well: several servers' failures
 * each said, named, with the first one's exit code; one server's thrown as
 * its error (the start-up describer says it). Null when the screen may start.
 */
function refuseStart(first: ConnectionState, engine: Engine, io: CommandIo): number | null {
	if (first.kind === 'live') return null;
	const failed = fleetStartupFailure(engine.getSnapshot());
	if (failed !== null) {
		io.stderr.write(failed.text);
		return failed.code;
	}
	if (first.kind !== 'failed' && first.kind !== 'retrying') return null;
	const summary = first.kind === 'failed' ? first.error : first.lastError;
	throw new ApiError(summary.kind, summary.message, { hint: summary.hint });
}

/**
 * The exit code once the screen has ended. Quitting while the engine had
 * given up (e.g. the password was changed) tells scripts why; a fleet has
 * given up only when every server has, so q exits 0 while any one is live.
 */
function exitCodeOf(exit: UiExit, engine: Engine): number {
	if (exit.reason === 'signal') return SIGNAL_EXIT_CODES[exit.signal ?? 'SIGINT'];
	if (exit.reason === 'error') return ExitCode.Internal;
	const connection = engine.getSnapshot().connection;
	return connection.kind === 'failed' ? exitCodeForError(connection.error.kind) : ExitCode.Normal;
}

/**
 * Resolves with the engine's connection state once its first poll has
 * answered, well or badly (after the quick retries inside that poll), or when
 * `signal` aborts. For a fleet: once one server answered well, or every
 * server has answered badly ({@link startupSettled}).
 */
function firstAnswer(engine: Engine, signal: AbortSignal): Promise<ConnectionState> {
	return new Promise((resolve) => {
		const check = (): void => {
			const snapshot = engine.getSnapshot();
			const state = snapshot.connection;
			if (!startupSettled(snapshot) && !signal.aborted) return;
			unsubscribe();
			signal.removeEventListener('abort', check);
			resolve(state);
		};
		const unsubscribe = engine.subscribe(check);
		signal.addEventListener('abort', check);
		check();
	});
}
