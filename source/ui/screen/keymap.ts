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
	/** What it does, as the help overlay says it. */
	readonly description: string;
}

const NAV: readonly KeyContext[] = ['list', 'detail'];
const MOVE: readonly KeyContext[] = ['list', 'detail', 'help', 'error'];

/** Every shortcut, in the order the help overlay lists them. */
export const KEYMAP: readonly Binding[] = [
	{ action: 'up', keys: ['up', 'k'], contexts: MOVE, description: 'move up / scroll up' },
	{
		action: 'down',
		keys: ['down', 'j'],
		contexts: MOVE,
		description: 'move down (past the last job: load older) / scroll down',
	},
	{ action: 'pageUp', keys: ['pageup'], contexts: MOVE, description: 'page up' },
	{ action: 'pageDown', keys: ['pagedown'], contexts: MOVE, description: 'page down' },
	{ action: 'home', keys: ['home', 'g'], contexts: MOVE, description: 'first (newest) / top' },
	{
		action: 'end',
		keys: ['end', 'G'],
		contexts: MOVE,
		description: 'last (oldest), loading older jobs / bottom',
	},
	{ action: 'open', keys: ['return', 'right', 'l'], contexts: ['list'], description: 'open job' },
	{
		action: 'back',
		keys: ['escape', 'backspace', 'left', 'h', 'q'],
		contexts: ['detail'],
		description: 'back to the list',
	},
	{ action: 'next', keys: ['n'], contexts: ['detail'], description: 'next job' },
	{ action: 'previous', keys: ['N'], contexts: ['detail'], description: 'previous job' },
	{ action: 'copy', keys: ['y'], contexts: ['detail'], description: 'copy the job key (OSC 52)' },
	{
		action: 'filter',
		keys: ['/'],
		contexts: ['list'],
		description: 'filter by name, type, key (and server)',
	},
	{ action: 'clearFilter', keys: ['escape'], contexts: ['list'], description: 'clear the filter' },
	{
		action: 'stateFilter',
		keys: ['f'],
		contexts: ['list'],
		description: 'state: all, in progress, failed, finished',
	},
	{
		action: 'serverFilter',
		keys: ['v'],
		contexts: ['list'],
		description: 'server (several servers): all, then each in turn',
	},
	{
		action: 'refresh',
		keys: ['r'],
		contexts: [...NAV, 'error'],
		description: 'refresh; after a failure, re-read the settings',
	},
	{ action: 'pause', keys: ['p'], contexts: NAV, description: 'pause / resume polling' },
	{ action: 'showError', keys: ['e'], contexts: NAV, description: 'show the last error in full' },
	{
		action: 'mark',
		keys: ['m'],
		contexts: NAV,
		description: 'mark / unmark the job: be told when it ends',
	},
	{
		action: 'unseen',
		keys: ['x'],
		contexts: NAV,
		description: 'open the newest failure not seen yet',
	},
	{
		action: 'sortNext',
		keys: ['s'],
		contexts: ['list'],
		description: 'sort: submitted, state, duration, name (--sort)',
	},
	{ action: 'sortPrevious', keys: ['S'], contexts: ['list'], description: 'sort: the one before' },
	{
		action: 'nextFailure',
		keys: [']'],
		contexts: ['list'],
		description: 'next failed job below (wraps round)',
	},
	{
		action: 'previousFailure',
		keys: ['['],
		contexts: ['list'],
		description: 'previous failed job above (wraps round)',
	},
	{ action: 'bell', keys: ['b'], contexts: NAV, description: 'bell on / off (--bell)' },
	{
		action: 'desktop',
		keys: ['B'],
		contexts: NAV,
		description: 'desktop notifications on / off (--desktop-notify)',
	},
	{ action: 'back', keys: ['escape', 'q', 'e'], contexts: ['error'], description: 'close' },
	{ action: 'help', keys: ['?'], contexts: ['list', 'detail', 'help'], description: 'help' },
	{ action: 'back', keys: ['escape', 'q'], contexts: ['help'], description: 'close help' },
	{ action: 'quit', keys: ['q'], contexts: ['list'], description: 'quit' },
	{
		action: 'forceQuit',
		keys: ['ctrl+c'],
		contexts: ['list', 'detail', 'help', 'filter', 'error', 'password'],
		description: 'quit from anywhere',
	},
	{ action: 'filterAccept', keys: ['return'], contexts: ['filter'], description: 'keep filter' },
	{ action: 'filterCancel', keys: ['escape'], contexts: ['filter'], description: 'clear filter' },
	{ action: 'filterDelete', keys: ['backspace'], contexts: ['filter'], description: 'delete' },
	{ action: 'filterClear', keys: ['ctrl+u'], contexts: ['filter'], description: 'clear text' },
	{ action: 'promptSubmit', keys: ['return'], contexts: ['password'], description: 'log in' },
	{ action: 'promptCancel', keys: ['escape'], contexts: ['password'], description: 'cancel' },
	{ action: 'promptDelete', keys: ['backspace'], contexts: ['password'], description: 'delete' },
	{ action: 'promptClear', keys: ['ctrl+u'], contexts: ['password'], description: 'clear' },
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
		list: 'Job list',
		detail: 'Job detail',
		filter: 'While typing a filter',
		help: 'Help',
		error: 'The last error',
		password: 'While typing a password',
	};
	const order: readonly KeyContext[] = ['list', 'detail', 'filter', 'error', 'password'];
	return order.map((context) => ({
		title: titles[context],
		entries: KEYMAP.filter((b) => b.contexts.includes(context)).map((b) => ({
			keys: b.keys.map((k) => keyLabel(k, ascii)).join(' '),
			description: b.description,
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
