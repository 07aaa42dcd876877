import type { Clock } from '../time/clock.js';

/**
 * The lifecycle of a simulated job (`state` in the two-field shapes). A test may
 * also set any other string to see how a client copes with a value it does not know.
 */
export type SimLifecycle = 'queued' | 'waiting' | 'running' | 'completed' | 'aborting' | 'aborted';

/** The outcome of a simulated job (`status` in the two-field shapes). */
export type SimOutcome = 'normal' | 'warning' | 'partial_failures' | 'error';

/** How the simulator spells job states on the wire. */
export type SimShape =
	/** Two fields, lowercase: `state: "completed", status: "normal"` (recent servers; default). */
	| 'lowercase'
	/** Two fields, uppercase: `state: "COMPLETED", status: "NORMAL"` (older servers). */
	| 'uppercase'
	/**
	 * One field, as the 9.7 documentation describes it: a finished job has
	 * `state` NORMAL, WARNING, PARTIAL_FAILURES or ERROR (its outcome) and a
	 * `complete_time`; a job still in progress has `state` QUEUED, WAITING,
	 * RUNNING or ABORTING and no `complete_time`; an aborted job has ABORTED.
	 * There is no `status` field at all, on jobs or on task reports.
	 */
	| 'single';

/** A sub-task of a simulated job (`task_reports[]`). */
export interface SimTask {
	readonly key: string;
	/** e.g. `monitor_discover`, `create_volume`. */
	readonly type: string;
	readonly state: SimLifecycle | (string & {});
	readonly status: SimOutcome | (string & {});
	/** Why the task failed (or what it warned about); English or Japanese. Absent on healthy tasks. */
	readonly message?: string;
}

/** One `{name, value}` pair of `job_results[]`. */
export interface SimResult {
	readonly name: string;
	readonly value: string;
}

/**
 * A job as the simulator holds it. The objects returned by the simulator are its
 * live records, typed read-only: change them only through `updateJob`,
 * `finishJob` and `removeJob`, which keep order, indexes and long polls right.
 */
export interface SimJob {
	readonly key: string;
	readonly name: string;
	readonly type: string;
	readonly state: SimLifecycle | (string & {});
	/** Outcome so far; `normal` while a job is queued or running, as real servers answer. */
	readonly status: SimOutcome | (string & {});
	/** Epoch ms. */
	readonly submitTime: number;
	/** Epoch ms, or null while the job is in progress. */
	readonly completeTime: number | null;
	/**
	 * Epoch ms of the last change of anything visible in the job (never sent on
	 * the wire). Long polls compare `last_modified` against it.
	 */
	readonly modifiedTime: number;
	readonly taskReports: readonly SimTask[];
	readonly jobResults: readonly SimResult[];
	/**
	 * Raw fields merged into the job's JSON after the regular ones, replacing
	 * them on a name clash: extra unknown fields, wrong types (`{submit_time: 5}`),
	 * or hostile values, for tolerance tests.
	 */
	readonly rawFields: Readonly<Record<string, unknown>> | null;
	/** Whether the job still follows its generated lifecycle as simulated time passes. */
	readonly auto: boolean;
	/** Submission order; breaks ties between jobs submitted in the same millisecond. */
	readonly seq: number;
}

/**
 * What to create with `addJob`/`addJobs`. Everything is optional; what is left
 * out is generated from the seed. Without `state`, a new job is `running`
 * (submitted now, started now) and follows a generated plan as simulated time
 * passes: task by task to its planned outcome after `durationMs`.
 */
export interface JobSpec {
	key?: string;
	name?: string;
	type?: string;
	state?: SimLifecycle | (string & {});
	status?: SimOutcome | (string & {});
	/** Epoch ms; default now. May lie in the future (clock-skew tests). */
	submitTime?: number;
	/** Epoch ms; default: now for a finished state, null otherwise. */
	completeTime?: number | null;
	taskReports?: readonly SimTask[];
	jobResults?: readonly SimResult[];
	rawFields?: Record<string, unknown> | null;
	/**
	 * Follow the generated lifecycle (default true for queued/waiting/running/aborting
	 * jobs; a finished job never moves). `false` leaves the job exactly as given.
	 */
	auto?: boolean;
	/** Planned end for an automatic job: `aborted` or an outcome. Default from the seeded mix. */
	outcome?: SimOutcome | 'aborted';
	/** How long an automatic job runs, in ms. Default 5 s to 3 min from the seed. */
	durationMs?: number;
	/** Put escape sequences into the name and messages (security tests). */
	hostile?: boolean;
}

/** A change to one job through `updateJob`. Changing `state` or `status` stops its automatic lifecycle. */
export interface JobPatch {
	name?: string;
	type?: string;
	state?: SimLifecycle | (string & {});
	status?: SimOutcome | (string & {});
	submitTime?: number;
	completeTime?: number | null;
	taskReports?: readonly SimTask[];
	jobResults?: readonly SimResult[];
	rawFields?: Record<string, unknown> | null;
}

/** How `finishJob` ends a job. */
export type FinishStatus = SimOutcome | 'aborted';

/**
 * A misbehaviour the server shows for the next matching requests, whatever
 * they ask. Faults apply before authentication, as a proxy or a dying server would.
 */
export type Fault =
	/** An error status with AIQUM's error envelope (or `body`); 401 adds `WWW-Authenticate`. */
	| { kind: 'status'; status: number; retryAfterSeconds?: number; body?: string }
	/** Wait `ms` on the simulator's clock, then answer normally. */
	| { kind: 'latency'; ms: number }
	/** A proxy's HTML error page, `text/html`, status 502 unless given (200 is allowed). */
	| { kind: 'html'; status?: number }
	/** The normal answer with its full `Content-Length`, but only half the body; then the socket ends. */
	| { kind: 'truncated' }
	/** The socket is destroyed before anything is written. */
	| { kind: 'reset' }
	/** Headers and half the normal body are written, then the socket is destroyed. */
	| { kind: 'reset-mid-body' }
	/** Headers and half the normal body are written, then nothing more until `close()`. */
	| { kind: 'stall-mid-body' }
	/** The request is accepted and never answered until `close()`. */
	| { kind: 'hang' }
	/** `200 application/json` (or `status`/`contentType`) with exactly this raw body. */
	| { kind: 'garbage'; body: string; status?: number; contentType?: string }
	/**
	 * A JSON-looking body of `bytes` bytes, streamed without being held in memory;
	 * chunked unless `declareLength` (then with a matching `Content-Length`).
	 */
	| { kind: 'oversized'; bytes: number; declareLength?: boolean };

/** Where and how often a fault applies. */
export interface FaultOptions {
	/** How many matching requests get the fault: default 1; `Infinity` until `clearFaults()`. */
	count?: number;
	/** Only requests whose target (path and query, as sent) matches; default every request. */
	path?: RegExp;
}

/** Counters of what the server has served since start or `resetStats()`. */
export interface SimulatorStats {
	/** Every request received, faulted ones included. */
	requests: number;
	/** Bytes written to sockets for finished responses (headers and bodies). */
	bytesSent: number;
	/**
	 * Requests by route: `/management-server/jobs`, `/management-server/jobs/{key}`,
	 * `/management-server/system`, or `other` (the `/api` or `/api/v2` prefix dropped).
	 */
	byPath: Map<string, number>;
	/** Long polls currently held (a gauge, not reset by `resetStats`). */
	longPollsHeld: number;
	/** Long-poll requests received (those that carried `poll_timeout`). */
	longPolls: number;
	/** Requests that got an injected fault. */
	faults: number;
}

/** How to build a simulator. Every field is optional. */
export interface SimulatorOptions {
	/** Interface to listen on; default `127.0.0.1`. */
	host?: string;
	/** Port; default 0 (ephemeral). After `close()`, `listen()` reuses the port first bound. */
	port?: number;
	/** PEM text; when given the server speaks HTTPS only. */
	tls?: { cert: string; key: string };
	/** Basic-auth user name; default `admin`. */
	user?: string;
	/** Basic-auth password; default `admin`. */
	password?: string;
	/** Seeds names, keys, durations, outcomes and arrivals; default random. */
	seed?: number;
	/** Source of time and timers; default the system clock. */
	clock?: Clock;
	/**
	 * Default true: simulated time follows the clock and jobs arrive and progress
	 * by timers. False: simulated time stands still at `startTime` and only
	 * `advance(ms)` moves it (arrivals, progress and long-poll timeouts), for tests.
	 */
	autoAdvance?: boolean;
	/** Simulated time at start (epoch ms); default `clock.now()`. */
	startTime?: number;
	/** With `autoAdvance`, simulated ms per clock ms (e.g. 60 plays a minute per second); default 1. */
	speed?: number;
	/** New jobs per simulated minute (Poisson arrivals); default 6; 0 for none. */
	ratePerMinute?: number;
	/** Finished jobs present at start, dated over the preceding hours; default 40. */
	historyJobs?: number;
	/** Jobs in progress at start; default 2. */
	activeJobs?: number;
	/** How states are spelled on the wire; default `lowercase`. */
	shape?: SimShape;
	/** Honour `poll_timeout` + `last_modified` (default true); false answers at once. */
	longPoll?: boolean;
	/** Fraction (0..1) of generated jobs whose names and messages carry escape sequences; default 0. */
	hostileRate?: number;
	/** The version `/management-server/system` reports; default `9.16P1`. */
	version?: string;
	/** UTC offset of the times the server writes, in minutes; default 540 (+09:00). */
	utcOffsetMinutes?: number;
}

/**
 * A running (or ready) simulated Unified Manager: the HTTP(S) server plus the
 * control surface tests, the demo and the benchmarks drive it with.
 *
 * On the wire (under `/api` and `/api/v2`): Basic auth on every request (401
 * with `WWW-Authenticate` otherwise); GET and HEAD only (405); unknown paths
 * 404; errors in the `{"error": {message, code, target}}` envelope; a `Date`
 * header in simulated time. `GET /management-server/jobs` pages newest
 * submitted first (20 by default, `max_records` capped at 1000, `offset`,
 * `_links.next` until the last page), filters by key, name, type, state,
 * status, submit_time and complete_time (`|` or, `*` wildcard, `!` not, and
 * `<`, `<=`, `>`, `>=` on times; state and status case-insensitive; `?` in a
 * value is a 400) and orders by `order_by=field [asc|desc][,…]`.
 * `GET /management-server/jobs/{key}` long-polls with `poll_timeout` (1-120 s,
 * clamped) and `last_modified` (ISO-8601 or epoch seconds or ms): it answers
 * at once if the job changed after `last_modified`, compared at the precision
 * given (a whole-second value, such as a `Date` header, counts a change within
 * that second as not newer), else when the job changes or the timeout ends.
 * Request headers may total 64 KiB, room for a key filter of ~1,000 keys.
 */
export interface Simulator {
	/** Starts listening; resolves the base URL without `/api`, e.g. `http://127.0.0.1:43121`. */
	listen(): Promise<string>;
	/** The base URL once listening ('' before). */
	readonly url: string;
	/** Stops the server, destroys every socket (held long polls, hung faults), clears all timers. */
	close(): Promise<void>;
	/** Simulated now, epoch ms. */
	now(): number;
	/** Moves simulated time forward: due arrivals, progress and long-poll timeouts happen, in order. */
	advance(ms: number): void;
	/** Adds one job now; see {@link JobSpec}. */
	addJob(spec?: JobSpec): SimJob;
	/** Adds a burst of jobs (fast even for 100,000); `spec` may depend on the index. */
	addJobs(n: number, spec?: JobSpec | ((index: number) => JobSpec)): SimJob[];
	/** Changes a job, bumps its modified time and wakes long polls on it. Throws for an unknown key. */
	updateJob(key: string, patch: JobPatch): SimJob;
	/** Ends a job now with this outcome, with matching task reports and results. */
	finishJob(key: string, status: FinishStatus): SimJob;
	/** Deletes a job; held long polls on it answer 404. Returns whether it existed. */
	removeJob(key: string): boolean;
	/** One job by key. */
	job(key: string): SimJob | undefined;
	/** Every job, oldest submitted first (a copy of the list; the jobs are live). */
	jobs(): readonly SimJob[];
	/** Applies `fault` to the next matching requests. */
	injectFault(fault: Fault, options?: FaultOptions): void;
	/** Drops every pending fault. */
	clearFaults(): void;
	readonly stats: SimulatorStats;
	/** Zeroes the counters in place (not the long-poll gauge). */
	resetStats(): void;
}
