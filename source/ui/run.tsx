import { type Instance, render } from 'ink';
import type { WatchEngine } from '../engine/engine.js';
import { t } from '../i18n/t.js';
import type { SortOrder } from '../present/sort.js';
import { ASCII_GLYPHS, UNICODE_GLYPHS } from '../present/theme.js';
import { formatLiveDuration } from '../present/time-format.js';
import { type Clock, systemClock } from '../time/clock.js';
import { App } from './App.js';
import { Alerts } from './alerts/alerts.js';
import { followWindowTitle } from './alerts/window-title.js';
import { serversExitSummary } from './screen/server-summary.js';
import { exitSummary, failureReport, type UiExitReason } from './screen/summary.js';
import { createInputDecoder } from './terminal/input-decoder.js';
import { createKeyHub } from './terminal/key-source.js';
import { INK_RENDER_MODE, terminalOutput } from './terminal/terminal-output.js';
import {
	openTerminalSession,
	type SessionEnd,
	type SessionProcess,
	type SessionSignal,
} from './terminal/terminal-session.js';
import type { Reconnector } from './use-recovery.js';

/** Options of {@link runWatchUi}. */
export interface WatchUiOptions {
	/** The engine to show; the caller starts it and stops it after the promise resolves. */
	readonly engine: WatchEngine;
	/** The server's host name, for the header and the summary. */
	readonly host: string;
	/** TLS checks are off: the header says so on every frame. */
	readonly insecure: boolean;
	/** False for NO_COLOR or --no-color: no colour escape codes at all. */
	readonly color: boolean;
	/** Plain ASCII glyphs instead of Unicode ones. */
	readonly ascii?: boolean;
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WriteStream;
	/** Timers and time together; defaults to the system clock (tests inject a fake). */
	readonly timers?: Clock;
	/** Where signals are listened for; defaults to the real process (tests inject a fake). */
	readonly process?: SessionProcess;
	/** What `r` uses to fix a failed login or certificate; none for the demo. */
	readonly reconnector?: Reconnector;
	/** `--bell`: ring the bell when a job fails live or a marked job ends (`b` toggles). */
	readonly bell?: boolean;
	/** `--desktop-notify`: OSC 9 and OSC 777 notifications for the same (`B` toggles). */
	readonly desktopNotify?: boolean;
	/** Keep the window title on the counts (pushed at start, popped on the way out); false for `--no-title`. */
	readonly title?: boolean;
	/** The order the list starts in (`--sort`); default newest first. */
	readonly sort?: SortOrder;
	/** The environment the terminal is reached through: $TMUX set means inside tmux. */
	readonly env?: Readonly<Record<string, string | undefined>>;
}

/** How the watch screen ended. */
export interface UiExit {
	readonly reason: UiExitReason;
	/** One line for the CLI to print after the screen is gone. */
	readonly summary: string;
	/** The signal, when `reason` is 'signal' and one caused it. */
	readonly signal?: SessionSignal;
	/** The error, when `reason` is 'error'. */
	readonly error?: unknown;
	/** The failure the view ended with, in full, for standard error; absent when none. */
	readonly failure?: string;
}

type Ending = Omit<UiExit, 'summary' | 'failure'>;

function endToExit(end: SessionEnd): Ending {
	if (end.reason === 'signal') return { reason: 'signal', signal: end.signal };
	if (end.reason === 'output-closed') return { reason: 'signal', signal: 'SIGHUP' };
	return { reason: 'error', error: end.error };
}

function describe(exit: Ending): string | undefined {
	if (exit.signal) return exit.signal;
	if (exit.error instanceof Error) return exit.error.message;
	return exit.error === undefined ? undefined : String(exit.error);
}

/**
 * Runs the live watch screen until the user quits, a signal arrives or an
 * error escapes, and resolves with how it ended. The terminal is restored
 * (main screen, cursor, cooked input) before the promise resolves, on every path.
 */
export function runWatchUi(options: WatchUiOptions): Promise<UiExit> {
	const clock = options.timers ?? systemClock;
	const startedAt = clock.now();
	const hub = createKeyHub();
	const decoder = createInputDecoder((key) => hub.emit(key), clock);
	const title = options.title ?? false;
	// Straight to the terminal, never through Ink: each write lands between two frames.
	const writeOut = (data: string): void => {
		options.stdout.write(data);
	};
	const alerts = new Alerts({
		bell: options.bell ?? false,
		desktop: options.desktopNotify ?? false,
		tmux: (options.env?.TMUX ?? '') !== '',
		severalServers: () => (options.engine.getSnapshot().servers ?? []).length >= 2,
		write: writeOut,
		startedAt,
	});
	return new Promise<UiExit>((resolve) => {
		let instance: Instance | undefined;
		let finished = false;
		const unfollow: (() => void)[] = [];
		const finish = (exit: Ending): void => {
			if (finished) return;
			finished = true;
			for (const stop of unfollow) stop();
			decoder.dispose();
			try {
				instance?.unmount();
			} catch {
				// Unmounting a tree that failed can throw again; the terminal is restored regardless.
			}
			session.restore();
			const elapsed = clock.now() - startedAt;
			let summary: string;
			let failure: string | null = null;
			try {
				const snapshot = options.engine.getSnapshot();
				const servers = snapshot.servers ?? [];
				summary =
					servers.length >= 2
						? serversExitSummary(
								{ jobs: snapshot.jobs, servers },
								elapsed,
								exit.reason,
								options.ascii ? ASCII_GLYPHS : UNICODE_GLYPHS,
								describe(exit),
							)
						: exitSummary(options.host, snapshot, elapsed, exit.reason, describe(exit));
				failure = failureReport(snapshot.connection);
			} catch {
				// The summary must not keep the caller from ever hearing how the screen ended.
				const duration = formatLiveDuration(elapsed);
				summary = t('ui.summary.fallback', { host: options.host, duration });
			}
			resolve({ ...exit, summary, ...(failure === null ? {} : { failure }) });
		};
		const session = openTerminalSession({
			stdin: options.stdin,
			stdout: options.stdout,
			process: options.process ?? process,
			onInput: (chunk) => decoder.push(chunk),
			onEnd: (end) => finish(endToExit(end)),
			title,
		});
		unfollow.push(alerts.attach(options.engine));
		if (title) unfollow.push(followWindowTitle(options.engine, options.host, writeOut));
		const output = terminalOutput(options.stdout);
		try {
			instance = render(
				<App
					engine={options.engine}
					host={options.host}
					insecure={options.insecure}
					color={options.color}
					ascii={options.ascii ?? false}
					keys={hub}
					stdout={options.stdout}
					clock={clock}
					alerts={alerts}
					onQuit={() => finish({ reason: 'quit' })}
					{...(options.reconnector === undefined ? {} : { reconnector: options.reconnector })}
					{...(options.sort === undefined ? {} : { sort: options.sort })}
				/>,
				{
					...INK_RENDER_MODE,
					stdout: output.stdout,
					onRender: output.onRender,
					stdin: options.stdin,
					stderr: options.stderr,
					exitOnCtrlC: false,
					patchConsole: false,
				},
			);
			instance.waitUntilExit().catch((error: unknown) => finish({ reason: 'error', error }));
		} catch (error) {
			finish({ reason: 'error', error });
		}
	});
}
