import { isFatal } from '../../api/errors.js';
import type { ConnectionState, ErrorSummary } from '../../engine/types.js';
import type { Glyphs } from '../../present/theme.js';
import type { TerminalSize } from '../use-terminal-size.js';
import { errorLines, errorScreen, lastFailure, scrolledLines } from './error-view.js';
import type { Screen } from './screen.js';
import type { Line } from './segments.js';
import type { ServerFailure } from './ui-state.js';

/** One server of several, as far as recovery cares. */
export interface ServerConnection {
	readonly name: string;
	readonly connection: ConnectionState;
}

/**
 * Whether polling is paused: the connection says so, or, with several
 * servers, every one of them does (however the fleet sums paused members up).
 */
export function isPaused(
	connection: ConnectionState,
	servers: readonly ServerConnection[] = [],
): boolean {
	if (connection.kind === 'paused') return true;
	return servers.length >= 2 && servers.every((server) => server.connection.kind === 'paused');
}

/**
 * The failure `r` must fix before polling helps: the first server's that
 * retrying cannot fix, else the connection's own; null when there is none.
 * The reconnector the command passes knows which servers to reconnect.
 */
export function failureToFix(
	connection: ConnectionState,
	servers: readonly ServerConnection[] = [],
): ErrorSummary | null {
	for (const server of servers) {
		const failure = lastFailure(server.connection);
		if (failure !== null && isFatal(failure)) return failure;
	}
	return lastFailure(connection);
}

/** Each server's failure (failed, retrying, or a refresh failed while paused), named, in order. */
export function serverFailures(servers: readonly ServerConnection[]): ServerFailure[] {
	const failures: ServerFailure[] = [];
	for (const server of servers) {
		const error = lastFailure(server.connection);
		if (error !== null) failures.push({ server: server.name, error });
	}
	return failures;
}

/**
 * The error view with several servers: every failed server's failure in
 * full under its name, one after the other; with none named, the one error
 * as for a single server.
 */
export function serverErrorScreen(
	view: {
		readonly error: ErrorSummary;
		readonly scroll: number;
		readonly failures?: readonly ServerFailure[];
	},
	title: Line,
	size: TerminalSize,
	footer: Line,
	glyphs: Glyphs,
): Screen {
	const failures = view.failures ?? [];
	if (failures.length === 0) return errorScreen(view, title, size, footer, glyphs);
	const lines: Line[] = [];
	for (const failure of failures) {
		if (lines.length > 0) lines.push([]);
		lines.push([{ text: ` ${failure.server}`, bold: true }]);
		lines.push(...errorLines(failure.error, size.columns - 1, glyphs));
	}
	return scrolledLines(lines, view.scroll, { title, size, footer });
}
