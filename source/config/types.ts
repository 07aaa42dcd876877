import type { SortOrder } from '../api/sort-order.js';

/** The subcommands, as typed after `umwatch`. The live view has no name: it is the default. */
export const COMMAND_NAMES = ['list', 'show', 'wait', 'events', 'simulate', 'trust'] as const;

/** What umwatch was asked to do: a subcommand, or `watch` (the live view). */
export type CommandName = 'watch' | (typeof COMMAND_NAMES)[number];

/** True when `word` is a subcommand (so it cannot be read as a profile name). */
export function isCommandName(word: string): word is (typeof COMMAND_NAMES)[number] {
	return (COMMAND_NAMES as readonly string[]).includes(word);
}

/**
 * The flags as the command line parsed them, before any checking. Values are
 * strings so each can be checked with a message that names the flag; booleans
 * are undefined when not given.
 */
export interface CliFlags {
	readonly url?: string | undefined;
	readonly user?: string | undefined;
	readonly profile?: string | undefined;
	readonly passwordFile?: string | undefined;
	readonly passwordCommand?: string | undefined;
	readonly caFile?: string | undefined;
	readonly fingerprint?: string | undefined;
	readonly insecure?: boolean | undefined;
	readonly interval?: string | undefined;
	readonly maxJobs?: string | undefined;
	readonly color?: boolean | undefined;
	readonly ascii?: boolean | undefined;
	/** `--lang ja|en`: read by the command line before anything else (i18n/language.ts). */
	readonly lang?: string | undefined;
	/** `--unicode`: Unicode glyphs even when the locale is not UTF-8. */
	readonly unicode?: boolean | undefined;
	readonly demo?: boolean | undefined;
	readonly json?: boolean | undefined;
	readonly ndjson?: boolean | undefined;
	readonly state?: string | undefined;
	readonly name?: string | undefined;
	readonly type?: string | undefined;
	readonly limit?: string | undefined;
	readonly sort?: string | undefined;
	readonly since?: string | undefined;
	readonly timeout?: string | undefined;
	readonly any?: boolean | undefined;
	readonly bell?: boolean | undefined;
	readonly desktopNotify?: boolean | undefined;
	/** False for `--no-title`. */
	readonly title?: boolean | undefined;
	readonly yes?: boolean | undefined;
	readonly setUrl?: boolean | undefined;
	readonly port?: string | undefined;
	readonly host?: string | undefined;
	readonly tlsCert?: string | undefined;
	readonly tlsKey?: string | undefined;
	readonly rate?: string | undefined;
	readonly seed?: string | undefined;
	readonly shape?: string | undefined;
	readonly longPoll?: boolean | undefined;
	readonly all?: boolean | undefined;
	readonly partialOk?: boolean | undefined;
	readonly demoServers?: string | undefined;
}

/** Where a setting came from, named in messages ("--url", "UMWATCH_URL", "profile prod"). */
export type Origin = string;

/** Where the password will come from, chosen by the documented order (first that applies). */
export type PasswordSource =
	| { readonly kind: 'environment' }
	| { readonly kind: 'file'; readonly path: string; readonly origin: Origin }
	| { readonly kind: 'command'; readonly command: string; readonly origin: Origin }
	| { readonly kind: 'prompt' }
	/** The demo: the in-process simulator's own password, generated at start. */
	| { readonly kind: 'demo' };

/** How to reach and trust one Unified Manager (no password: that is read when needed). */
export interface ServerConfig {
	readonly url: string;
	/** Null only for `trust`, which needs no login. */
	readonly user: string | null;
	/** Path of a PEM file of CA certificates to trust, or null. */
	readonly caFile: string | null;
	/** Normalised SHA-256 fingerprint to pin, or null. */
	readonly fingerprint: string | null;
	readonly insecure: boolean;
	readonly password: PasswordSource;
}

/** One server of several, with the settings its own profile gives it. */
export interface NamedServer {
	/** The profile name, or the URL's host when there is no profile: shown in the SERVER column and JSON. */
	readonly name: string;
	readonly server: ServerConfig;
	/** The poll interval of this server (its profile's `interval`, or the common one). */
	readonly intervalMs: number;
	/** The profile it came from, or null for a `--url` without one. */
	readonly profileName: string | null;
	/**
	 * This server's retention cap: --max-jobs, else its profile's `maxJobs`;
	 * null (or absent) for the engine's default.
	 */
	readonly maxJobs?: number | null;
}

/** Options of `list` (filters), `wait` (timeout) and the output format of every script mode. */
export interface OutputConfig {
	readonly json: boolean;
	readonly ndjson: boolean;
	readonly state: string | null;
	readonly name: string | null;
	readonly type: string | null;
	readonly limit: number | null;
	/** `--sort`: the order `list` prints (and, later, the live view starts in); null for the default. */
	readonly sort: SortOrder | null;
	/**
	 * `--since`: only jobs submitted at or after this (epoch ms), for `list` and
	 * the live view; read once, when the command line is, so a span such as
	 * `24h` counts back from the start. Null when not given.
	 */
	readonly since: number | null;
	readonly timeoutMs: number | null;
	/** `wait --any`: return when the first of several jobs is over. */
	readonly any: boolean;
	/** `wait --bell`: one BEL on stderr when the wait ends (only when stderr is a terminal). */
	readonly bell: boolean;
}

/** Options of `umwatch simulate` (and of the demo's in-process simulator). */
export interface SimulateConfig {
	readonly host: string;
	readonly port: number;
	readonly tlsCert: string | null;
	readonly tlsKey: string | null;
	readonly ratePerMinute: number | null;
	readonly seed: number | null;
	readonly shape: 'lowercase' | 'uppercase' | 'single';
	readonly longPoll: boolean;
	readonly user: string;
}

/** What `umwatch trust` may change in an existing profile besides its fingerprint. */
export interface TrustConfig {
	/** `--set-url`: the profile's URL becomes the one given with --url or UMWATCH_URL. */
	readonly setUrl: boolean;
	/** `--user U`, which replaces the profile's user; null when not given. */
	readonly user: string | null;
}

/** How the live view tells someone not looking. */
export interface NotifyConfig {
	/** `--bell` or the profile's `"bell": true`. */
	readonly bell: boolean;
	/** `--desktop-notify` or the profile's `"desktopNotify": true`. */
	readonly desktopNotify: boolean;
	/** The window title shows the counts; false for `--no-title`. */
	readonly title: boolean;
}

/** Everything umwatch needs to run, resolved from flags > environment > profile > defaults. */
export interface Config {
	/** What to run. `watch` without a terminal on stdout has already become `list`. */
	readonly command: CommandName;
	/** Words after the command (the job key of `show` and `wait`). */
	readonly args: readonly string[];
	/** `--demo`: watch an in-process simulator instead of a server. */
	readonly demo: boolean;
	/** The profile in use (the first of several), or null. */
	readonly profileName: string | null;
	/** The config file's path (whether or not it exists). */
	readonly configPath: string;
	/** Null for `simulate` and the demo. With several servers, the first of {@link servers}. */
	readonly server: ServerConfig | null;
	/**
	 * Every server to watch, in the order named (`umwatch tokyo osaka`,
	 * `--profile tokyo,osaka`, `--all`): one entry for a single server (also for
	 * a `--url` without a profile), none for `simulate`, `trust` and the demo.
	 */
	readonly servers: readonly NamedServer[];
	/** `--partial-ok`: a script mode exits 0 when at least one server answered. */
	readonly partialOk: boolean;
	/** `--demo-servers N`: the demo runs N simulated servers (1 for a plain `--demo`). */
	readonly demoServers: number;
	readonly intervalMs: number;
	/** Retention cap of the live view, or null for the engine's default. */
	readonly maxJobs: number | null;
	readonly color: boolean;
	/** ASCII only: `--ascii`, or a locale that is not UTF-8 (unless `--unicode`). */
	readonly ascii: boolean;
	/** The live view's ways of telling: `--bell`, `--desktop-notify` (or the profile's), `--no-title`. */
	readonly notify: NotifyConfig;
	readonly output: OutputConfig;
	/** `--yes`: `trust` stores the fingerprint without asking. */
	readonly yes: boolean;
	readonly trust: TrustConfig;
	readonly simulate: SimulateConfig;
	/** Printed on stderr before anything runs (loose permissions, unknown keys, plain http). */
	readonly warnings: readonly string[];
}
