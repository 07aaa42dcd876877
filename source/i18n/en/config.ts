/**
 * Messages of the settings (source/config/): usage errors about flags, profiles
 * and values, the config file's errors and warnings, the password's sources and
 * prompt. Flag names, variables, JSON keys and types stay as typed.
 */
export const configEn = {
	// Where a value came from, in a message that names it (a flag or variable is named as is).
	'config.origin.profile': 'profile {name}',
	'config.origin.profileKey': '"{key}" in profile {name}',
	'config.originSays': '{origin}: {message}',
	'config.whereMissing': '{path} (which does not exist)',

	// Values
	'config.intervalTooShort': '{origin}: the interval must be at least 1 second',
	'config.intervalTooShort.hint': 'e.g. --interval 2 (seconds) or --interval 5s',
	'config.notInteger': '{origin} must be a whole number from {min} to {max}, not {text}',
	'config.notNumber': '{origin} must be a number of at least 0, not {text}',
	'config.notFingerprint': '{origin}: not a SHA-256 fingerprint',
	'config.notFingerprint.hint': 'expected 64 hex digits, colons optional (umwatch trust prints it)',
	'config.urlCredentials':
		'{origin}: the URL contains a user name or password (user:pass@host); refused',
	'config.urlCredentials.hint':
		'command lines and the environment are visible to other users: give the user with --user and the password with UMWATCH_PASSWORD, --password-file, --password-command or the prompt',
	'config.notBoolean': '{name} must be 1/true/yes or 0/false/no, not {text}',
	'config.asciiAndUnicode': '--ascii and --unicode cannot be combined: give one of them',

	// Profiles and servers named on the command line
	'config.profileNeedsValue':
		'--profile needs a value: a profile name, or several separated by commas',
	'config.twoProfiles': 'two profiles named: --profile {flag} and "{names}"; choose one',
	'config.twoProfilesTrust': 'two profiles named: "{first}" and "{second}"; choose one',
	'config.allAndNames': '--all names every profile, and {given} names some; choose one',
	'config.allNoProfiles': '--all: no profiles in {where}',
	'config.allNoProfiles.hint': 'add some, e.g. {example}',
	'config.trustOne': 'trust pins one server at a time; name one profile',
	'config.noProfile': 'no profile "{name}" in {where}',
	'config.knownProfiles': 'known profiles: {names}',
	'config.noProfiles': 'the config file defines no profiles',
	'config.oneServerOnly':
		'{flag} applies to one server; with several servers, each profile names its own',
	'config.oneServerFlag.hint': 'set it in each profile of {path}, or name one profile',
	'config.oneServerVariable.hint': 'unset {flag}, or name one profile',
	'config.unknownWord': 'unknown command or profile "{word}"',
	'config.unknownWordAfterProfile': 'unknown command or profile "{word}" after the profile name',
	'config.unknownWord.hint': 'commands: list, show, wait, events, simulate, trust; {known}',
	'config.profileNoUrl': 'profile "{name}" has no "url"',
	'config.profileNoUrl.hint': 'add "url": "https://HOST" to it in {path}, or give --url',
	'config.otherServerTrust':
		"warning: the URL is not profile {name}'s server; its certificate settings (fingerprint, CA file, insecure) are not used",
	'config.noServer': 'no server: give --url, UMWATCH_URL or a profile; or try --demo',
	'config.noServer.hint': 'e.g. umwatch --url https://um.example.com --user admin',
	'config.noUser': 'no user: give --user, UMWATCH_USER or a profile with "user"',
	'config.noUser.hint': 'a user with the Operator role is enough to watch jobs',
	'config.insecureAndPin':
		'{origin} turns certificate checks off, but {other} says which certificate to trust; keep one',
	'config.insecureAndPin.hint':
		'prefer the fingerprint or CA file: they are as easy and keep the connection safe',
	'config.plainHttp':
		'warning: the URL is plain http://; the password crosses the network unencrypted',
	'config.plainHttpOf':
		'warning: {name}: the URL is plain http://; the password crosses the network unencrypted',

	// Flags that go (or do not go) with a mode
	'config.jsonAndNdjson': '--json and --ndjson both given; choose one',
	'config.notFor': '{flag} does not apply to {command}',
	'config.waitOnly': '{flag} applies only to wait',
	'config.shape': '--shape must be one of {values}',
	'config.tlsPair': '--tls-cert and --tls-key go together',
	'config.setUrlTrustOnly': '--set-url applies only to trust',
	'config.setUrlNeedsUrl': "--set-url needs --url: the profile's new URL",
	'config.setUrlNeedsProfile': '--set-url needs a profile whose URL to change',
	'config.demoWithUrl': '{flag} watches a built-in simulator; it cannot be combined with --url',
	'config.dumbTerminal':
		'TERM=dumb: no live view on a terminal without cursor addressing; here are the jobs once (umwatch list). To follow them: umwatch events',

	// The config file
	'config.cannotRead': 'cannot read the config file {path}: {code}',
	'config.cannotRead.hint': 'check its permissions, or point UMWATCH_CONFIG at another file',
	'config.cannotWrite': 'cannot write the config file {path}: {code}',
	'config.cannotWrite.hint':
		'check the permissions of its directory, or pass --fingerprint on each run instead',
	'config.linkTo': '{path} (a link to {target})',
	'config.namedMissing': 'UMWATCH_CONFIG names {path}, which does not exist',
	'config.namedMissing.hint':
		'fix the path, create the file (umwatch trust --url URL --profile NAME writes one), or unset UMWATCH_CONFIG',
	'config.invalidJson': '{path}: not valid JSON: {detail}',
	'config.invalidJson.hint': 'fix the file, or point UMWATCH_CONFIG at another one',
	'config.jsonPosition': '{message} (line {line}, column {column})',
	'config.topNotObject': '{path}: the top level must be a JSON object',
	'config.example.hint': 'e.g. {example}',
	'config.unknownTopKey': 'warning: {path}: unknown top-level key {keys} (ignored; known: {known})',
	'config.unknownTopKeys':
		'warning: {path}: unknown top-level keys {keys} (ignored; known: {known})',
	'config.profilesNotObject': '{path}: "profiles" must be an object of named profiles',
	'config.profileIgnored': 'warning: {message} (profile "{name}" is ignored)',
	'config.defaultNotString': '{path}: "defaultProfile" must be a string (a profile name)',
	'config.defaultUnknown': '{path}: "defaultProfile" names "{name}", which is not a profile',
	'config.profileNotObject': '{path}: profile "{name}" must be an object',
	'config.unknownProfileKey': 'warning: {path}: profile "{name}": unknown key "{key}" (ignored)',
	'config.wrongType': '{path}: profile "{name}": "{key}" must be a {kind}, not {actual}',
	'config.type.array': 'an array',
	'config.type.object': 'an object',
	'config.type.value': 'a {kind} ({json})',
	'config.bothPasswordKeys':
		'{path}: profile "{name}" names both "passwordFile" and "passwordCommand"; keep one',
	'config.fileWritable':
		'warning: {path} is writable by other users (mode {mode}) and names a password command they could change; run chmod 600 {path}',
	'config.fileReadable':
		'warning: {path} is readable by other users (mode {mode}) and says where the password is; run chmod 600 {path}',

	// The password
	'config.bothPasswordFlags': '--password-file and --password-command both given; choose one',
	'config.passwordFileUnreadable': 'cannot read the password file {path}: {code}',
	'config.passwordFileUnreadable.hint': 'check the path and that this user may read it',
	'config.passwordFileEmpty': 'the password file {path} is empty',
	'config.passwordFileEmpty.hint': 'put the password on its first line',
	'config.passwordFileReadable':
		'warning: the password file {path} is readable by other users (mode {mode}); run chmod 600 {path}',
	'config.passwordCommand.timeout':
		'the password command ({origin}) did not finish within {seconds} s',
	'config.passwordCommand.timeout.hint': 'is it waiting for input?',
	'config.passwordCommand.interrupted': 'the password command ({origin}) was interrupted',
	'config.passwordCommand.tooMuch':
		'the password command ({origin}) printed far more than a password',
	'config.passwordCommand.cannotStart': 'the password command ({origin}) could not start: {detail}',
	'config.passwordCommand.exited': 'the password command ({origin}) exited with status {status}',
	'config.passwordCommand.killed': 'the password command ({origin}) was killed by {signal}',
	'config.passwordCommand.failed.hint': 'run it yourself to see why',
	'config.passwordCommand.nothing': 'the password command ({origin}) printed nothing',
	'config.passwordCommand.nothing.hint': 'it must print the password on standard output',
	'config.noPassword': 'no password: {reason}',
	'config.noPassword.hint':
		'set UMWATCH_PASSWORD, or use --password-file or --password-command (or a profile that names one)',
	'config.passwordPrompt': 'Password for {label}: ',
	'config.noPasswordEntered': 'no password entered',
	'config.terminalClosed': 'the terminal closed before a password was entered',
	'config.noTerminal':
		'no terminal is attached (standard input is not a terminal and /dev/tty cannot be opened)',
	'config.noTerminalCode':
		'no terminal is attached (standard input is not a terminal and /dev/tty cannot be opened: {code})',
	'config.noKeyboard': 'standard input is not a terminal and /dev/tty cannot be opened',
	'config.noKeyboardCode':
		'standard input is not a terminal and /dev/tty cannot be opened ({code})',

	// Settings read again while watching
	'config.reload.noServer': 'the settings no longer name a server',
	'config.reload.noServer.hint': 'restart umwatch',
	'config.reload.otherServer': 'the profile now names {now}, not {before}',
	'config.reload.userAt': '{user} at {url}',
	'config.reload.otherServer.hint':
		'restart umwatch to watch another server or log in as another user',
} as const;
