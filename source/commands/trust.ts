import { type CertificateInfo, fetchCertificate } from '../api/certificate.js';
import { parseBaseUrl, sameServer } from '../api/url.js';
import { loadConfigFile, type Profile } from '../config/config-file.js';
import { ConfigError, SetupError } from '../config/errors.js';
import { promptConfirm } from '../config/prompt.js';
import { openTerminal } from '../config/terminal.js';
import type { Config } from '../config/types.js';
import { type WriteResult, writeProfileFingerprint } from '../config/write-profile.js';
import { readCaFile } from './connect.js';
import type { CommandIo } from './io.js';

/** The lines `umwatch trust` shows about a certificate (every field already sanitized). */
export function describeCertificate(info: CertificateInfo, now: number): string[] {
	const name = (n: CertificateInfo['subject']) =>
		[
			n.commonName === '' ? '' : `CN=${n.commonName}`,
			n.organization === '' ? '' : `O=${n.organization}`,
		]
			.filter((part) => part !== '')
			.join(', ') || '(none)';
	const validity: string[] = [];
	if (info.validTo.getTime() < now) validity.push('EXPIRED');
	if (info.validFrom.getTime() > now) validity.push('NOT YET VALID');
	return [
		`Server       ${info.host}`,
		`Subject      ${name(info.subject)}`,
		`Issuer       ${name(info.issuer)}${info.selfSigned ? '  (self-signed)' : ''}`,
		`Names        ${info.altNames === '' ? '(none)' : info.altNames}${info.validForHost ? '' : '  (does not cover this host)'}`,
		`Valid        ${day(info.validFrom)} to ${day(info.validTo)}${validity.length === 0 ? '' : `  (${validity.join(', ')})`}`,
		`SHA-256      ${info.fingerprint256}`,
		`Verified     ${info.authorized ? 'yes, by the trusted CAs' : `no (${info.authorizationError ?? 'unknown reason'})`}`,
	];
}

function day(date: Date): string {
	return Number.isNaN(date.getTime())
		? '(unknown)'
		: `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Declined at the prompt: 1, not 0, so a script can tell that nothing was stored. */
const DECLINED = 1;

/**
 * `umwatch trust`: shows the server's certificate, and on confirmation (or
 * `--yes`) pins its fingerprint in the profile (created with url and user when
 * new; `--user` and `--set-url` update an existing one). Without a profile it
 * prints the `--fingerprint` value to use instead.
 */
export async function runTrust(config: Config, io: CommandIo): Promise<number> {
	const server = config.server;
	if (server === null)
		throw new ConfigError('trust needs a server: give --url or a profile', { usage: 'trust' });
	refusePlainHttp(server.url);
	const name = config.profileName;
	const stored = name === null ? undefined : loadConfigFile(config.configPath).profiles.get(name);
	if (name !== null && stored !== undefined) checkProfileServer(server.url, name, stored, config);
	const ca = server.caFile === null ? undefined : readCaFile(server.caFile);
	const info = await fetchCertificate(server.url, ca === undefined ? {} : { ca });
	io.stdout.write(`${describeCertificate(info, Date.now()).join('\n')}\n`);
	const changes = stored === undefined ? {} : profileChanges(server.url, stored, config);
	const pinned = server.fingerprint === info.fingerprint256;
	if (pinned && changes.url === undefined && changes.user === undefined) {
		io.stdout.write('This certificate is already the pinned one.\n');
		return 0;
	}
	if (!pinned && server.fingerprint !== null) {
		io.stdout.write(`It differs from the pinned ${server.fingerprint}.\n`);
	}
	if (name === null) {
		io.stdout.write(
			`To accept exactly this certificate, add:\n  --fingerprint ${info.fingerprint256}\nor store it in a profile: umwatch trust --url ${server.url} --profile NAME\n`,
		);
		return 0;
	}
	// Storing a user name alone changes nothing about what is trusted: no question.
	const decides = !pinned || changes.url !== undefined;
	if (
		decides &&
		!config.yes &&
		!(await confirm(
			io,
			`Pin this certificate in profile "${name}"${changes.url === undefined ? '' : ` and set its URL to ${changes.url}`}? [y/N] `,
		))
	) {
		io.stdout.write('Nothing stored.\n');
		return DECLINED;
	}
	const user = changes.user ?? server.user;
	const result = writeProfileFingerprint(config.configPath, name, {
		fingerprint: info.fingerprint256,
		url: changes.url ?? server.url,
		...(user === null ? {} : { user }),
		overwrite: [
			...(changes.url === undefined ? [] : (['url'] as const)),
			...(changes.user === undefined ? [] : (['user'] as const)),
		],
	});
	io.stdout.write(`${storedLines(result, name, pinned, changes, server.user).join('\n')}\n`);
	return 0;
}

/** A certificate says nothing about a plain-HTTP server: pinning one to an http:// URL only breaks it. */
function refusePlainHttp(url: string): void {
	if (parseBaseUrl(url).protocol !== 'http:') return;
	throw new ConfigError(`${url}: nothing to trust over plain HTTP`, {
		hint: 'trust is for https:// servers; if this port speaks TLS, give its https:// URL',
		usage: 'trust',
	});
}

/**
 * Refuses to pin another server's certificate in a profile that keeps its own
 * URL: the profile would then report a "changed" certificate at every start.
 */
function checkProfileServer(url: string, name: string, stored: Profile, config: Config): void {
	if (stored.url === undefined || config.trust.setUrl || sameServer(url, stored.url)) return;
	throw new ConfigError(
		`${url} is not the server of profile "${name}" (${stored.url}); nothing stored`,
		{
			hint: `add --set-url to pin its certificate in "${name}" and change the profile's URL to it; or choose another profile name`,
			usage: 'trust',
		},
	);
}

/** What an existing profile gets besides the fingerprint: the URL (when it has none, or --set-url) and --user. */
interface ProfileChanges {
	readonly url?: string;
	readonly user?: string;
}

function profileChanges(url: string, stored: Profile, config: Config): ProfileChanges {
	const user = config.trust.user;
	return {
		...(stored.url === undefined || (config.trust.setUrl && stored.url !== url) ? { url } : {}),
		...(user !== null && user !== stored.user ? { user } : {}),
	};
}

/** What was stored, and for a new profile the command to run next. */
function storedLines(
	result: WriteResult,
	name: string,
	pinned: boolean,
	changes: ProfileChanges,
	user: string | null,
): string[] {
	const where = `profile "${name}" in ${result.path}`;
	if (result.created) {
		const profile = shellWord(name);
		return [
			`Created ${where}: it now accepts exactly this certificate.`,
			user === null
				? `Next: umwatch trust ${profile} --user USER (stores the user name), then umwatch ${profile}`
				: `Next: umwatch ${profile} (the live view), or umwatch ${profile} list`,
		];
	}
	const parts = [
		...(pinned ? [] : ['it now accepts exactly this certificate']),
		...(changes.url === undefined ? [] : [`its URL is now ${changes.url}`]),
		...(changes.user === undefined ? [] : [`its user is now ${changes.user}`]),
	];
	return [`Updated ${where}: ${parts.join('; ')}.`];
}

/** A profile name as a shell word (names with spaces or quotes are single-quoted). */
function shellWord(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

async function confirm(io: CommandIo, question: string): Promise<boolean> {
	const terminal = openTerminal({ stdin: io.stdin, stderr: io.stderr });
	if (typeof terminal === 'string') {
		throw new SetupError(
			`cannot ask for confirmation: ${terminal}`,
			'add --yes to store the fingerprint without asking',
		);
	}
	try {
		return await promptConfirm(terminal.input, terminal.output, question);
	} finally {
		terminal.close();
	}
}
