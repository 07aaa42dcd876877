import type { ApiErrorKind } from './errors.js';
import type { Job } from './job.js';

/**
 * Every exit code umwatch ends with, one number per way things end, so a script
 * can tell a failed job from a failed connection without parsing text.
 * `wait` exits with the job's outcome; every command exits with the failure codes.
 */
export const ExitCode = {
	/** The job completed normally (or: the command did what was asked). */
	Normal: 0,
	/** Something unexpected went wrong inside umwatch (a bug: please report it). */
	Internal: 1,
	/** Bad usage: unknown flag, missing URL or key, malformed duration, bad key or stdin. */
	Usage: 2,
	/** The job completed with warnings. */
	Warning: 3,
	/** The job completed with partial failures. */
	PartialFailures: 4,
	/** The job completed with an error. */
	Error: 5,
	/** The job was aborted. */
	Aborted: 6,
	/** `--timeout` ran out before the job ended. */
	TimedOut: 7,
	/** No job with that key. */
	NotFound: 8,
	/** The user name or password was rejected (401), or the user lacks an API role (403). */
	Auth: 9,
	/** The server's certificate is not trusted, expired, for another host, or not the pinned one. */
	Tls: 10,
	/** Network, timeout, 5xx or unreadable answers that did not recover after retrying. */
	Connection: 11,
	/** The job is over, but its outcome is a state umwatch does not know (shown as it came). */
	UnknownOutcome: 12,
	/** Hung up (SIGHUP, e.g. the SSH connection dropped), the shell's 128 + 1. */
	HungUp: 129,
	/** Interrupted (Ctrl-C / SIGINT), following the shell's 128 + signal convention. */
	Interrupted: 130,
	/** Terminated (SIGTERM), the shell's 128 + 15. */
	Terminated: 143,
} as const;

/** The exit code for each signal umwatch ends on (the shell's 128 + n). */
export const SIGNAL_EXIT_CODES = {
	SIGHUP: ExitCode.HungUp,
	SIGINT: ExitCode.Interrupted,
	SIGTERM: ExitCode.Terminated,
} as const;

/** One of the numbers in {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit code for a client failure that ended a command. */
export function exitCodeForError(kind: ApiErrorKind): ExitCodeValue {
	switch (kind) {
		case 'auth':
		case 'permission':
			return ExitCode.Auth;
		case 'tls':
			return ExitCode.Tls;
		case 'not-found':
			return ExitCode.NotFound;
		case 'aborted':
			return ExitCode.Interrupted;
		case 'network':
		case 'timeout':
		case 'server':
		case 'rate-limited':
		case 'bad-response':
		case 'too-large':
		case 'request':
		case 'method':
			// A 400/405 means the server refused what umwatch asked: still "talking to
			// the server failed" from a script's point of view, not a job outcome.
			return ExitCode.Connection;
	}
}

/**
 * The exit code for how a job ended. Only meaningful once `job.over` is true;
 * a job that is over in a state umwatch cannot classify exits with
 * {@link ExitCode.UnknownOutcome} rather than pretending success or failure.
 */
export function exitCodeForJob(job: Job): ExitCodeValue {
	switch (job.displayState) {
		case 'NORMAL':
			return ExitCode.Normal;
		case 'WARNING':
			return ExitCode.Warning;
		case 'PARTIAL_FAILURES':
			return ExitCode.PartialFailures;
		case 'ERROR':
			return ExitCode.Error;
		case 'ABORTED':
			return ExitCode.Aborted;
		default:
			return ExitCode.UnknownOutcome;
	}
}

/** One row of the documented table: code and meaning. */
export interface ExitCodeRow {
	readonly code: ExitCodeValue;
	readonly meaning: string;
}

/** Every exit code with its meaning, in numeric order: the one source for help and readme. */
export const EXIT_CODE_ROWS: readonly ExitCodeRow[] = [
	{ code: ExitCode.Normal, meaning: 'completed normally' },
	{
		code: ExitCode.Internal,
		// trust's "No" at the prompt also exits 1, so a script can tell that nothing was stored.
		meaning: 'unexpected internal error (a bug); trust: declined at the prompt, nothing stored',
	},
	{
		code: ExitCode.Usage,
		meaning: 'usage error: bad flag, missing URL or key, malformed duration',
	},
	{ code: ExitCode.Warning, meaning: 'job completed with warnings' },
	{ code: ExitCode.PartialFailures, meaning: 'job completed with partial failures' },
	{ code: ExitCode.Error, meaning: 'job completed with an error' },
	{ code: ExitCode.Aborted, meaning: 'job was aborted' },
	{ code: ExitCode.TimedOut, meaning: 'timed out (--timeout) before the job ended' },
	{ code: ExitCode.NotFound, meaning: 'job not found' },
	{ code: ExitCode.Auth, meaning: 'authentication or permission failure (401/403)' },
	{ code: ExitCode.Tls, meaning: 'TLS failure: certificate untrusted, expired or changed' },
	{
		code: ExitCode.Connection,
		meaning: 'connection or server failure that did not recover (network, 5xx, bad answer)',
	},
	{ code: ExitCode.UnknownOutcome, meaning: 'job ended in a state umwatch does not know' },
	{ code: ExitCode.HungUp, meaning: 'hung up (SIGHUP: the terminal or SSH link went away)' },
	{
		code: ExitCode.Interrupted,
		// In the live screen Ctrl-C is read as a key and quits like q (k9s, htop do the same).
		meaning: 'interrupted (Ctrl-C or SIGINT; on the live screen Ctrl-C quits like q, with 0)',
	},
	{ code: ExitCode.Terminated, meaning: 'terminated (SIGTERM)' },
];

/** The exit codes as a markdown table, for the readme. */
export function exitCodeMarkdown(): string {
	const lines = ['| code | meaning |', '|---:|---|'];
	for (const row of EXIT_CODE_ROWS) lines.push(`| ${row.code} | ${row.meaning} |`);
	return `${lines.join('\n')}\n`;
}

/** The exit codes as aligned plain text for `--help`, each line indented by `indent`. */
export function exitCodeHelpText(indent = '  '): string {
	return `${EXIT_CODE_ROWS.map((row) => `${indent}${String(row.code).padStart(3)}  ${row.meaning}`).join('\n')}\n`;
}
