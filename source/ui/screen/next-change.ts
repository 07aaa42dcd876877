import type { Job } from '../../api/job.js';
import { staleFrom } from '../../engine/freshness.js';
import type { ConnectionState, Snapshot } from '../../engine/types.js';
import { minuteNextChange, nextLocalMidnight } from '../../present/time-format.js';
import { durationChangeAt } from './job-cells.js';

/** What on screen depends on the time. */
export interface TimeDependents {
	/** Jobs whose rows or detail are on screen. */
	readonly visibleJobs: readonly Job[];
	readonly connection: ConnectionState;
	/**
	 * The freshest times, read when asked: `lastSuccessAt` is the engine's live
	 * read (not the rendered view's, which is minute-rounded and may be older
	 * than the last poll).
	 */
	readonly snapshot: () => Pick<
		Snapshot,
		'lastSuccessAt' | 'intervalMs' | 'pollStartedAt' | 'servers'
	>;
	/** When the footer notice goes, or null. */
	readonly noticeUntil: number | null;
	/** Absolute times shown relatively ("4 min ago") in the detail view. */
	readonly relativeTimes: readonly number[];
}

function ageNextChange(since: number, now: number): number {
	const age = now - since;
	return age < 60_000 ? now + 1000 - (age % 1000) : minuteNextChange(since, now);
}

/** When a retry countdown or the freshness of one connection next shows a change, or null. */
function connectionChangeAt(
	from: number,
	connection: ConnectionState,
	freshness: Pick<Snapshot, 'lastSuccessAt' | 'intervalMs'>,
): number | null {
	let next: number | null = null;
	const consider = (at: number | null): void => {
		if (at !== null && at > from && (next === null || at < next)) next = at;
	};
	if (connection.kind === 'retrying' && connection.nextTryAt > from) {
		consider(from + ((connection.nextTryAt - from) % 1000 || 1000));
	}
	const staleAt = staleFrom(freshness);
	if (freshness.lastSuccessAt !== null && staleAt !== null && connection.kind !== 'failed') {
		consider(staleAt > from ? staleAt : ageNextChange(freshness.lastSuccessAt, from));
	}
	return next;
}

/**
 * The first moment after `from` at which the screen's text would change by
 * the passage of time alone, so the shared clock ticks exactly then.
 */
export function nextChangeAt(from: number, deps: TimeDependents): number {
	let next = nextLocalMidnight(from);
	const consider = (at: number | null): void => {
		if (at !== null && at > from && at < next) next = at;
	};
	for (const job of deps.visibleJobs) consider(durationChangeAt(job, from));
	const { connection } = deps;
	const snapshot = deps.snapshot();
	consider(connectionChangeAt(from, connection, snapshot));
	// Several servers: each one's header entry and notice line count down and turn stale on their own.
	const servers = snapshot.servers ?? [];
	if (servers.length >= 2) {
		for (const server of servers) consider(connectionChangeAt(from, server.connection, server));
	}
	const pollStartedAt = snapshot.pollStartedAt ?? null;
	if (pollStartedAt !== null && connection.kind !== 'paused' && connection.kind !== 'failed') {
		// "waiting for an answer for Ns" appears after one interval, then counts each second.
		const shownAt = pollStartedAt + snapshot.intervalMs;
		const waited = from - pollStartedAt;
		consider(from < shownAt ? shownAt : pollStartedAt + (Math.floor(waited / 1000) + 1) * 1000);
	}
	consider(deps.noticeUntil);
	for (const time of deps.relativeTimes) consider(minuteNextChange(time, from));
	return next;
}
