import { EXIT_CODE_ROWS, exitCodeHelpText } from '../api/exit-codes.js';
import { currentLanguage } from '../i18n/language.js';
import { type MessageKey, t } from '../i18n/t.js';
import { proseFor } from '../present/ascii-text.js';
import { displayWidth } from '../present/text-width.js';

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
	// Continuation lines start under the first, whatever the width of `usage: ` in the language.
	const indent = ' '.repeat(displayWidth(t('cli.usage', { lines: '' })));
	return `${t('cli.usage', { lines: lines.join(`\n${indent}`) })}\n${t('cli.usage.more')}`;
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

// The config file's example: JSON, the same words in every language. The English
// help keeps its long lines as they were; the Japanese one fits 80 columns.
const CONFIG_EXAMPLE = `    {"defaultProfile": "prod",
     "profiles": {"prod": {"url": "https://um.example.com", "user": "ops",
                           "passwordCommand": "pass show um/prod", "fingerprint": "AB:CD:…",
                           "caFile": "~/um-ca.pem", "interval": 5}}}`;
const CONFIG_EXAMPLE_NARROW = `    {"defaultProfile": "prod",
     "profiles": {"prod": {"url": "https://um.example.com", "user": "ops",
       "passwordCommand": "pass show um/prod", "fingerprint": "AB:CD:…",
       "caFile": "~/um-ca.pem", "interval": 5}}}`;

type ExitKey = Extract<MessageKey, `help.exit.${number}`>;

// The exit codes: api/exit-codes.ts's table in English, the catalogue's meanings otherwise.
function exitCodes(): string {
	if (currentLanguage() === 'en') return exitCodeHelpText('  ');
	const rows = EXIT_CODE_ROWS.map(
		(row) => `  ${String(row.code).padStart(3)}  ${t(`help.exit.${row.code}` as ExitKey)}`,
	);
	return `${rows.join('\n')}\n`;
}

function fullHelp(): string {
	const sections = [
		t('help.intro'),
		t('help.usage'),
		t('help.connection'),
		t('help.liveView'),
		t('help.scripts'),
		t('help.simulator'),
		t('help.other'),
		t('help.password'),
		t('help.severalServers'),
		t('help.environment'),
		t('help.configuration', {
			example: currentLanguage() === 'en' ? CONFIG_EXAMPLE : CONFIG_EXAMPLE_NARROW,
		}),
		`${t('help.exitCodes')}\n${exitCodes()}`,
	];
	return `${sections.join('\n\n')}\n${t('help.examples')}\n`;
}
