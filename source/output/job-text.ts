import type { Job } from '../api/job.js';
import { t } from '../i18n/t.js';
import { columnTitle, JOB_COLUMNS, NAME_ROOM } from '../present/columns.js';
import { formatExactDuration } from '../present/duration-format.js';
import { type Glyphs, paint, stateStyle, stateWord, UNICODE_GLYPHS } from '../present/theme.js';
import { formatDateTime } from '../present/time-format.js';
import { jobDurationMs } from './job-json.js';
import { inertText } from './safe-text.js';
import type { Cell, Column } from './table.js';

/** The state as a word (see stateWord in present/theme.ts), from the inert raw value. */
export function stateLabel(
	job: Pick<Job, 'displayState' | 'rawState'>,
	glyphs: Glyphs = UNICODE_GLYPHS,
): string {
	return stateWord(job.displayState, inertText(job.rawState), glyphs.ellipsis);
}

/** Options for rendering jobs as text. */
export interface JobTextOptions {
	/** Terminal decoration: glyph before the state and SGR colour. */
	readonly tty: boolean;
	readonly color: boolean;
	/** The glyph set on a terminal (`--ascii` picks the ASCII one); Unicode by default. */
	readonly glyphs?: Glyphs;
	readonly now: number;
	readonly timeZone?: string;
	/**
	 * Terminal columns: `show` wraps long text (task messages, result values) to
	 * them, as the live job view does. Absent in a pipe, where every value stays
	 * whole on its line.
	 */
	readonly width?: number;
}

/** The state cell: `✓ NORMAL` (coloured) on a terminal, `NORMAL` in a pipe. */
export function stateCell(
	job: Job,
	options: Pick<JobTextOptions, 'tty' | 'color' | 'glyphs'>,
): Cell {
	const glyphs = options.glyphs ?? UNICODE_GLYPHS;
	const label = stateLabel(job, glyphs);
	if (!options.tty) return { text: label };
	const style = stateStyle(job.displayState, inertText(job.rawState), glyphs);
	return {
		text: `${style.glyph} ${style.word}`,
		decorate: (text) => paint(text, style.sgr, options.color),
	};
}

/**
 * The columns of `list`, in order: the live view's (present/columns.ts). On a
 * terminal the key, then the type give way before the name is squeezed below
 * 24 columns (a name cut to a dozen columns says little); then the duration
 * and the submit time go, as in the live view.
 */
export const LIST_COLUMNS: readonly Column[] = JOB_COLUMNS.map((column) => ({
	header: column.title,
	align: column.align,
	truncate: column.truncate,
	dropPriority: column.dropRank,
	...(column.minWidth === undefined ? {} : { minWidth: column.minWidth }),
	...(column.id === 'name'
		? { flexFirst: true, room: { width: NAME_ROOM.width, dropPriority: NAME_ROOM.dropRank } }
		: {}),
}));

/**
 * The SERVER column `list` puts first when it shows several servers: the
 * profile names are short, so it is never squeezed nor dropped (the name
 * column gives way first). One server has no such column.
 */
export const SERVER_COLUMN: Column = { header: 'SERVER', align: 'left', dropPriority: 0 };

/**
 * The columns `list` prints: the SERVER column first with several servers.
 * On a terminal their titles are in the language chosen; in a pipe they stay
 * the English ones, as every language prints them (machine output).
 */
export function listColumns(several: boolean, tty: boolean): readonly Column[] {
	const columns = several ? [SERVER_COLUMN, ...LIST_COLUMNS] : LIST_COLUMNS;
	if (!tty) return columns;
	const ids = several
		? (['server', ...JOB_COLUMNS.map((c) => c.id)] as const)
		: JOB_COLUMNS.map((c) => c.id);
	return columns.map((column, i) => ({ ...column, header: columnTitle(ids[i] ?? 'name') }));
}

/** The SERVER cell of a row (see {@link SERVER_COLUMN}). */
export function serverCell(job: Pick<Job, 'server'>): Cell {
	return { text: inertText(job.server) };
}

/** One row of `list`: pure, from the job and the time. */
export function listRow(job: Job, options: JobTextOptions): Cell[] {
	const duration = jobDurationMs(job, options.now);
	return [
		stateCell(job, options),
		{ text: inertText(job.name) },
		{ text: inertText(job.type) },
		{ text: formatDateTime(job.submitTime, options.timeZone) },
		{ text: duration === null ? '' : formatExactDuration(duration) },
		{ text: inertText(job.key) },
	];
}

/**
 * The one line `wait` prints when a job is over:
 * `NORMAL  Create File Share  06a6…:-7f87  took 1m40s`. Whole key, inert text.
 * In a pipe (`tty` false) it is machine output: scripts parse it, so its words
 * stay English in every language; on a terminal a person reads it, in the
 * language chosen (`所要時間 1m40s`). The state word stays as the API spells it.
 */
export function outcomeLine(job: Job, now: number, tty = false): string {
	const duration = jobDurationMs(job, now);
	const time = duration === null ? null : formatExactDuration(duration);
	const name = inertText(job.name) || (tty ? t('output.outcome.noName') : PIPE_NO_NAME);
	const parts = [stateLabel(job), name, inertText(job.key)];
	if (time !== null) parts.push(tty ? t('output.outcome.took', { time }) : `${PIPE_TOOK} ${time}`);
	return parts.join('  ');
}

// The outcome line's words in a pipe: fixed, whatever the language (see outcomeLine).
const PIPE_NO_NAME = '(no name)';
const PIPE_TOOK = 'took';
