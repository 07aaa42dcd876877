// The edge: argv → flags (meow) → runMain (config, mode, exit code). Everything
// else lives in source/config and source/commands. meow stays here because it
// may call process.exit.
import process from 'node:process';
import meow from 'meow';
import { asciiOnlyWrites } from './commands/ascii-stderr.js';
import { describeStartupFailure } from './commands/failure.js';
import { FLAG_SPECS, joinDashedValues, langInArgv, parseFailureMessage } from './commands/flags.js';
import { guardExitAfterHangup } from './commands/hangup-exit.js';
import { helpText } from './commands/help.js';
import { runMain } from './commands/main.js';
import { handleInterrupts } from './commands/signals.js';
import { wantsAscii } from './config/charset.js';
import { ConfigError } from './config/errors.js';
import { chooseLanguage, setLanguage } from './i18n/language.js';
import { t } from './i18n/t.js';

function parseArgv() {
	try {
		return meow({
			importMeta: import.meta,
			argv: joinDashedValues(process.argv.slice(2)),
			autoHelp: false,
			autoVersion: false,
			// Unknown flags are reported by checkFlags with the usage, not by meow's bare list.
			allowUnknownFlags: true,
			flags: FLAG_SPECS,
		});
	} catch (error) {
		// meow throws for a repeated flag; that is a usage error like any other, said in
		// the language the words and the environment choose (a bad --lang is told later).
		setLanguage(chooseLanguage(langInArgv(process.argv.slice(2)), process.env).language);
		const failure = describeStartupFailure(
			new ConfigError(parseFailureMessage(error)),
			process.env,
		);
		if (wantsAscii({}, process.env)) asciiOnlyWrites(process.stderr);
		process.stderr.write(failure.text);
		process.exit(failure.code);
	}
}

const cli = parseArgv();
process.title = 'umwatch';
// The language of every message from here on, chosen once: --lang, UMWATCH_LANG, the locale.
const language = chooseLanguage(cli.flags.lang, process.env);
setLanguage(language.language);
if (language.invalid !== undefined) {
	const failure = describeStartupFailure(
		new ConfigError(t('cli.badLang', language.invalid)),
		process.env,
	);
	process.stderr.write(failure.text);
	process.exit(failure.code);
}
// Not a UTF-8 locale (or --ascii): every message on stderr in ASCII (see ascii-stderr.ts).
const ascii = wantsAscii(cli.flags, process.env);
if (ascii) asciiOnlyWrites(process.stderr);
if (cli.flags.help) {
	process.stdout.write(helpText(ascii));
	process.exit(0);
}
if (cli.flags.version) {
	process.stdout.write(`${cli.pkg.version ?? 'unknown'}\n`);
	process.exit(0);
}
guardExitAfterHangup(process);
const interrupts = handleInterrupts(process);
const code = await runMain({
	flags: cli.unnormalizedFlags,
	positionals: cli.input,
	io: {
		stdin: process.stdin,
		stdout: process.stdout,
		stderr: process.stderr,
		env: process.env,
		signal: interrupts.signal,
	},
	interrupts,
});
// Exit once output is flushed, whatever handles (a /dev/tty stream, a keep-alive
// socket) are still open.
process.stdout.write('', () => process.exit(code));
