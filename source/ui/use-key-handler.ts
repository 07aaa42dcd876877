import { type Dispatch, useEffect, useRef } from 'react';
import { type Job, type JobId, splitJobId } from '../api/job.js';
import type { ConnectionState, Engine, OlderState } from '../engine/types.js';
import { t } from '../i18n/t.js';
import type { Clock } from '../time/clock.js';
import type { Alerts } from './alerts/alerts.js';
import { aimedId, type Highlight, type Move, nextHighlight } from './screen/cursor.js';
import { lastFailure } from './screen/error-view.js';
import { type Action, type KeyContext, resolveKey } from './screen/keymap.js';
import { listMove } from './screen/older-keys.js';
import { olderTail } from './screen/older-row.js';
import type { Screen } from './screen/screen.js';
import { isPaused, type ServerConnection, serverFailures } from './screen/server-errors.js';
import { type UiAction, type UiState, uiReducer } from './screen/ui-state.js';
import type { KeyPress } from './terminal/input-decoder.js';
import type { KeySource } from './terminal/key-source.js';
import type { Recovery } from './use-recovery.js';

/** How long "copied" stays in the footer. */
export const NOTICE_MS = 3000;

/** What a key press may act on; refreshed on every render. */
export interface KeyHandlerDeps {
	readonly state: UiState;
	readonly dispatch: Dispatch<UiAction>;
	readonly items: readonly Job[];
	readonly screen: Screen;
	readonly engine: Engine;
	readonly connection: ConnectionState;
	readonly stdout: { write(data: string): unknown };
	readonly clock: Clock;
	readonly onQuit: () => void;
	/** What `r` does after a failure, and the password prompt it may open. */
	readonly recovery: Recovery;
	/** Each server watched, in order, when there are several (its connection as now); else empty. */
	readonly servers?: readonly ServerConnection[];
	/** The job (id) Enter opens instead of the highlighted one, when the list moved it just before the press. */
	readonly aimed?: JobId | null;
	/** Marks, unseen failures, bell and desktop notifications; absent: those keys do nothing. */
	readonly alerts?: Alerts;
	/** How loading older jobs stands (the row after the last job); absent: idle. */
	readonly older?: OlderState;
}

/** The OSC 52 sequence that asks the terminal to put `text` on the clipboard. */
export function osc52(text: string): string {
	return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

const MOVES: Partial<Record<Action, Move>> = {
	up: 'up',
	down: 'down',
	pageUp: 'pageUp',
	pageDown: 'pageDown',
	home: 'home',
	end: 'end',
};

function contextOf(deps: KeyHandlerDeps): KeyContext {
	if (deps.recovery.prompt !== null) return 'password';
	return deps.state.filters.editing ? 'filter' : deps.state.view.kind;
}

/** The password prompt's keys: they act on the prompt alone. */
function actOnPrompt(action: Action, deps: KeyHandlerDeps): boolean {
	const prompt = deps.recovery.prompt;
	if (prompt === null) return false;
	if (action === 'promptSubmit') prompt.submit();
	else if (action === 'promptCancel') prompt.cancel();
	else if (action === 'promptDelete') prompt.deleteLast();
	else if (action === 'promptClear') prompt.clear();
	else return false;
	return true;
}

function act(action: Action, deps: KeyHandlerDeps): void {
	const { dispatch, items, screen, state } = deps;
	const rows = screen.bodyRows;
	if (actOnPrompt(action, deps)) return;
	const move = MOVES[action];
	if (move) {
		if (state.view.kind === 'list') {
			dispatch(listMove(move, { ...deps, rows, loadOlder: () => deps.engine.loadOlder?.() }));
		} else dispatch({ type: 'scroll', move, rows, maxScroll: screen.maxScroll });
		return;
	}
	switch (action) {
		case 'quit':
		case 'forceQuit':
			deps.onQuit();
			return;
		case 'open':
			dispatch({ type: 'open', items, rows, id: deps.aimed ?? null });
			return;
		case 'back':
			dispatch({ type: 'back' });
			return;
		case 'next':
			dispatch({ type: 'step', by: 1, items, rows });
			return;
		case 'previous':
			dispatch({ type: 'step', by: -1, items, rows });
			return;
		case 'help':
			dispatch({ type: 'toggleHelp' });
			return;
		case 'sortNext':
		case 'sortPrevious':
			dispatch({ type: 'sort', by: action === 'sortNext' ? 1 : -1, items, rows });
			return;
		case 'nextFailure':
		case 'previousFailure': {
			const by = action === 'nextFailure' ? 1 : -1;
			dispatch({ type: 'jump', by, items, rows, tail: olderTail(deps.older) });
			return;
		}
		case 'filter':
			dispatch({ type: 'filterStart' });
			return;
		case 'clearFilter':
		case 'filterCancel':
			dispatch({ type: 'filterCancel' });
			return;
		case 'filterAccept':
			dispatch({ type: 'filterAccept' });
			return;
		case 'filterDelete':
			dispatch({ type: 'filterDelete' });
			return;
		case 'filterClear':
			dispatch({ type: 'filterClear' });
			return;
		case 'stateFilter':
			dispatch({ type: 'stateFilter' });
			return;
		case 'serverFilter':
			dispatch({ type: 'serverFilter', servers: (deps.servers ?? []).map((s) => s.name) });
			return;
		case 'refresh':
			// From the error view: back to what it covered, where the outcome shows.
			if (state.view.kind === 'error') dispatch({ type: 'back' });
			deps.recovery.refresh(deps.connection, deps.servers);
			return;
		case 'showError': {
			// Several servers: every server in trouble, named; the summed-up state may well be live.
			const failures = serverFailures(deps.servers ?? []);
			const error = failures[0]?.error ?? lastFailure(deps.connection);
			if (failures.length > 0 && error !== null) dispatch({ type: 'showError', error, failures });
			else if (error !== null) dispatch({ type: 'showError', error });
			else
				dispatch({
					type: 'notice',
					text: t('ui.notice.noError'),
					until: deps.clock.now() + NOTICE_MS,
				});
			return;
		}
		case 'pause':
			deps.engine.setPaused(!isPaused(deps.connection, deps.servers));
			return;
		case 'mark':
		case 'bell':
		case 'desktop':
		case 'unseen':
			actOnAlerts(action, deps);
			return;
		case 'copy':
			if (state.view.kind !== 'detail') return;
			// The real key: the id also names the server, which no one pastes anywhere.
			deps.stdout.write(osc52(splitJobId(state.view.id).key));
			dispatch({
				type: 'notice',
				text: t('ui.notice.copied'),
				until: deps.clock.now() + NOTICE_MS,
			});
			return;
	}
}

/** The job `m` acts on: the detail's, or the one highlighted (aimed at) in the list. */
function markTarget(deps: KeyHandlerDeps): JobId | null {
	const { view } = deps.state;
	if (view.kind === 'detail') return view.id;
	return view.kind === 'list' ? (deps.aimed ?? deps.screen.list?.selectedId ?? null) : null;
}

/** `m`, `b`, `B` and `x`: each says what it did in the footer. */
function actOnAlerts(action: 'mark' | 'bell' | 'desktop' | 'unseen', deps: KeyHandlerDeps): void {
	const { alerts, dispatch } = deps;
	if (alerts === undefined) return;
	const notice = (text: string) =>
		dispatch({ type: 'notice', text, until: deps.clock.now() + NOTICE_MS });
	if (action === 'mark') {
		const id = markTarget(deps);
		if (id !== null) notice(t(alerts.toggleMark(id) ? 'ui.notice.marked' : 'ui.notice.unmarked'));
	} else if (action === 'bell') {
		notice(t(alerts.toggleBell() ? 'ui.notice.bellOn' : 'ui.notice.bellOff'));
	} else if (action === 'desktop') {
		notice(t(alerts.toggleDesktop() ? 'ui.notice.desktopOn' : 'ui.notice.desktopOff'));
	} else {
		const id = alerts.newestUnseen();
		if (id === null) {
			notice(t('ui.notice.noUnseen'));
			return;
		}
		alerts.markSeen(id);
		dispatch({ type: 'openId', id, items: deps.items, rows: deps.screen.bodyRows });
	}
}

/** Handles one key press against the current state. */
export function handleKey(press: KeyPress, deps: KeyHandlerDeps): void {
	const context = contextOf(deps);
	const action = resolveKey(press, context);
	if (action !== null) {
		act(action, deps);
		return;
	}
	if (context === 'password' && press.kind === 'text') deps.recovery.prompt?.type(press.text);
	if (context === 'filter' && press.kind === 'text') {
		deps.dispatch({ type: 'filterType', text: press.text });
	}
}

/**
 * Routes key presses from `keys` to the reducer and the engine. Subscribes
 * once; the handler reads the latest render's state through a ref, and
 * applies its own actions to that copy at once, so several keys arriving in
 * one chunk ("/vol" typed fast) each see the state the previous one left.
 */
export function useKeyHandler(keys: KeySource, deps: KeyHandlerDeps): void {
	const latest = useRef(deps);
	latest.current = deps;
	// What the user has seen highlighted, frame by frame (a ref: the subscription reads it later).
	const seen = useRef<{ readonly state: UiState; readonly highlight: Highlight } | null>(null);
	const shown = deps.screen.list?.selectedId ?? null;
	const before = seen.current;
	const byUser = before !== null && before.state !== deps.state;
	seen.current = {
		state: deps.state,
		highlight: nextHighlight(before?.highlight ?? null, shown, byUser, deps.clock.now()),
	};
	useEffect(
		() =>
			keys.subscribe((press) => {
				const current = latest.current;
				// Only while no key has acted since that frame: the press aims at what was seen.
				const sight = seen.current;
				const aimed =
					sight !== null && sight.state === current.state
						? aimedId(sight.highlight, current.clock.now())
						: null;
				const dispatch = (action: UiAction): void => {
					latest.current = { ...latest.current, state: uiReducer(latest.current.state, action) };
					current.dispatch(action);
				};
				handleKey(press, { ...current, dispatch, aimed });
			}),
		[keys],
	);
}
