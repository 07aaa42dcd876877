import { DISPLAY_STATES, type DisplayState } from '../../api/job.js';
import type { ConnectionState } from '../../engine/types.js';
import { t } from '../../i18n/t.js';
import { type Glyphs, stateStyle } from '../../present/theme.js';
import { formatAge, formatClockMinute, formatFinalDuration } from '../../present/time-format.js';
import { type Line, lineWidth, type Segment, spread } from './segments.js';

/** Everything the header shows. */
export interface HeaderInput {
	readonly host: string;
	readonly serverVersion: string | null;
	/** Replaces host and version on the left, e.g. "umwatch › Create File Share". */
	readonly title?: string;
	readonly counts: Readonly<Record<DisplayState, number>>;
	readonly connection: ConnectionState;
	/** Exact time of the last success, or null. */
	readonly lastSuccessAt: number | null;
	readonly stale: boolean;
	readonly now: number;
	readonly insecure: boolean;
	readonly skippedRecords: number;
	/** A problem in the last poll that did not fail it, one line; shown as a warning. */
	readonly pollWarning?: string | null;
	/**
	 * The start of a list poll that has gone unanswered for longer than one
	 * interval, or null: the header then says what it waits for, counting up.
	 */
	readonly waitingSince?: number | null;
	readonly glyphs: Glyphs;
	readonly width: number;
}

/** Seconds until `at`, rounded up, never negative. */
export function secondsUntil(at: number, now: number): number {
	return Math.max(0, Math.ceil((at - now) / 1000));
}

function staleAge(input: HeaderInput): string {
	return input.lastSuccessAt === null ? '' : formatAge(input.now - input.lastSuccessAt);
}

/** `stale 2m`: the data is old, and how old. */
function staleText(input: HeaderInput): string {
	return t('ui.header.stale', { time: staleAge(input) }).trimEnd();
}

/** `waiting for an answer for 45s` while a poll overruns, else null. */
function waitingText(input: HeaderInput): string | null {
	const since = input.waitingSince ?? null;
	return since === null
		? null
		: t('ui.header.waiting', { time: formatFinalDuration(input.now - since) });
}

/** The connection status, short, for the right of the first line. */
export function statusSegments(input: HeaderInput): Segment[] {
	const { connection, glyphs } = input;
	const waiting = waitingText(input);
	// A hung server: say what the screen waits for, not only (much later) "stale".
	if (waiting !== null && (connection.kind === 'live' || connection.kind === 'connecting')) {
		return [{ text: `${glyphs.down} ${waiting}`, color: 'yellow' }];
	}
	const staleNote: Segment[] =
		input.stale && connection.kind !== 'live'
			? [{ text: ` ${glyphs.separator} ${staleText(input)}`, color: 'yellow' }]
			: [];
	switch (connection.kind) {
		case 'connecting':
			return [
				{
					text: `${glyphs.down} ${t('ui.header.connecting', { ellipsis: glyphs.ellipsis })}`,
					color: 'gray',
				},
			];
		case 'live':
			if (input.stale) return [{ text: `${glyphs.down} ${staleText(input)}`, color: 'yellow' }];
			return [
				{ text: glyphs.live, color: 'green' },
				{
					text: ` ${
						input.lastSuccessAt === null
							? t('ui.header.live')
							: t('ui.header.liveAt', { time: formatClockMinute(input.lastSuccessAt) })
					}`,
				},
			];
		case 'retrying':
			return [{ text: `${glyphs.down} ${t('ui.header.retrying')}`, color: 'yellow' }, ...staleNote];
		case 'paused':
			return [{ text: `${glyphs.down} ${t('ui.header.paused')}`, color: 'yellow' }, ...staleNote];
		case 'failed':
			return [{ text: `${glyphs.states.ERROR} ${t('ui.header.failed')}`, color: 'red' }];
	}
}

/**
 * The counts line: only states that have jobs, each with its glyph and word;
 * when that does not fit in `width`, glyphs and numbers only (each glyph is a
 * distinct shape, so nothing rests on colour).
 */
export function countsLine(
	input: Pick<HeaderInput, 'counts' | 'glyphs'>,
	width = Number.POSITIVE_INFINITY,
): Line {
	const full = countsSegments(input, true);
	if (full.length === 0) return [{ text: ` ${t('ui.counts.none')}`, color: 'gray' }];
	return lineWidth(full) <= width ? full : countsSegments(input, false);
}

function countsSegments(input: Pick<HeaderInput, 'counts' | 'glyphs'>, words: boolean): Segment[] {
	const line: Segment[] = [];
	for (const state of DISPLAY_STATES) {
		const count = input.counts[state];
		if (!count) continue;
		const style = stateStyle(state, state, input.glyphs);
		line.push({ text: line.length === 0 ? ' ' : '  ' });
		line.push({
			text: style.glyph,
			...(style.color ? { color: style.color } : {}),
			...(style.dim ? { dim: true } : {}),
		});
		const label = t(`ui.count.${state}`);
		line.push({ text: words ? ` ${t('ui.counts.entry', { count, state: label })}` : ` ${count}` });
	}
	return line;
}

/** Warning and error lines under the header; each exactly one line. */
export function noticeLines(input: HeaderInput): Line[] {
	const { connection, glyphs } = input;
	const lines: Line[] = [];
	if (connection.kind === 'retrying') {
		const wait = secondsUntil(connection.nextTryAt, input.now);
		const waiting = waitingText(input);
		const { attempt, lastError } = connection;
		lines.push([
			{
				text:
					waiting === null
						? ` ${glyphs.warning} ${t('ui.notice.attempt', { attempt, seconds: wait, message: lastError.message })}`
						: ` ${glyphs.warning} ${t('ui.notice.attemptWaiting', { attempt: attempt + 1, waiting, message: lastError.message })}`,
				color: 'yellow',
			},
		]);
	}
	if (connection.kind === 'paused' && connection.lastError) {
		// A refresh asked for while paused failed; polling stays paused.
		const { message } = connection.lastError;
		const text = ` ${glyphs.warning} ${t('ui.notice.refreshFailed', { message })}`;
		lines.push([{ text, color: 'yellow' }]);
	}
	if (connection.kind === 'failed') {
		lines.push([{ text: ` ${glyphs.states.ERROR} ${connection.error.message}`, color: 'red' }]);
		if (connection.error.hint) lines.push([{ text: `   ${connection.error.hint}` }]);
	}
	if (input.insecure) {
		lines.push([
			{
				text: ` ${glyphs.warning} ${t('ui.notice.insecure')}`,
				color: 'yellow',
			},
		]);
	}
	if (input.pollWarning) {
		lines.push([{ text: ` ${glyphs.warning} ${input.pollWarning}`, color: 'yellow' }]);
	}
	if (input.skippedRecords > 0) {
		const n = input.skippedRecords;
		lines.push([
			{
				text: ` ${glyphs.warning} ${t(n === 1 ? 'ui.notice.skippedOne' : 'ui.notice.skippedMany', { count: n })}`,
				color: 'yellow',
			},
		]);
	}
	return lines;
}

/** The first header line: name, server, status and the help key. */
export function titleLine(input: HeaderInput): Line {
	const left: Segment[] = [{ text: ' umwatch', bold: true }];
	if (input.title !== undefined) {
		left.push({ text: ` ${input.glyphs.pointer} ${input.title}` });
	} else {
		const version = input.serverVersion
			? ` ${input.glyphs.separator} UM ${input.serverVersion}`
			: '';
		left.push({ text: `  ${input.host}${version}` });
	}
	const right: Segment[] = [...statusSegments(input), { text: `   ? ${t('ui.header.help')} ` }];
	return spread(left, right, input.width - 1, input.glyphs.ellipsis);
}
