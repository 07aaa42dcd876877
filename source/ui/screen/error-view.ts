import { isFatal } from '../../api/errors.js';
import type { ConnectionState, ErrorSummary } from '../../engine/types.js';
import { t } from '../../i18n/t.js';
import { describeSummary, failureText } from '../../present/failure.js';
import { displayWidth, wrap } from '../../present/text-width.js';
import type { Glyphs } from '../../present/theme.js';
import type { TerminalSize } from '../use-terminal-size.js';
import type { Screen } from './screen.js';
import type { Line } from './segments.js';

/**
 * The failure the connection state carries, or null when there is none: the
 * one that stopped polling, the last one while retrying, or a refresh asked
 * for while paused that failed.
 */
export function lastFailure(connection: ConnectionState): ErrorSummary | null {
	switch (connection.kind) {
		case 'failed':
			return connection.error;
		case 'retrying':
			return connection.lastError;
		case 'paused':
			return connection.lastError ?? null;
		default:
			return null;
	}
}

/**
 * Like `wrap`, but a line may also break after a colon, so a fingerprint wider
 * than the terminal breaks between its byte pairs (`…:4F:` / `A0:…`), not
 * inside one. What is still too wide (Japanese text) is left to `wrap`.
 */
function wrapAtColons(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const token of text.split(/(?<=[ :])/)) {
		if (displayWidth((line + token).trimEnd()) <= width) {
			line += token;
			continue;
		}
		if (line.trim() !== '') lines.push(line.trimEnd());
		line = token.trimStart();
		if (displayWidth(line.trimEnd()) <= width) continue;
		const pieces = wrap(line, width);
		lines.push(...pieces.slice(0, -1));
		line = `${pieces.at(-1) ?? ''}${token.endsWith(' ') ? ' ' : ''}`;
	}
	if (line.trim() !== '') lines.push(line.trimEnd());
	return lines;
}

/** Wraps `text` to `width` with `indent` before every line. */
function wrapped(text: string, width: number, indent: string): string[] {
	return wrapAtColons(text, Math.max(1, width - indent.length)).map((line) => indent + line);
}

/**
 * The failure in full, wrapped to `width` (never cut: the header's one line is,
 * and a changed certificate's new fingerprint and the advice sit at its end),
 * then what to do, then what `r` does about it.
 */
export function errorLines(error: ErrorSummary, width: number, glyphs: Glyphs): Line[] {
	const lines: Line[] = [];
	// The same message and hint as every other output prints for this failure.
	const { message, hint } = failureText(describeSummary(error));
	const [first = '', ...rest] = wrapped(message, width - 1, '   ');
	lines.push([{ text: ` ${glyphs.states.ERROR}`, color: 'red' }, { text: first.slice(2) }]);
	for (const text of rest) lines.push([{ text }]);
	if (hint !== '') {
		lines.push([], [{ text: ` ${t('ui.error.whatToDo')}`, bold: true }]);
		for (const text of wrapped(hint, width - 1, '   ')) lines.push([{ text }]);
	}
	const next = isFatal(error) ? t('ui.error.fatal') : t('ui.error.retrying');
	lines.push([]);
	for (const text of wrapped(next, width - 1, ' ')) lines.push([{ text, color: 'gray' }]);
	return lines;
}

/** The error view's frame: the title, the failure scrolled to fit, and the footer. */
export function errorScreen(
	view: { readonly error: ErrorSummary; readonly scroll: number },
	title: Line,
	size: TerminalSize,
	footer: Line,
	glyphs: Glyphs,
): Screen {
	return scrolledLines(errorLines(view.error, size.columns - 1, glyphs), view.scroll, {
		title,
		size,
		footer,
	});
}

/** A title, `lines` scrolled to `scroll` within what the terminal holds, and the footer. */
export function scrolledLines(
	lines: readonly Line[],
	scroll: number,
	frame: { readonly title: Line; readonly size: TerminalSize; readonly footer: Line },
): Screen {
	const { title, size, footer } = frame;
	const bodyRows = Math.max(1, size.rows - 1 - 2);
	const maxScroll = Math.max(0, lines.length - bodyRows);
	const from = Math.min(scroll, maxScroll);
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
