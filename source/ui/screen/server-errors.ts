import type { ErrorSummary } from '../../engine/types.js';
import type { Glyphs } from '../../present/theme.js';
import type { ServerConnection } from '../use-recovery.js';
import type { TerminalSize } from '../use-terminal-size.js';
import { errorLines, errorScreen, lastFailure } from './error-view.js';
import type { Screen } from './screen.js';
import type { Line } from './segments.js';
import type { ServerFailure } from './ui-state.js';

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
	const bodyRows = Math.max(1, size.rows - 1 - 2);
	const maxScroll = Math.max(0, lines.length - bodyRows);
	const from = Math.min(view.scroll, maxScroll);
	return {
		top: [title],
		list: null,
		body: lines.slice(from, from + bodyRows),
		footer,
		bodyRows,
		maxScroll,
		visibleJobs: [],
		relativeTimes: [],
	};
}
