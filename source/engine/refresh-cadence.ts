import type { Job, JobId } from '../api/job.js';
import { LIFECYCLE_VALUES, OUTCOME_VALUES } from '../api/parse-state.js';

/** Jobs younger than this are re-read every poll: jobs change state most often in their first minutes. */
export const YOUNG_JOB_MS = 120_000;

/** The longest gap between two reads of an in-progress job that fell off the first page. */
export const REFRESH_CAP_MS = 30_000;

/**
 * The most polls between two reads of an off-page job: {@link REFRESH_CAP_MS}
 * in whole intervals, at least one (15 at the default 2 s interval).
 *
 * THE BOUND on the delay of a transition of an in-progress job that fell off
 * the first page: a job that changes state right after a read is read again
 * at most P = `maxRefreshPolls(I)` successful polls later, so the transition
 * shows at most P × I = max(1, ⌊30 s / I⌋) × I after it happened: **30 s at
 * the default I = 2 s** (I itself when I ≥ 30 s), plus the time that poll
 * takes to answer. One by-key request per poll names about 100 jobs (URL
 * length), the most overdue first; with n such jobs all due at once, up to
 * ⌈n / 100⌉ − 1 polls more. Polls that fail add their backoff, as for any
 * data. Most transitions show much sooner: jobs on the first page and jobs
 * under two minutes old are read every poll, and a poll that reads none in
 * full probes the rest for a move to another state (see `probeStates`).
 */
export function maxRefreshPolls(intervalMs: number): number {
	return Math.max(1, Math.floor(REFRESH_CAP_MS / intervalMs));
}

/**
 * Polls between two reads of an off-page job of this age: every poll under
 * two minutes old, then every 2nd poll until four minutes, every 4th until
 * eight, and so on, capped at {@link maxRefreshPolls}. A job older than the server's clock
 * says it should be (clock skew) only reaches the cap sooner; one from the
 * future counts as young. Neither can lengthen the bound.
 */
export function refreshPeriod(ageMs: number, intervalMs: number): number {
	const cap = maxRefreshPolls(intervalMs);
	if (!(ageMs >= YOUNG_JOB_MS)) return 1;
	const doublings = Math.floor(Math.log2(ageMs / YOUNG_JOB_MS)) + 1;
	return Math.min(cap, 2 ** Math.min(doublings, 30));
}

/** An off-page in-progress job as the cadence sees it. */
export interface CadenceCandidate {
	readonly id: JobId;
	/** Submit time (epoch ms), or null when the server sent none. */
	readonly submitTime: number | null;
}

/**
 * Which in-progress jobs that fell off the first page a poll re-reads by key.
 * Re-reading all of them every poll made umwatch download 2.7× what
 * `watch curl|jq` does with 50 jobs running; most of those reads found nothing
 * changed. A job of period p (`refreshPeriod(age)`) is read on every poll
 * whose number is a multiple of p: the next such poll comes at most p polls
 * after any read, and jobs of one period are read together, so most polls
 * read none in full and can probe instead (one by-key request a poll). Jobs
 * the UI keeps fresh, and jobs due last poll but not read (left out of the
 * answer, or more than one request holds), are read every poll.
 */
export class RefreshCadence {
	readonly #intervalMs: number;
	/** The index of the poll in flight: successful polls so far. */
	#poll = 0;
	/** When each held in-progress job was last read in full, as a poll index. */
	#lastRead = new Map<JobId, number>();
	/** When a job with no submit time was first seen, standing in for its age. */
	#firstSeen = new Map<JobId, number>();
	/** Due last poll and not read (left out of the answer, or past one request): due again. */
	#owed = new Set<JobId>();
	#lastDue: readonly JobId[] = [];
	#live: ReadonlySet<JobId> = new Set();

	constructor(intervalMs: number) {
		this.#intervalMs = intervalMs;
	}

	/** Jobs read every poll whatever their age (replaces the previous set). */
	setLive(ids: Iterable<JobId>): void {
		this.#live = new Set(ids);
	}

	/**
	 * Of `candidates`, the ones due a full read this poll, most overdue first
	 * (`now`: epoch ms, for ages).
	 */
	select(candidates: readonly CadenceCandidate[], now: number): JobId[] {
		const due: { readonly id: JobId; readonly overdue: number }[] = [];
		for (const { id, submitTime } of candidates) {
			const last = this.#lastRead.get(id);
			const since = last === undefined ? Number.POSITIVE_INFINITY : this.#poll - last;
			const period =
				this.#live.has(id) || this.#owed.has(id)
					? 1
					: refreshPeriod(now - this.#bornAt(id, submitTime, now), this.#intervalMs);
			if (this.#poll % period === 0 || since >= period) due.push({ id, overdue: since / period });
		}
		// Most overdue first: when more are due than one request holds, the rest go next poll.
		due.sort((a, b) => (a.overdue === b.overdue ? 0 : a.overdue < b.overdue ? 1 : -1));
		this.#lastDue = due.map((job) => job.id);
		return [...this.#lastDue];
	}

	/**
	 * Records a successful poll: `read` were read in full (on pages, by key,
	 * by a probe); `active` are the in-progress jobs now held (anything else
	 * is forgotten).
	 */
	record(read: Iterable<JobId>, active: ReadonlySet<JobId>): void {
		const got = new Set(read);
		for (const id of got) if (active.has(id)) this.#lastRead.set(id, this.#poll);
		this.#owed = new Set(this.#lastDue.filter((id) => !got.has(id) && active.has(id)));
		this.#lastDue = [];
		for (const id of this.#lastRead.keys()) if (!active.has(id)) this.#lastRead.delete(id);
		for (const id of this.#firstSeen.keys()) if (!active.has(id)) this.#firstSeen.delete(id);
		this.#poll += 1;
	}

	/** How many jobs are tracked (for tests and leak checks). */
	get size(): number {
		return this.#lastRead.size + this.#firstSeen.size;
	}

	#bornAt(id: JobId, submitTime: number | null, now: number): number {
		if (submitTime !== null) return submitTime;
		const seen = this.#firstSeen.get(id);
		if (seen !== undefined) return seen;
		this.#firstSeen.set(id, now);
		return now;
	}
}

/** Every `state` value umwatch understands, lower case: both shapes (lifecycle, one-field outcome). */
const KNOWN_STATES: readonly string[] = [...LIFECYCLE_VALUES, ...OUTCOME_VALUES];

function normal(state: string | null): string | null {
	return state === null ? null : state.trim().toLowerCase();
}

/**
 * The `state` filter of a change probe over jobs held in these states: every
 * known value they are not in, in both spellings servers use (values are
 * matched as sent, and servers answer lower or upper case). A job it returns
 * has moved to another state; one it leaves out is unchanged, or moved between
 * two held states, or to a value umwatch does not know, or was deleted: the
 * cadence's full reads catch those. Null when nothing is left to ask for.
 */
export function probeStates(held: Iterable<string | null>): readonly string[] | null {
	const holding = new Set<string | null>();
	for (const state of held) holding.add(normal(state));
	const values = KNOWN_STATES.filter((state) => !holding.has(state));
	if (values.length === 0) return null;
	return values.flatMap((state) => [state, state.toUpperCase()]);
}

/**
 * Whether a probe's answer shows the server ignored its `state` filter: it
 * returned a job in a state that was not asked for. Such a server answers
 * every probe with every job's full record, as the full read does, so umwatch
 * stops probing it.
 */
export function probeIgnored(answer: readonly Job[], asked: readonly string[]): boolean {
	const wanted = new Set(asked.map((state) => state.toLowerCase()));
	return answer.some((job) => !wanted.has(normal(job.state) ?? ''));
}
