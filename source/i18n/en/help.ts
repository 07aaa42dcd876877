/** The whole `--help` text (source/commands/help.ts), one key per section: flag names stay, descriptions translate. */
export const helpEn = {
	'help.intro': `Watch NetApp Active IQ Unified Manager jobs live, or wait for one from a script.`,
	'help.usage': `Usage
  umwatch [PROFILE]              live view of the jobs (like 'list' when stdout is not a terminal)
  umwatch --demo                 live view of a built-in simulated server (also: list --demo, …)
  umwatch tokyo osaka            several servers in one view, by their profiles (also: list, …)
  umwatch list                   the jobs once, newest first
  umwatch show KEY               one job in full
  umwatch wait KEY|- [KEY…]      wait until the jobs are over; '-' reads 202 bodies or keys from stdin
  umwatch events                 one NDJSON line per new job or state change, until interrupted
  umwatch simulate               run the simulated server on its own (prints URL and credentials)
  umwatch trust [PROFILE]        show the server's certificate and pin its fingerprint`,
	'help.connection': `Connection
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
  --demo-servers N           the demo with N simulated servers (2 to 9: tokyo, osaka, …)`,
	'help.liveView': `Live view
  --interval SECONDS         poll interval, e.g. 2 or 5s (default 2, at least 1)
  --max-jobs N               most jobs kept in memory, per server (default 10000)
  --no-color                 no colours (NO_COLOR does the same)
  --ascii                    ASCII only (the default when the locale is not UTF-8, e.g. LANG=C)
  --unicode                  Unicode glyphs even when the locale is not UTF-8
  --bell                     ring the bell when a job fails or a marked job (m) ends (b toggles)
  --desktop-notify           a desktop notification (OSC 9, OSC 777) for the same (B toggles)
  --no-title                 leave the window title alone (else: umwatch HOST: 3 running, 1 failed)`,
	'help.scripts': `Scripts
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
  --set-url                  trust: also change the profile's URL to --url (another server)`,
	'help.simulator': `Simulator (umwatch simulate)
  --host H --port N          where to listen (default 127.0.0.1, a free port)
  --tls-cert F --tls-key F   serve HTTPS with this certificate
  --rate N                   new jobs per minute (default 6)
  --seed N                   repeatable names, keys and outcomes
  --shape S                  lowercase (default), uppercase or single state field
  --no-long-poll             answer long polls at once, like a server without them
  --user U                   the user name to accept (default admin)`,
	'help.other': `Other
  --lang ja|en               messages in Japanese or English (default: by the locale)
  --help, --version`,
	'help.password': `The password is never taken from a flag (every user of the host can read the command
line). Sources, first match wins: UMWATCH_PASSWORD; --password-file; --password-command;
the profile's passwordFile or passwordCommand; a hidden prompt on the terminal.`,
	'help.severalServers': `Several servers
  umwatch tokyo osaka, umwatch --profile tokyo,osaka list, umwatch --all events: the jobs
  of every server named, newest first, each marked with its server (JSON: "server").
  Each server keeps its own profile: URL, user, password source, CA file, fingerprint,
  interval; a hidden prompt names the server it is for. --url, --user, --password-file,
  --password-command, --ca-file, --fingerprint and UMWATCH_URL, UMWATCH_USER,
  UMWATCH_PASSWORD, UMWATCH_CA_FILE, UMWATCH_FINGERPRINT name one server and are
  refused with several. A server that fails is named on stderr and its exit code is
  umwatch's, unless --partial-ok. trust pins one server at a time.`,
	'help.environment': `Environment
  UMWATCH_URL, UMWATCH_USER, UMWATCH_PASSWORD, UMWATCH_PROFILE (NAME[,NAME…]),
  UMWATCH_CA_FILE, UMWATCH_FINGERPRINT, UMWATCH_INSECURE (1/0), UMWATCH_INTERVAL, NO_COLOR,
  UMWATCH_CONFIG (config file path), UMWATCH_DEBUG=1 (stack traces of internal errors),
  UMWATCH_LANG (ja/en; --lang wins, else LC_ALL, LC_MESSAGES, LANG)
  LC_ALL, LC_CTYPE, LANG: the first set one without UTF-8 (C, POSIX, ja_JP.eucJP) means ASCII
  TERM=dumb: the jobs once, as list prints them, instead of the live view`,
	'help.configuration': `Configuration
  $XDG_CONFIG_HOME/umwatch/config.json, else ~/.config/umwatch/config.json:
{example}
  Each setting comes from the first of: flags, environment, the profile, defaults.
  defaultProfile applies when no --url, UMWATCH_URL or profile is given.`,
	'help.exitCodes': 'Exit codes',
	// The meanings of api/exit-codes.ts's EXIT_CODE_ROWS (the English help prints those; a test keeps these equal).
	'help.exit.0': 'completed normally',
	'help.exit.1': 'unexpected internal error (a bug); trust: declined at the prompt, nothing stored',
	'help.exit.2': 'usage error: bad flag, missing URL or key, malformed duration',
	'help.exit.3': 'job completed with warnings',
	'help.exit.4': 'job completed with partial failures',
	'help.exit.5': 'job completed with an error',
	'help.exit.6': 'job was aborted',
	'help.exit.7': 'timed out (--timeout) before the job ended',
	'help.exit.8': 'job not found',
	'help.exit.9': 'authentication or permission failure (401/403)',
	'help.exit.10': 'TLS failure: certificate untrusted, expired or changed',
	'help.exit.11': 'connection or server failure that did not recover (network, 5xx, bad answer)',
	'help.exit.12': 'job ended in a state umwatch does not know',
	'help.exit.129': 'hung up (SIGHUP: the terminal or SSH link went away)',
	'help.exit.130': 'interrupted (Ctrl-C or SIGINT; on the live screen Ctrl-C quits like q, with 0)',
	'help.exit.143': 'terminated (SIGTERM)',
	'help.examples': `Examples
  umwatch --url https://um.example.com --user ops
  umwatch tokyo osaka list --json --partial-ok
  UMWATCH_PASSWORD=… umwatch list --state error --limit 20
  curl -s --cacert um.pem -u ops -X POST https://um.example.com/api/… | umwatch prod wait -`,
} as const;
