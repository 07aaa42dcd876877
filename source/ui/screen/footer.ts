import { type MessageKey, t } from '../../i18n/t.js';
import type { SortOrder } from '../../present/sort.js';
import { stateFilterLabel } from './filter.js';
import { footerHints } from './keymap.js';
import { type Line, lineWidth, type Segment } from './segments.js';
import type { Filters } from './ui-state.js';

/** What the footer shows. */
export interface FooterInput {
	readonly view: 'list' | 'detail' | 'help' | 'error';
	readonly filters: Filters;
	/** Jobs passing the filters, and all jobs held. */
	readonly shown: number;
	readonly total: number;
	/** A transient message such as "copied", or null. */
	readonly notice: string | null;
	readonly ascii: boolean;
	/** Columns available; hints that do not fit are left out, least useful first. */
	readonly width: number;
	/** Polling is paused: `p` resumes. */
	readonly paused?: boolean;
	/** The connection carries a failure: `e` shows it in full. */
	readonly failure?: boolean;
	/** How many servers are watched: with two or more, `v` cycles the server filter. */
	readonly servers?: number;
	/** The list's order (`s`); absent: submitted (newest first). */
	readonly sort?: SortOrder;
}

/** Which hints stay longest when the footer is short of room (lower stays longer). */
const KEEP_ORDER: Readonly<Record<string, number>> = {
	quit: 0,
	help: 1,
	back: 0,
	error: 1,
	move: 2,
	open: 3,
	filter: 4,
	'copy key': 2,
	scroll: 3,
	next: 4,
	// The order in use shows by itself when it is not the default; the key is the first to go.
	sort: 10,
};

/**
 * What each hint says, by the word that names it here (the hint's identity:
 * its place in {@link KEEP_ORDER} and the footer's choices stay on that word).
 */
export const HINT_TEXT: Readonly<Record<string, Extract<MessageKey, `ui.hint.${string}`>>> = {
	move: 'ui.hint.move',
	open: 'ui.hint.open',
	filter: 'ui.hint.filter',
	sort: 'ui.hint.sort',
	'sort: submitted': 'ui.hint.sortSubmitted',
	'next sort': 'ui.hint.nextSort',
	'state: all': 'ui.hint.stateAll',
	'next state': 'ui.hint.nextState',
	'server: all': 'ui.hint.serverAll',
	'next server': 'ui.hint.nextServer',
	refresh: 'ui.hint.refresh',
	pause: 'ui.hint.pause',
	resume: 'ui.hint.resume',
	error: 'ui.hint.error',
	mark: 'ui.hint.mark',
	bell: 'ui.hint.bell',
	help: 'ui.hint.help',
	quit: 'ui.hint.quit',
	back: 'ui.hint.back',
	'copy key': 'ui.hint.copyKey',
	scroll: 'ui.hint.scroll',
	next: 'ui.hint.next',
	'close help': 'ui.hint.closeHelp',
	close: 'ui.hint.close',
	'retry now': 'ui.hint.retryNow',
	keep: 'ui.hint.keep',
	clear: 'ui.hint.clear',
	'log in': 'ui.hint.logIn',
	cancel: 'ui.hint.cancel',
};

/** A hint's words in the current language (a word without a message shows as it is). */
function hintText(word: string): string {
	const key = HINT_TEXT[word];
	return key === undefined ? word : t(key);
}

function hintSegments(keys: string, word: string): Segment[] {
	return [{ text: '  ' }, { text: keys, bold: true }, { text: ` ${hintText(word)}` }];
}

function filterSegments(input: FooterInput): Segment[] {
	const { filters } = input;
	const out: Segment[] = [];
	if (filters.text !== '') {
		out.push({ text: `  ${t('ui.footer.filter')}` }, { text: filters.text, bold: true });
	}
	// An active state filter always shows: it hides jobs, so it must not drop out for lack of room.
	if (filters.state !== 'all') {
		const label = stateFilterLabel(filters.state);
		out.push({ text: `  ${t('ui.footer.state')}` }, { text: label, bold: true });
	}
	// The server filter too: it hides every other server's jobs.
	const server = filters.server ?? null;
	if (server !== null)
		out.push({ text: `  ${t('ui.footer.server')}` }, { text: server, bold: true });
	const filtered = filters.text !== '' || filters.state !== 'all' || server !== null;
	if (filtered) out.push({ text: `  ${shownText(input)}` });
	// Another order than newest first always shows: the rows are not where time puts them.
	const sort = input.sort ?? 'submitted';
	if (sort !== 'submitted')
		out.push({ text: `  ${t('ui.footer.sort')}` }, { text: sort, bold: true });
	return out;
}

/**
 * The hidden password prompt, in place of the footer: it names whose password
 * it asks for and never shows what is typed, not even its length.
 */
export function passwordPromptLine(label: string): Line {
	return [
		{ text: ` ${t('ui.footer.password', { label })}` },
		{ text: ' ', inverse: true },
		...hintSegments('Enter', 'log in'),
		...hintSegments('Esc', 'cancel'),
	];
}

/** `12 of 340`: jobs passing the filters, of all held. */
function shownText(input: FooterInput): string {
	return t('ui.footer.shown', { shown: input.shown, total: input.total });
}

/** The footer: the typing prompt, or a notice, the filters and the most useful keys. */
export function footerLine(input: FooterInput): Line {
	if (input.filters.editing) {
		return [
			{ text: ' /' },
			{ text: input.filters.text },
			{ text: ' ', inverse: true },
			...hintSegments('Enter', 'keep'),
			...hintSegments('Esc', 'clear'),
			{ text: `  ${shownText(input)}` },
		];
	}
	const line: Segment[] = [];
	if (input.notice !== null) line.push({ text: ` ${input.notice} `, inverse: true });
	if (input.view === 'help') return [...line, ...hintSegments('Esc', 'close help')];
	if (input.view === 'error') {
		return [...line, ...hintSegments('Esc', 'close'), ...hintSegments('r', 'retry now')];
	}
	if (input.view === 'list') line.push(...filterSegments(input));
	const hints = footerHints(input.view, input.ascii)
		// `e` only when there is an error to show.
		.filter((hint) => hint.text !== 'error' || input.failure === true)
		.map((hint) => {
			const text = hint.text === 'pause' && input.paused === true ? 'resume' : hint.text;
			return { keys: hint.keys, text, segments: hintSegments(hint.keys, text) };
		});
	if (input.view === 'list') {
		const at = hints.findIndex((hint) => hint.keys === '/') + 1;
		// The active filter is already shown above; the hint then only names the key.
		const text = input.filters.state === 'all' ? 'state: all' : 'next state';
		hints.splice(at, 0, { keys: 'f', text, segments: hintSegments('f', text) });
		if ((input.servers ?? 0) >= 2) {
			const server = (input.filters.server ?? null) === null ? 'server: all' : 'next server';
			hints.splice(at + 1, 0, { keys: 'v', text: server, segments: hintSegments('v', server) });
		}
	}
	let room = input.width - lineWidth(line);
	const kept = new Set<string>();
	const byPriority = [...hints].sort(
		(a, b) => (KEEP_ORDER[a.text] ?? 9) - (KEEP_ORDER[b.text] ?? 9),
	);
	for (const hint of byPriority) {
		const width = lineWidth(hint.segments);
		if (width > room) continue;
		room -= width;
		kept.add(hint.text);
	}
	for (const hint of hints) if (kept.has(hint.text)) line.push(...hint.segments);
	return line;
}
