import type { ApiErrorKind } from '../api/errors.js';
import type { DisplayState, Job, JobId } from '../api/job.js';

/** A failure as the screen shows it: kind, one-line message, one-line hint. */
export interface ErrorSummary {
	readonly kind: ApiErrorKind;
	readonly message: string;
	readonly hint: string;
}

/**
 * How the engine's link to the server stands. The header shows exactly this.
 * Times are epoch ms on the engine's clock.
 */
export type ConnectionState =
	/** Before the first answer. */
	| { readonly kind: 'connecting' }
	/** The last poll succeeded. */
	| { readonly kind: 'live' }
	/** Polls are failing; the engine keeps trying. */
	| {
			readonly kind: 'retrying';
			readonly attempt: number;
			readonly nextTryAt: number;
			readonly lastError: ErrorSummary;
	  }
	/**
	 * The user paused polling. `lastError`: a refresh asked for while paused
	 * failed (polling stays paused; the next refresh or resume tries again).
	 */
	| { readonly kind: 'paused'; readonly lastError?: ErrorSummary }
	/** Retrying cannot help (rejected password, no permission, untrusted certificate). */
	| { readonly kind: 'failed'; readonly error: ErrorSummary };

/** Whether the server honours long polling, as far as the engine has seen. */
export type LongPollSupport = 'unknown' | 'supported' | 'unsupported';

/**
 * An immutable picture of everything the engine knows. A new snapshot object is
 * published whenever anything in it changes; a job that did not change keeps
 * the same object across snapshots, so the UI can memoise rows by identity.
 */
export interface Snapshot {
	/** Increments with every published snapshot. */
	readonly version: number;
	/** Every job held, newest submitted first; ties broken by key, so rows never swap. */
	readonly jobs: readonly Job[];
	/** The same jobs by {@link JobId} (the key itself for a job of no named server). */
	readonly byKey: ReadonlyMap<JobId, Job>;
	/** How many jobs are in each display state. */
	readonly counts: Readonly<Record<DisplayState, number>>;
	readonly connection: ConnectionState;
	/**
	 * When the last successful list poll had ended when this snapshot was
	 * published, or null before the first. A poll that changes nothing publishes
	 * no new snapshot, so judge freshness from the engine's live `getLastSuccessAt`.
	 */
	readonly lastSuccessAt: number | null;
	/** The poll interval in ms, for judging staleness (data older than two intervals). */
	readonly intervalMs: number;
	/** The server's version from `/management-server/system`, when known. */
	readonly serverVersion: string | null;
	/**
	 * The {@link JobId} of the job the engine long-polls for a detail view, or
	 * null (the key itself for a job of no named server).
	 */
	readonly focusKey: JobId | null;
	readonly longPoll: LongPollSupport;
	/** Jobs dropped by the retention cap since start. */
	readonly droppedJobs: number;
	/** Records skipped as unparseable in the last poll (shown as a warning). */
	readonly skippedRecords: number;
	/**
	 * A problem in the last successful poll that did not fail it, one line (a
	 * `next` link to another host, or one looping back, was not followed, so
	 * jobs may be missing), or null. Optional so hand-made snapshots need not say.
	 */
	readonly pollWarning?: string | null;
	/**
	 * When the list poll still in flight began, once it has run longer than one
	 * interval without an answer (a slow or hung server); null (or absent, in
	 * hand-made snapshots) otherwise. A poll that answers in time never sets it,
	 * so it costs an idle screen nothing. The screen counts the wait up from it.
	 */
	readonly pollStartedAt?: number | null;
	/**
	 * With several servers (a fleet), how each one stands, in the order they
	 * were named; absent (or one entry) for a single server. `jobs` and `byKey`
	 * then hold every server's jobs, merged newest first and keyed by
	 * {@link JobId}; `connection` sums them up (see `engine/fleet.ts`).
	 */
	readonly servers?: readonly ServerHealth[];
	/**
	 * Older jobs on demand ({@link Engine.loadOlder}): idle, a page loading,
	 * the server has nothing older, the retention cap (`--max-jobs`) keeps no
	 * more, or the last load failed (the next ask retries). Absent: idle.
	 */
	readonly older?: OlderState;
}

/** How loading older jobs stands (see {@link Snapshot.older}). */
export type OlderState =
	| 'idle'
	| 'loading'
	| 'exhausted'
	| 'full'
	| { readonly error: ErrorSummary };

/** One server of a fleet as the header shows it. */
export interface ServerHealth {
	/** The profile name (or the host for a `--url` without a profile): {@link Job.server}. */
	readonly name: string;
	/** The base URL, for the detail view. */
	readonly url: string;
	readonly connection: ConnectionState;
	/** When its last successful list poll ended, or null before the first. */
	readonly lastSuccessAt: number | null;
	readonly intervalMs: number;
	/** How many of the merged jobs are this server's. */
	readonly jobCount: number;
}

/** Something that happened to a job, as the `events` mode prints it. */
export type JobEvent =
	| { readonly type: 'new'; readonly at: number; readonly job: Job }
	| {
			readonly type: 'transition';
			readonly at: number;
			readonly job: Job;
			readonly from: DisplayState;
			readonly to: DisplayState;
	  };

/** The watch loop. Framework-free; the UI and the `events` mode drive it. */
export interface Engine {
	/** Starts polling (the first poll runs at once). */
	start(): void;
	/** Stops every timer and request; resolves when nothing is left running. */
	stop(): Promise<void>;
	getSnapshot(): Snapshot;
	/** Calls `listener` after each new snapshot; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
	/** Calls `listener` for each job event; returns the unsubscribe function. */
	onEvent(listener: (event: JobEvent) => void): () => void;
	/**
	 * Polls now, or once more as soon as the poll in flight ends. Also retries
	 * at once when retrying or failed. While paused it polls once and stays paused.
	 */
	refresh(): void;
	/** Pauses or resumes polling. */
	setPaused(paused: boolean): void;
	/**
	 * Long-polls this job (a detail view is showing it), or none: its
	 * {@link JobId} (the key itself for a job of no named server).
	 */
	focus(id: JobId | null): void;
	/**
	 * Keeps these jobs live (marked jobs, say): while in progress they are
	 * re-read every poll, like jobs on the first page and the focused one, where
	 * other in-progress jobs that fell off the first page are re-read every 2nd,
	 * 4th … poll as they age, at least every 30 s. Replaces the previous set; `[]`
	 * clears it. Optional so hand-made engines (test fakes) need not have it.
	 */
	keepFresh?(ids: readonly JobId[]): void;
	/**
	 * Loads the next page of jobs older than the oldest held (the user moved
	 * past the end of the list); nothing while one loads or when there is none
	 * older. A failed load is retried by the next call. Optional for fakes.
	 */
	loadOlder?(): void;
	/**
	 * Jobs retention must never drop (the rows on screen and the selected
	 * one). Replaces the previous set. Optional for fakes.
	 */
	protect?(ids: readonly JobId[]): void;
}
