import type { Dispatcher } from 'undici';
import type { Clock } from '../time/clock.js';
import type { Job, SystemInfo } from './job.js';

/** Fields the jobs collection can be filtered (and ordered) by, per the contract. */
export const JOB_FILTER_FIELDS = [
	'key',
	'name',
	'type',
	'state',
	'status',
	'submit_time',
	'complete_time',
] as const;

/** A field of {@link JOB_FILTER_FIELDS}. Values use AIQUM's `|` (or) and `*` (wildcard). */
export type JobFilterField = (typeof JOB_FILTER_FIELDS)[number];

/** One page of the jobs collection, parsed. */
export interface JobsPage {
	readonly jobs: readonly Job[];
	/** `num_records`, or the number of records when absent. */
	readonly numRecords: number;
	/** `total_records` when the server sent it, else null. */
	readonly totalRecords: number | null;
	/** `_links.next.href` (server-relative) when there is a next page and it is safe to follow. */
	readonly nextHref: string | null;
	/** Records the parser had to skip (no key, not an object); shown as a warning, never fatal. */
	readonly skipped: number;
	/**
	 * Set when the page had a `next` link the client refused to follow (another
	 * host or scheme, or outside `/api`): one line saying so, for a warning.
	 * `nextHref` is then null.
	 */
	readonly nextRefused?: string;
}

/** Options for one request of the jobs collection. */
export interface ListJobsOptions {
	readonly filters?: Partial<Record<JobFilterField, string>>;
	/** e.g. "submit_time desc". */
	readonly orderBy?: string;
	/** Page size; the client caps it at 1000 (the server's own cap). */
	readonly maxRecords?: number;
	readonly offset?: number;
	readonly signal?: AbortSignal;
}

/** The answer to a long-poll request for one job. */
export interface LongPollResult {
	readonly job: Job;
	/** The server's `Date` header as epoch ms, or null; the next `lastModified` to send. */
	readonly serverTime: number | null;
	/** How long the server held the request, measured on the injected clock. */
	readonly heldMs: number;
}

/** Options for {@link AiqumClient.longPollJob}. */
export interface LongPollOptions {
	/** 1 to 120 seconds; the client clamps it. */
	readonly pollTimeoutSeconds: number;
	/** Answer only when the job changed after this time (epoch ms). */
	readonly lastModified: number;
	readonly signal?: AbortSignal;
}

/**
 * The AIQUM jobs API, as the engine and the scripting modes see it. The only
 * implementation that talks HTTP is `createClient` in `client.ts`; tests may
 * substitute a fake.
 */
export interface AiqumClient {
	/** The base URL as resolved (scheme, host, port, and `/api` prefix), for display. */
	readonly baseUrl: string;
	/** Host (and port, when not the default) to show people. */
	readonly displayHost: string;
	/**
	 * The server's name, stamped on every job it returns ({@link Job.server}):
	 * the profile name, or {@link displayHost} when none was given.
	 */
	readonly server: string;
	/** One page of `/management-server/jobs`. */
	listJobsPage(options?: ListJobsOptions): Promise<JobsPage>;
	/** The page a `_links.next.href` names (must be on the same server; checked). */
	listJobsPageAt(href: string, signal?: AbortSignal): Promise<JobsPage>;
	/** One job by key (the key is URL-encoded by the client). */
	getJob(key: string, signal?: AbortSignal): Promise<Job>;
	/** One job with `poll_timeout` and `last_modified`: held by servers that long-poll. */
	longPollJob(key: string, options: LongPollOptions): Promise<LongPollResult>;
	/** `/management-server/system`: version and identity; fields null when absent. */
	getSystem(signal?: AbortSignal): Promise<SystemInfo>;
	/** Closes the connection pool. */
	close(): Promise<void>;
}

/** How to reach and trust one Unified Manager. */
export interface ClientOptions {
	/** `https://host[:port]`, with or without `/api` (or `/api/v2`) after it. */
	readonly url: string;
	readonly user: string;
	/** Never logged, never put in an error message. */
	readonly password: string;
	/** The server's name for people and for {@link Job.server}: the profile name; the host when absent. */
	readonly server?: string;
	/** PEM text of CA certificates (or the server's own self-signed certificate) to trust. */
	readonly ca?: string;
	/** Where {@link ClientOptions.ca} came from (the --ca-file path), named when a certificate is not signed by it. */
	readonly caFile?: string;
	/** Skip certificate verification entirely (the UI shows a standing warning). */
	readonly insecure?: boolean;
	/** Accept exactly the certificate with this SHA-256 fingerprint (hex, colons optional). */
	readonly fingerprint?: string;
	readonly connectTimeoutMs?: number;
	readonly headersTimeoutMs?: number;
	readonly bodyTimeoutMs?: number;
	/** Bodies larger than this fail with `too-large`. Default 32 MiB. */
	readonly maxResponseBytes?: number;
	/** Measures long-poll hold times; the system clock by default. */
	readonly clock?: Clock;
	/** Tests may inject their own undici dispatcher. */
	readonly dispatcher?: Dispatcher;
}
