import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { DisplayState, Job } from '../api/job.js';
import type { WatchEngine } from '../engine/engine.js';
import { isStale } from '../engine/freshness.js';
import { sameConnection } from '../engine/snapshot-publisher.js';
import type { ConnectionState, OlderState, ServerHealth, Snapshot } from '../engine/types.js';

/**
 * One server of several as the view compares it: what its header entry shows.
 * The exact time of its last success is read live when the frame is drawn.
 */
export interface ServerView {
	readonly name: string;
	readonly url: string;
	readonly connection: ConnectionState;
	readonly jobCount: number;
	readonly intervalMs: number;
	readonly lastSuccessMinute: number | null;
	/** Whether its data was older than two of its intervals when the view was taken. */
	readonly stale: boolean;
}

/**
 * The part of a snapshot the screen shows. Two views that are `sameView`
 * render the same screen, so a poll that changes nothing visible (only the
 * exact time of the last success, within the same minute) causes no render.
 */
export interface EngineView {
	readonly jobs: readonly Job[];
	readonly byKey: ReadonlyMap<string, Job>;
	readonly counts: Readonly<Record<DisplayState, number>>;
	readonly connection: ConnectionState;
	/** The last success, floored to the minute (the header shows HH:MM). */
	readonly lastSuccessMinute: number | null;
	/** Whether the data was older than two intervals when the view was taken. */
	readonly stale: boolean;
	readonly intervalMs: number;
	readonly serverVersion: string | null;
	readonly skippedRecords: number;
	/** A problem in the last poll that did not fail it (a `next` link not followed), or null. */
	readonly pollWarning: string | null;
	/** When the list poll in flight began, once it has overrun its interval; else null. */
	readonly pollStartedAt: number | null;
	/** Each server of a fleet (two or more), in the order named; empty for one server. */
	readonly servers: readonly ServerView[];
	/** How loading older jobs stands (the row after the last job); absent: idle. */
	readonly older?: OlderState;
}

function minuteOf(at: number | null): number | null {
	return at === null ? null : Math.floor(at / 60_000);
}

/** The servers of a fleet as the view holds them; none for a single server. */
export function selectServers(
	servers: readonly ServerHealth[] | undefined,
	now: number,
): readonly ServerView[] {
	if (servers === undefined || servers.length < 2) return [];
	return servers.map((server) => ({
		name: server.name,
		url: server.url,
		connection: server.connection,
		jobCount: server.jobCount,
		intervalMs: server.intervalMs,
		lastSuccessMinute: minuteOf(server.lastSuccessAt),
		stale: isStale(server, now),
	}));
}

function sameServers(a: readonly ServerView[], b: readonly ServerView[]): boolean {
	if (a.length !== b.length) return false;
	return a.every((x, i) => {
		const y = b[i];
		return (
			y !== undefined &&
			x.name === y.name &&
			x.url === y.url &&
			sameConnection(x.connection, y.connection) &&
			x.jobCount === y.jobCount &&
			x.intervalMs === y.intervalMs &&
			x.lastSuccessMinute === y.lastSuccessMinute &&
			x.stale === y.stale
		);
	});
}

// `lastSuccessAt` is the engine's live read: a quiet poll moves it without a new snapshot.
function selectView(snapshot: Snapshot, lastSuccessAt: number | null, now: number): EngineView {
	return {
		jobs: snapshot.jobs,
		byKey: snapshot.byKey,
		counts: snapshot.counts,
		connection: snapshot.connection,
		lastSuccessMinute: minuteOf(lastSuccessAt),
		stale: isStale({ lastSuccessAt, intervalMs: snapshot.intervalMs }, now),
		intervalMs: snapshot.intervalMs,
		serverVersion: snapshot.serverVersion,
		skippedRecords: snapshot.skippedRecords,
		pollWarning: snapshot.pollWarning ?? null,
		pollStartedAt: snapshot.pollStartedAt ?? null,
		servers: selectServers(snapshot.servers, now),
		older: snapshot.older ?? 'idle',
	};
}

function sameJobs(a: readonly Job[], b: readonly Job[]): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

function sameCounts(a: EngineView['counts'], b: EngineView['counts']): boolean {
	if (a === b) return true;
	return Object.keys(a).every((k) => a[k as DisplayState] === b[k as DisplayState]);
}

/** Whether two views render the same screen. */
export function sameView(a: EngineView, b: EngineView): boolean {
	return (
		sameJobs(a.jobs, b.jobs) &&
		sameCounts(a.counts, b.counts) &&
		sameConnection(a.connection, b.connection) &&
		a.lastSuccessMinute === b.lastSuccessMinute &&
		a.stale === b.stale &&
		a.intervalMs === b.intervalMs &&
		a.serverVersion === b.serverVersion &&
		a.skippedRecords === b.skippedRecords &&
		a.pollWarning === b.pollWarning &&
		a.pollStartedAt === b.pollStartedAt &&
		a.older === b.older &&
		sameServers(a.servers, b.servers)
	);
}

/**
 * The engine's state as the screen needs it, through useSyncExternalStore:
 * a new object only when something visible changed.
 */
export function useEngineView(engine: WatchEngine, now: () => number): EngineView {
	const cache = useRef<EngineView | null>(null);
	const subscribe = useCallback((listener: () => void) => engine.subscribe(listener), [engine]);
	const getView = useCallback((): EngineView => {
		const next = selectView(engine.getSnapshot(), engine.getLastSuccessAt(), now());
		if (cache.current !== null && sameView(cache.current, next)) return cache.current;
		cache.current = next;
		return next;
	}, [engine, now]);
	return useSyncExternalStore(subscribe, getView, getView);
}
