import { type MessageKey, t } from '../../i18n/t.js';
import type { KeyPress, SpecialKey } from '../terminal/input-decoder.js';

/**
 * The one key map: every shortcut the UI knows, where it works, and what it
 * does. The help overlay and the footer hints are generated from it.
 */

/** Where a key press is interpreted. */
export type KeyContext = 'list' | 'detail' | 'help' | 'filter' | 'error' | 'password';

/** Everything a key can ask for. */
export type Action =
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'home'
	| 'end'
	| 'open'
	| 'back'
	| 'quit'
	| 'forceQuit'
	| 'filter'
	| 'clearFilter'
	| 'stateFilter'
	| 'serverFilter'
	| 'refresh'
	| 'pause'
	| 'help'
	| 'copy'
	| 'next'
	| 'previous'
	| 'filterAccept'
	| 'filterCancel'
	| 'filterDelete'
	| 'filterClear'
	| 'showError'
	| 'mark'
	| 'bell'
	| 'desktop'
	| 'unseen'
	| 'sortNext'
	| 'sortPrevious'
	| 'nextFailure'
	| 'previousFailure'
	| 'promptSubmit'
	| 'promptCancel'
	| 'promptDelete'
	| 'promptClear';

/** A key as the map names it: a special key, or one printable character. */
export type KeySpec = SpecialKey | string;

/** One shortcut. */
export interface Binding {
	readonly action: Action;
	readonly keys: readonly KeySpec[];
	readonly contexts: readonly KeyContext[];
	/** What it does, as the help overlay says it: its message (ui.key.*). */
	readonly description: Extract<MessageKey, `ui.key.${string}`>;
}

const NAV: readonly KeyContext[] = ['list', 'detail'];
const MOVE: readonly KeyContext[] = ['list', 'detail', 'help', 'error'];

/** Every shortcut, in the order the help overlay lists them. */
export const KEYMAP: readonly Binding[] = [
	{ action: 'up', keys: ['up', 'k'], contexts: MOVE, description: 'ui.key.up' },
	{
		action: 'down',
		keys: ['down', 'j'],
		contexts: MOVE,
		description: 'ui.key.down',
	},
	{ action: 'pageUp', keys: ['pageup'], contexts: MOVE, description: 'ui.key.pageUp' },
	{ action: 'pageDown', keys: ['pagedown'], contexts: MOVE, description: 'ui.key.pageDown' },
	{ action: 'home', keys: ['home', 'g'], contexts: MOVE, description: 'ui.key.home' },
	{
		action: 'end',
		keys: ['end', 'G'],
		contexts: MOVE,
		description: 'ui.key.end',
	},
	{
		action: 'open',
		keys: ['return', 'right', 'l'],
		contexts: ['list'],
		description: 'ui.key.open',
	},
	{
		action: 'back',
		keys: ['escape', 'backspace', 'left', 'h', 'q'],
		contexts: ['detail'],
		description: 'ui.key.back',
	},
	{ action: 'next', keys: ['n'], contexts: ['detail'], description: 'ui.key.next' },
	{ action: 'previous', keys: ['N'], contexts: ['detail'], description: 'ui.key.previous' },
	{ action: 'copy', keys: ['y'], contexts: ['detail'], description: 'ui.key.copy' },
	{
		action: 'filter',
		keys: ['/'],
		contexts: ['list'],
		description: 'ui.key.filter',
	},
	{
		action: 'clearFilter',
		keys: ['escape'],
		contexts: ['list'],
		description: 'ui.key.clearFilter',
	},
	{
		action: 'stateFilter',
		keys: ['f'],
		contexts: ['list'],
		description: 'ui.key.stateFilter',
	},
	{
		action: 'serverFilter',
		keys: ['v'],
		contexts: ['list'],
		description: 'ui.key.serverFilter',
	},
	{
		action: 'refresh',
		keys: ['r'],
		contexts: [...NAV, 'error'],
		description: 'ui.key.refresh',
	},
	{ action: 'pause', keys: ['p'], contexts: NAV, description: 'ui.key.pause' },
	{ action: 'showError', keys: ['e'], contexts: NAV, description: 'ui.key.showError' },
	{
		action: 'mark',
		keys: ['m'],
		contexts: NAV,
		description: 'ui.key.mark',
	},
	{
		action: 'unseen',
		keys: ['x'],
		contexts: NAV,
		description: 'ui.key.unseen',
	},
	{
		action: 'sortNext',
		keys: ['s'],
		contexts: ['list'],
		description: 'ui.key.sortNext',
	},
	{ action: 'sortPrevious', keys: ['S'], contexts: ['list'], description: 'ui.key.sortPrevious' },
	{
		action: 'nextFailure',
		keys: [']'],
		contexts: ['list'],
		description: 'ui.key.nextFailure',
	},
	{
		action: 'previousFailure',
		keys: ['['],
		contexts: ['list'],
		description: 'ui.key.previousFailure',
	},
	{ action: 'bell', keys: ['b'], contexts: NAV, description: 'ui.key.bell' },
	{
		action: 'desktop',
		keys: ['B'],
		contexts: NAV,
		description: 'ui.key.desktop',
	},
	{ action: 'back', keys: ['escape', 'q', 'e'], contexts: ['error'], description: 'ui.key.close' },
	{ action: 'help', keys: ['?'], contexts: ['list', 'detail', 'help'], description: 'ui.key.help' },
	{ action: 'back', keys: ['escape', 'q'], contexts: ['help'], description: 'ui.key.closeHelp' },
	{ action: 'quit', keys: ['q'], contexts: ['list'], description: 'ui.key.quit' },
	{
		action: 'forceQuit',
		keys: ['ctrl+c'],
		contexts: ['list', 'detail', 'help', 'filter', 'error', 'password'],
		description: 'ui.key.forceQuit',
	},
	{
		action: 'filterAccept',
		keys: ['return'],
		contexts: ['filter'],
		description: 'ui.key.filterAccept',
	},
	{
		action: 'filterCancel',
		keys: ['escape'],
		contexts: ['filter'],
		description: 'ui.key.filterCancel',
	},
	{
		action: 'filterDelete',
		keys: ['backspace'],
		contexts: ['filter'],
		description: 'ui.key.delete',
	},
	{
		action: 'filterClear',
		keys: ['ctrl+u'],
		contexts: ['filter'],
		description: 'ui.key.filterClear',
	},
	{ action: 'promptSubmit', keys: ['return'], contexts: ['password'], description: 'ui.key.logIn' },
	{
		action: 'promptCancel',
		keys: ['escape'],
		contexts: ['password'],
		description: 'ui.key.cancel',
	},
	{
		action: 'promptDelete',
		keys: ['backspace'],
		contexts: ['password'],
		description: 'ui.key.delete',
	},
	{ action: 'promptClear', keys: ['ctrl+u'], contexts: ['password'], description: 'ui.key.clear' },
];

function keyId(press: KeyPress): string {
	return press.kind === 'key' ? press.name : press.text;
}

/** The action `press` asks for in `context`, or null when it means nothing there. */
export function resolveKey(press: KeyPress, context: KeyContext): Action | null {
	const id = keyId(press);
	for (const binding of KEYMAP) {
		if (binding.contexts.includes(context) && binding.keys.includes(id)) return binding.action;
	}
	return null;
}

const KEY_LABELS: Readonly<Record<SpecialKey, string>> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	return: 'Enter',
	escape: 'Esc',
	backspace: 'Backspace',
	delete: 'Del',
	tab: 'Tab',
	'ctrl+c': 'Ctrl-C',
	'ctrl+l': 'Ctrl-L',
	'ctrl+u': 'Ctrl-U',
};

const ASCII_ARROWS: Readonly<Record<string, string>> = {
	up: 'Up',
	down: 'Down',
	left: 'Left',
	right: 'Right',
};

/** How a key is written for people: `↑`, `PgUp`, `Ctrl-C`, or the character itself. */
export function keyLabel(key: KeySpec, ascii = false): string {
	return (
		(ascii ? ASCII_ARROWS[key] : undefined) ?? (KEY_LABELS as Record<string, string>)[key] ?? key
	);
}

/** One line of the help overlay. */
export interface HelpEntry {
	readonly keys: string;
	readonly description: string;
}

/** The help overlay's sections, generated from {@link KEYMAP}. */
export function helpSections(
	ascii = false,
): { readonly title: string; readonly entries: HelpEntry[] }[] {
	const titles: Readonly<Record<KeyContext, string>> = {
		list: t('ui.help.list'),
		detail: t('ui.help.detail'),
		filter: t('ui.help.filter'),
		help: t('ui.help.help'),
		error: t('ui.help.error'),
		password: t('ui.help.password'),
	};
	const order: readonly KeyContext[] = ['list', 'detail', 'filter', 'error', 'password'];
	return order.map((context) => ({
		title: titles[context],
		entries: KEYMAP.filter((b) => b.contexts.includes(context)).map((b) => ({
			keys: b.keys.map((k) => keyLabel(k, ascii)).join(' '),
			description: t(b.description),
		})),
	}));
}

/** A footer hint: the first key of an action and a one-word reminder. */
export interface FooterHint {
	readonly keys: string;
	readonly text: string;
}

const FOOTER: Readonly<Record<'list' | 'detail', readonly [Action, string, string?, string?][]>> = {
	list: [
		['down', 'move', '↑↓', 'j/k'],
		['open', 'open', '⏎', 'Enter'],
		['filter', 'filter'],
		['refresh', 'refresh'],
		['pause', 'pause'],
		['showError', 'error'],
		['mark', 'mark'],
		['bell', 'bell'],
		['help', 'help'],
		['quit', 'quit'],
		['sortNext', 'sort'],
	],
	detail: [
		['back', 'back'],
		['copy', 'copy key'],
		['down', 'scroll', '↑↓', 'j/k'],
		['next', 'next', 'n/N', 'n/N'],
		['mark', 'mark'],
		['showError', 'error'],
		['help', 'help'],
	],
};

/** The footer's key hints for a view, taken from the key map. */
export function footerHints(view: 'list' | 'detail', ascii = false): FooterHint[] {
	return FOOTER[view].map(([action, text, unicode, plain]) => {
		const binding = KEYMAP.find((b) => b.action === action && b.contexts.includes(view));
		const keys = (ascii ? plain : unicode) ?? keyLabel(binding?.keys[0] ?? '', ascii);
		return { keys, text };
	});
}
