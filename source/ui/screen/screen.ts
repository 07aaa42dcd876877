import { type Job, type JobId, jobId, splitJobId } from '../../api/job.js';
import { isStale } from '../../engine/freshness.js';
import type { ServerHealth } from '../../engine/types.js';
import { t } from '../../i18n/t.js';
import type { Glyphs } from '../../present/theme.js';
import type { EngineView } from '../use-engine-view.js';
import type { TerminalSize } from '../use-terminal-size.js';
import { asciiScreen } from './ascii-screen.js';
import type { TableLayout } from './columns.js';
import { hasNewerMarker, resolveCursor } from './cursor.js';
import { detailLines, type JobServer } from './detail-lines.js';
import { lastFailure } from './error-view.js';
import { footerLine } from './footer.js';
import { countsLine, type HeaderInput, noticeLines, titleLine } from './header.js';
import { helpLines } from './help-lines.js';
import { tableHeadingLine } from './job-row.js';
import { olderRowLine, olderTail } from './older-row.js';
import { type Line, lineWidth } from './segments.js';
import { isPaused, serverErrorScreen } from './server-errors.js';
import { fleetTitleLine, serverNoticeLines } from './server-health.js';
import type { UiState } from './ui-state.js';

/** The visible window of the job table. */
export interface ListWindow {
	/** "▲ 10 newer" above the rows when newer jobs are above the view, else null. */
	readonly marker: Line | null;
	readonly jobs: readonly Job[];
	/** The selected job's id ({@link JobId}). */
	readonly selectedId: JobId | null;
	/**
	 * With several servers, those whose rows may be out of date: their data is
	 * stale, or they failed for good. Empty for one server (the header says it).
	 */
	readonly staleServers: ReadonlySet<string>;
	/** The jobs marked with `m` (ids); absent: none. */
	readonly marks?: ReadonlySet<JobId>;
	/** The row after the last job ("loading older jobs…"), when the window reaches it; else null or absent. */
	readonly older?: Line | null;
}

/**
 * The marker line for `count` jobs above the view: newer in the default
 * order (newest first); `word` says otherwise for another sort ("above").
 */
export function newerMarkerLine(count: number, glyphs: Glyphs, word = 'newer'): Line {
	const text = t(word === 'above' ? 'ui.list.above' : 'ui.list.newer', { count });
	return [
		{ text: ` ${glyphs.newer} ${text}`, bold: true },
		{ text: '  g', bold: true },
		{ text: ` ${t('ui.list.newest')}`, color: 'gray' },
	];
}

/** One frame, planned: at most `rows - 1` lines in all, whatever the content. */
export interface Screen {
	/** Title, counts, notices and (for the list) the table heading. */
	readonly top: readonly Line[];
	/** The table window, for the list view with jobs to show. */
	readonly list: ListWindow | null;
	/** Detail, help or a message, already windowed to the rows that fit. */
	readonly body: readonly Line[];
	readonly footer: Line;
	/** Rows the body may use: the page size for paging keys. */
	readonly bodyRows: number;
	/** How far the detail or help can scroll. */
	readonly maxScroll: number;
	readonly visibleJobs: readonly Job[];
	readonly relativeTimes: readonly number[];
}

/** Everything a frame is planned from. */
export interface ScreenInput {
	readonly view: EngineView;
	readonly state: UiState;
	readonly items: readonly Job[];
	readonly size: TerminalSize;
	readonly layout: TableLayout;
	readonly now: number;
	readonly glyphs: Glyphs;
	readonly ascii: boolean;
	readonly host: string;
	readonly insecure: boolean;
	readonly lastSuccessAt: number | null;
	/**
	 * Each server of a fleet as the engine has it now (the last successes read
	 * live, as `lastSuccessAt` is); empty for one server.
	 */
	readonly servers: readonly ServerHealth[];
	/** Marked jobs, and how many failures arrived unseen (the header counts them). */
	readonly alerts?: { readonly marks: ReadonlySet<JobId>; readonly unseen: number };
}

/** The counts line, and the failures not seen yet: `✗ 2 new` (`x` jumps to the newest). */
function countsWithUnseen(input: ScreenInput, header: HeaderInput): Line {
	const unseen = input.alerts?.unseen ?? 0;
	if (unseen === 0) return countsLine(header, input.size.columns);
	const note = {
		text: `  ${input.glyphs.states.ERROR} ${t('ui.counts.unseen', { count: unseen })}`,
		color: 'red',
		bold: true,
	};
	// Room for the note first: the counts drop their words before it is cut.
	return [...countsLine(header, input.size.columns - lineWidth([note])), note];
}

function isFleet(input: ScreenInput): boolean {
	return input.servers.length >= 2;
}

/** The first line: one server's host and status, or every server's health. */
function firstLine(input: ScreenInput, title?: string): Line {
	if (!isFleet(input)) return titleLine(headerInput(input, title));
	return fleetTitleLine({
		servers: input.servers,
		...(title === undefined ? {} : { title }),
		now: input.now,
		glyphs: input.glyphs,
		width: input.size.columns,
	});
}

/** The server `job` came from, by name; its URL as the fleet gave it. */
function jobServer(input: ScreenInput, job: Job): JobServer {
	const server = input.servers.find((s) => s.name === job.server);
	return { name: job.server, url: server?.url ?? '' };
}

/** The notice lines; with several servers, one per server in trouble instead of the summed-up state. */
function notices(input: ScreenInput, header: HeaderInput): Line[] {
	if (!isFleet(input)) return noticeLines(header);
	return [
		...serverNoticeLines(input.servers, input.now, input.glyphs),
		...noticeLines({ ...header, connection: { kind: 'live' } }),
	];
}

function headerInput(input: ScreenInput, title?: string): HeaderInput {
	const { view } = input;
	return {
		host: input.host,
		serverVersion: view.serverVersion,
		...(title === undefined ? {} : { title }),
		counts: view.counts,
		connection: view.connection,
		lastSuccessAt: input.lastSuccessAt,
		// Judged at the rendered time, so the word and the age shown agree.
		stale: isStale({ lastSuccessAt: input.lastSuccessAt, intervalMs: view.intervalMs }, input.now),
		now: input.now,
		insecure: input.insecure,
		skippedRecords: view.skippedRecords,
		pollWarning: view.pollWarning,
		// The engine sets it only after an interval unanswered; judged here at the rendered time too.
		waitingSince:
			view.pollStartedAt !== null && input.now - view.pollStartedAt >= view.intervalMs
				? view.pollStartedAt
				: null,
		glyphs: input.glyphs,
		width: input.size.columns,
	};
}

function scrolled(lines: readonly Line[], scroll: number, rows: number) {
	const maxScroll = Math.max(0, lines.length - rows);
	const from = Math.min(scroll, maxScroll);
	return { body: lines.slice(from, from + rows), maxScroll };
}

function listScreen(input: ScreenInput, footer: Line): Screen {
	const header = headerInput(input);
	const available = input.size.rows - 1;
	const fixed = 4;
	const shown = notices(input, header).slice(0, Math.max(0, available - fixed - 1));
	const bodyRows = Math.max(1, available - fixed - shown.length);
	const top = [
		firstLine(input),
		countsWithUnseen(input, header),
		...shown,
		tableHeadingLine(input.layout, input.state.sort ?? 'submitted', input.ascii),
	];
	const base = { top, footer, bodyRows, maxScroll: 0, relativeTimes: [] };
	if (input.items.length === 0) {
		const { filters } = input.state;
		const filtered =
			filters.text !== '' || filters.state !== 'all' || (filters.server ?? null) !== null;
		const message = ` ${t(filtered ? 'ui.list.noMatch' : 'ui.counts.none')}`;
		return { ...base, list: null, body: [[{ text: message, color: 'gray' }]], visibleJobs: [] };
	}
	const tail = olderTail(input.view.older);
	const { selected, top: first } = resolveCursor(input.state.cursor, input.items, bodyRows, tail);
	// The marker takes the window's first line (the cursor counts it), so the frame never grows.
	const sorted = (input.state.sort ?? 'submitted') !== 'submitted';
	const marker = hasNewerMarker(first, bodyRows)
		? newerMarkerLine(first, input.glyphs, sorted ? 'above' : 'newer')
		: null;
	const jobRows = bodyRows - (marker === null ? 0 : 1);
	const jobs = input.items.slice(first, first + jobRows);
	// The older-jobs row, on the line after the last job when the window reaches it.
	const older = jobs.length < jobRows ? olderRowLine(input.view.older, input.glyphs) : null;
	const picked = input.items[selected];
	const selectedId = picked === undefined ? null : jobId(picked);
	const staleServers = new Set(
		input.servers
			.filter((server) => server.connection.kind === 'failed' || isStale(server, input.now))
			.map((server) => server.name),
	);
	const marks = input.alerts?.marks ?? new Set<JobId>();
	const list = { marker, jobs, selectedId, staleServers, marks, older };
	return { ...base, list, body: [], visibleJobs: jobs };
}

function detailScreen(input: ScreenInput, id: JobId, scroll: number, footer: Line): Screen {
	const job = input.view.byKey.get(id);
	const title = job ? job.name || job.key : splitJobId(id).key;
	const header = headerInput(input, title);
	const available = input.size.rows - 1;
	const shown = notices(input, header).slice(0, Math.max(0, available - 3));
	const bodyRows = Math.max(1, available - 2 - shown.length);
	const server = job && isFleet(input) ? jobServer(input, job) : undefined;
	const lines: Line[] = job
		? detailLines(job, input.size.columns, input.now, input.glyphs, server)
		: [[{ text: ` ${t('ui.detail.gone')}`, color: 'gray' }]];
	const { body, maxScroll } = scrolled(lines, scroll, bodyRows);
	const relativeTimes = job
		? [job.submitTime, job.completeTime, job.startTime].filter((t): t is number => t !== null)
		: [];
	return {
		top: [firstLine(input, title), ...shown],
		list: null,
		body,
		footer,
		bodyRows,
		maxScroll,
		visibleJobs: job ? [job] : [],
		relativeTimes,
	};
}

/**
 * `lines` windowed to `rows` lines; when they do not all fit, the last line
 * says there is more (`↓ more`, `↑ more`), taken from the window, not added.
 */
function scrolledWithMore(lines: readonly Line[], scroll: number, rows: number, glyphs: Glyphs) {
	if (lines.length <= rows || rows < 2) return { ...scrolled(lines, scroll, rows), bodyRows: rows };
	const shown = rows - 1;
	const { body, maxScroll } = scrolled(lines, scroll, shown);
	const from = Math.min(scroll, maxScroll);
	const arrows = `${from > 0 ? glyphs.moreAbove : ''}${from < maxScroll ? glyphs.moreBelow : ''}`;
	const more: Line = [{ text: ` ${t('ui.list.more', { arrows })}`, color: 'gray' }];
	return { body: [...body, more], maxScroll, bodyRows: shown };
}

function helpScreen(input: ScreenInput, scroll: number, footer: Line): Screen {
	const rows = Math.max(1, input.size.rows - 1 - 2);
	const lines = helpLines(input.ascii, input.glyphs);
	const { body, maxScroll, bodyRows } = scrolledWithMore(lines, scroll, rows, input.glyphs);
	return {
		top: [firstLine(input, t('ui.title.help'))],
		list: null,
		body,
		footer,
		bodyRows,
		maxScroll,
		visibleJobs: [],
		relativeTimes: [],
	};
}

/** Plans the frame for the current state and terminal size (its prose in ASCII with `ascii`). */
export function planScreen(input: ScreenInput): Screen {
	const screen = planView(input);
	return input.ascii ? asciiScreen(screen) : screen;
}

function planView(input: ScreenInput): Screen {
	const { state } = input;
	const notice = state.notice && state.notice.until > input.now ? state.notice.text : null;
	const footer = footerLine({
		view: state.view.kind,
		filters: state.filters,
		shown: input.items.length,
		total: input.view.jobs.length,
		notice,
		ascii: input.ascii,
		width: input.size.columns - 1,
		paused: isPaused(input.view.connection, input.servers),
		failure:
			lastFailure(input.view.connection) !== null ||
			input.servers.some((server) => lastFailure(server.connection) !== null),
		servers: input.servers.length,
		sort: state.sort ?? 'submitted',
	});
	switch (state.view.kind) {
		case 'list':
			return listScreen(input, footer);
		case 'detail':
			return detailScreen(input, state.view.id, state.view.scroll, footer);
		case 'help':
			return helpScreen(input, state.view.scroll, footer);
		case 'error': {
			const title = firstLine(input, t('ui.title.lastError'));
			return serverErrorScreen(state.view, title, input.size, footer, input.glyphs);
		}
	}
}

/** {@link planScreen} as a hook (a plain call: planning is cheap and windowed). */
export function useScreen(input: ScreenInput): Screen {
	return planScreen(input);
}
