import { Box } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useSyncExternalStore } from 'react';
import type { WatchEngine } from '../engine/engine.js';
import { DEFAULT_SORT_ORDER, type SortOrder } from '../present/sort.js';
import { ASCII_GLYPHS, UNICODE_GLYPHS } from '../present/theme.js';
import type { Clock } from '../time/clock.js';
import type { AlertState, Alerts } from './alerts/alerts.js';
import { ListBody } from './ListBody.js';
import { ScreenLine } from './ScreenLine.js';
import { layoutTable, serverColumnWidth } from './screen/columns.js';
import { filterJobs } from './screen/filter.js';
import { passwordPromptLine } from './screen/footer.js';
import { nextChangeAt } from './screen/next-change.js';
import { type Screen, useScreen } from './screen/screen.js';
import { fitLine, type Line } from './screen/segments.js';
import { INITIAL_UI_STATE, uiReducer } from './screen/ui-state.js';
import { MIN_COLUMNS, MIN_ROWS, TooSmall } from './TooSmall.js';
import type { KeySource } from './terminal/key-source.js';
import { useEngineView } from './use-engine-view.js';
import { useKeyHandler } from './use-key-handler.js';
import { type Reconnector, useRecovery } from './use-recovery.js';
import { useProtectedJobs, useSortedJobs } from './use-sorted-jobs.js';
import { type SizedOutput, useTerminalSize } from './use-terminal-size.js';
import { useTicker } from './use-ticker.js';

/** Props of {@link App}. */
export interface AppProps {
	readonly engine: WatchEngine;
	readonly host: string;
	readonly insecure: boolean;
	readonly color: boolean;
	readonly ascii: boolean;
	readonly keys: KeySource;
	/** The terminal: its size, and the stream OSC 52 is written to. */
	readonly stdout: SizedOutput & { write(data: string): unknown };
	readonly clock: Clock;
	/** Called once when the user quits (q on the list, Ctrl-C anywhere). */
	readonly onQuit: () => void;
	/** What `r` uses to fix a failed login or certificate; none for the demo. */
	readonly reconnector?: Reconnector;
	/** Marks, unseen failures, bell and desktop notifications (`m`, `x`, `b`, `B`). */
	readonly alerts?: Alerts;
	/** The order the list starts in (`--sort`); `s` and `S` change it. Default: newest first. */
	readonly sort?: SortOrder;
}

const NO_ALERTS: AlertState = { marks: new Set(), unseen: [], bell: false, desktop: false };
const noSubscription = () => () => {};

/** The live watch screen: header, job table or detail or help, and footer. */
export function App(props: AppProps) {
	const { engine, clock, color } = props;
	const glyphs = props.ascii ? ASCII_GLYPHS : UNICODE_GLYPHS;
	const size = useTerminalSize(props.stdout);
	const now = useRef(() => clock.now()).current;
	const view = useEngineView(engine, now);
	const [state, dispatch] = useReducer(uiReducer, props.sort ?? DEFAULT_SORT_ORDER, (sort) =>
		sort === DEFAULT_SORT_ORDER ? INITIAL_UI_STATE : { ...INITIAL_UI_STATE, sort },
	);
	const { recovery, promptLabel, insecure } = useRecovery(
		engine,
		props.reconnector,
		props.insecure,
	);
	const { text, state: stateFilter, server: serverFilter } = state.filters;
	const fleet = view.servers.length >= 2;
	const serverNames = useMemo(() => view.servers.map((s) => s.name), [view.servers]);
	const sorted = useSortedJobs(view.jobs, state.sort ?? DEFAULT_SORT_ORDER, now, serverNames);
	const items = useMemo(
		() => filterJobs(sorted, text, stateFilter, serverFilter ?? null, fleet),
		[sorted, text, stateFilter, serverFilter, fleet],
	);
	const serverWidth = serverColumnWidth(view.servers.map((server) => server.name));
	const layout = useMemo(() => layoutTable(size.columns, serverWidth), [size.columns, serverWidth]);
	const deps = useRef<Parameters<typeof nextChangeAt>[1] | null>(null);
	const tick = useTicker(clock, (from) => (deps.current ? nextChangeAt(from, deps.current) : null));

	// Read at render, as lastSuccessAt is: the view holds them only to the minute.
	const screenServers = fleet ? (engine.getSnapshot().servers ?? []) : [];
	const { alerts } = props;
	const alertState = useSyncExternalStore(
		alerts?.subscribe ?? noSubscription,
		alerts?.getState ?? (() => NO_ALERTS),
	);
	const shownAlerts = useMemo(
		() => ({ marks: alertState.marks, unseen: alertState.unseen.length }),
		[alertState.marks, alertState.unseen.length],
	);
	const screen: Screen = useScreen({
		view,
		state,
		items,
		size,
		layout,
		now: tick,
		glyphs,
		ascii: props.ascii,
		host: props.host,
		insecure,
		lastSuccessAt: engine.getLastSuccessAt(),
		servers: screenServers,
		alerts: shownAlerts,
	});
	deps.current = {
		visibleJobs: screen.visibleJobs,
		connection: view.connection,
		snapshot: () => ({ ...engine.getSnapshot(), lastSuccessAt: engine.getLastSuccessAt() }),
		noticeUntil: state.notice && state.notice.until > tick ? state.notice.until : null,
		relativeTimes: screen.relativeTimes,
	};

	// The job's id (server and key): a fleet hands it to the server that owns the job.
	const focusId =
		state.view.kind === 'detail'
			? state.view.id
			: (state.view.kind === 'help' || state.view.kind === 'error') &&
					state.view.under.kind === 'detail'
				? state.view.under.id
				: null;
	useEffect(() => {
		if (focusId === null) return;
		engine.focus(focusId);
		return () => engine.focus(null);
	}, [engine, focusId]);
	// A failure is seen once its detail is open (and while it is, one arriving is seen at once).
	useEffect(() => {
		if (alerts === undefined || focusId === null) return;
		alerts.setViewing(focusId);
		return () => alerts.setViewing(null);
	}, [alerts, focusId]);
	// A marked job is re-read every poll while it runs, so its end is told in time.
	useEffect(() => {
		engine.keepFresh?.([...alertState.marks]);
	}, [engine, alertState.marks]);

	// Retention never drops what is on screen, selected or open.
	useProtectedJobs(engine, screen.list?.jobs ?? [], [
		screen.list?.selectedId ?? null,
		state.cursor.selectedId,
		focusId,
	]);

	useKeyHandler(props.keys, {
		state,
		dispatch,
		items,
		screen,
		engine,
		connection: view.connection,
		stdout: props.stdout,
		clock,
		onQuit: props.onQuit,
		recovery,
		servers: screenServers,
		...(alerts === undefined ? {} : { alerts }),
		...(view.older === undefined ? {} : { older: view.older }),
	});

	if (size.columns < MIN_COLUMNS || size.rows < MIN_ROWS) {
		return <TooSmall columns={size.columns} rows={size.rows} color={color} />;
	}
	const width = size.columns - 1;
	const footer = promptLabel === null ? screen.footer : passwordPromptLine(promptLabel);
	return (
		<Box flexDirection="column">
			<Lines lines={screen.top} width={width} color={color} ellipsis={glyphs.ellipsis} />
			{screen.list ? (
				<ListBody {...screen.list} layout={layout} glyphs={glyphs} color={color} now={tick} />
			) : (
				<Lines lines={screen.body} width={width} color={color} ellipsis={glyphs.ellipsis} />
			)}
			<ScreenLine line={fitLine(footer, width, glyphs.ellipsis)} color={color} />
		</Box>
	);
}

interface LinesProps {
	readonly lines: readonly Line[];
	readonly width: number;
	readonly color: boolean;
	readonly ellipsis: string;
}

/** Positional lines, each fitted to the width. */
function Lines({ lines, width, color, ellipsis }: LinesProps) {
	return lines.map((line, index) => (
		// biome-ignore lint/suspicious/noArrayIndexKey: these lines have no identity but their place
		<ScreenLine key={index} line={fitLine(line, width, ellipsis)} color={color} />
	));
}
