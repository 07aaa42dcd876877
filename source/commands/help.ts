import { exitCodeHelpText } from '../api/exit-codes.js';
import { proseFor } from '../present/ascii-text.js';

/** One line of usage per mode, shown after a usage error about that mode. */
export const USAGE: Readonly<Record<string, string>> = {
	watch:
		'umwatch [PROFILE...] [--url URL --user USER | --all] [--interval SECONDS] [--demo | --demo-servers N]',
	list: 'umwatch [PROFILE...] list [--json | --ndjson] [--state S] [--name N] [--type T] [--limit N] [--sort ORDER] [--since WHEN] [--all] [--partial-ok]',
	show: 'umwatch [PROFILE...] show KEY [--json] [--all] [--partial-ok]',
	wait: 'umwatch [PROFILE...] wait KEY|- [KEY…] [--any] [--timeout DURATION] [--json] [--bell] [--all]',
	events: 'umwatch [PROFILE...] events [--all] [--partial-ok]',
	simulate:
		'umwatch simulate [--port N] [--host H] [--tls-cert F --tls-key F] [--rate JOBS_PER_MIN] [--seed N] [--shape lowercase|uppercase|single] [--no-long-poll] [--user U]',
	trust: 'umwatch trust [--url URL | PROFILE] [--profile NAME] [--user USER] [--set-url] [--yes]',
};

/** The usage lines for a usage error: the one mode's, or all of them. */
export function usageFor(mode: string | null): string {
	const line = mode === null ? undefined : USAGE[mode];
	const lines = line === undefined ? Object.values(USAGE) : [line];
	return `usage: ${lines.join('\n       ')}\nRun 'umwatch --help' for every flag.`;
}

/**
 * The whole `--help` text: every mode, flag, environment variable, the config
 * file and the exit codes (from `api/exit-codes.ts`, the one source).
 * `ascii` (`--ascii`, or a locale that is not UTF-8): without its few
 * typographic characters (`…` becomes `...`).
 */
export function helpText(ascii = false): string {
	return proseFor(fullHelp(), ascii);
}

function fullHelp(): string {
	return `Watch NetApp Active IQ Unified Manager jobs live, or wait for one from a script.

Usage
  umwatch [PROFILE]              live view of the jobs (like 'list' when stdout is not a terminal)
  umwatch --demo                 live view of a built-in simulated server (also: list --demo, …)
  umwatch tokyo osaka            several servers in one view, by their profiles (also: list, …)
  umwatch list                   the jobs once, newest first
  umwatch show KEY               one job in full
  umwatch wait KEY|- [KEY…]      wait until the jobs are over; '-' reads 202 bodies or keys from stdin
  umwatch events                 one NDJSON line per new job or state change, until interrupted
  umwatch simulate               run the simulated server on its own (prints URL and credentials)
  umwatch trust [PROFILE]        show the server's certificate and pin its fingerprint

Connection
  --url URL                  https://HOST[:PORT] (the /api path is added)
  --user USER                user name (the Operator role is enough)
  --profile NAME[,NAME…]     a profile of the config file (or give NAME as the first word);
                             several, comma-separated, watch several servers
  --all                      every profile of the config file, in its order
  --password-file FILE       read the password from the first line of FILE
  --password-command CMD     run CMD with /bin/sh and read the password from its first line
  --ca-file FILE             trust the CA certificates (or the server certificate) in FILE
  --fingerprint SHA256       accept exactly the certificate with this SHA-256 fingerprint
  --insecure                 do not check the certificate at all (prefer 'umwatch trust')
  --demo                     watch a built-in simulated server instead
  --demo-servers N           the demo with N simulated servers (2 to 9: tokyo, osaka, …)

Live view
  --interval SECONDS         poll interval, e.g. 2 or 5s (default 2, at least 1)
  --max-jobs N               most jobs kept in memory, per server (default 10000)
  --no-color                 no colours (NO_COLOR does the same)
  --ascii                    ASCII only (the default when the locale is not UTF-8, e.g. LANG=C)
  --unicode                  Unicode glyphs even when the locale is not UTF-8
  --bell                     ring the bell when a job fails or a marked job (m) ends (b toggles)
  --desktop-notify           a desktop notification (OSC 9, OSC 777) for the same (B toggles)
  --no-title                 leave the window title alone (else: umwatch HOST: 3 running, 1 failed)

Scripts
  --json, --ndjson           list/show/wait: JSON output (one array; one job per line)
  --state S                  list: only these states, e.g. running or error|partial_failures
  --name N, --type T         list: AIQUM patterns; | means or, * is a wildcard
  --limit N                  list: at most N jobs, the newest (default 100; pages are followed)
  --sort ORDER               list: submitted (newest first, the default), state (failures
                             first), duration (longest first) or name; after --limit
  --since WHEN               list, live view: every job submitted since WHEN: 24h, 7d, 30m,
                             2026-11-30, 2026-11-30T08:00 (local time; or Z, +09:00)
  --timeout DURATION         wait: give up after e.g. 90s, 30m, 2h (default: never)
  --any                      wait: return when the first of several jobs is over, with its code
  --bell                     wait: ring the terminal bell on stderr when done (stderr a terminal)
  --partial-ok               list/show/events: exit 0 when one of several servers answered
  --yes                      trust: store the fingerprint without asking
  --set-url                  trust: also change the profile's URL to --url (another server)

Simulator (umwatch simulate)
  --host H --port N          where to listen (default 127.0.0.1, a free port)
  --tls-cert F --tls-key F   serve HTTPS with this certificate
  --rate N                   new jobs per minute (default 6)
  --seed N                   repeatable names, keys and outcomes
  --shape S                  lowercase (default), uppercase or single state field
  --no-long-poll             answer long polls at once, like a server without them
  --user U                   the user name to accept (default admin)

Other
  --lang ja|en               messages in Japanese or English (default: by the locale)
  --help, --version

The password is never taken from a flag (every user of the host can read the command
line). Sources, first match wins: UMWATCH_PASSWORD; --password-file; --password-command;
the profile's passwordFile or passwordCommand; a hidden prompt on the terminal.

Several servers
  umwatch tokyo osaka, umwatch --profile tokyo,osaka list, umwatch --all events: the jobs
  of every server named, newest first, each marked with its server (JSON: "server").
  Each server keeps its own profile: URL, user, password source, CA file, fingerprint,
  interval; a hidden prompt names the server it is for. --url, --user, --password-file,
  --password-command, --ca-file, --fingerprint and UMWATCH_URL, UMWATCH_USER,
  UMWATCH_PASSWORD, UMWATCH_CA_FILE, UMWATCH_FINGERPRINT name one server and are
  refused with several. A server that fails is named on stderr and its exit code is
  umwatch's, unless --partial-ok. trust pins one server at a time.

Environment
  UMWATCH_URL, UMWATCH_USER, UMWATCH_PASSWORD, UMWATCH_PROFILE (NAME[,NAME…]),
  UMWATCH_CA_FILE, UMWATCH_FINGERPRINT, UMWATCH_INSECURE (1/0), UMWATCH_INTERVAL, NO_COLOR,
  UMWATCH_CONFIG (config file path), UMWATCH_DEBUG=1 (stack traces of internal errors),
  UMWATCH_LANG (ja/en; --lang wins, else LC_ALL, LC_MESSAGES, LANG)
  LC_ALL, LC_CTYPE, LANG: the first set one without UTF-8 (C, POSIX, ja_JP.eucJP) means ASCII
  TERM=dumb: the jobs once, as list prints them, instead of the live view

Configuration
  $XDG_CONFIG_HOME/umwatch/config.json, else ~/.config/umwatch/config.json:
    {"defaultProfile": "prod",
     "profiles": {"prod": {"url": "https://um.example.com", "user": "ops",
                           "passwordCommand": "pass show um/prod", "fingerprint": "AB:CD:…",
                           "caFile": "~/um-ca.pem", "interval": 5}}}
  Each setting comes from the first of: flags, environment, the profile, defaults.
  defaultProfile applies when no --url, UMWATCH_URL or profile is given.

Exit codes
${exitCodeHelpText('  ')}
Examples
  umwatch --url https://um.example.com --user ops
  umwatch tokyo osaka list --json --partial-ok
  UMWATCH_PASSWORD=… umwatch list --state error --limit 20
  curl -s --cacert um.pem -u ops -X POST https://um.example.com/api/… | umwatch prod wait -
`;
}
