import { type CertificateInfo, fetchCertificate } from '../api/certificate.js';
import { parseBaseUrl, sameServer } from '../api/url.js';
import { loadConfigFile, type Profile } from '../config/config-file.js';
import { ConfigError, SetupError } from '../config/errors.js';
import { promptConfirm } from '../config/prompt.js';
import { openTerminal } from '../config/terminal.js';
import type { Config } from '../config/types.js';
import { type WriteResult, writeProfileFingerprint } from '../config/write-profile.js';
import { t } from '../i18n/t.js';
import { displayWidth } from '../present/text-width.js';
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
			.join(', ') || t('trust.none');
	const validity: string[] = [];
	if (info.validTo.getTime() < now) validity.push(t('trust.expired'));
	if (info.validFrom.getTime() > now) validity.push(t('trust.notYetValid'));
	const note = (shown: boolean, text: string) => (shown ? `  ${text}` : '');
	const range = t('trust.validRange', { from: day(info.validFrom), to: day(info.validTo) });
	const reason = info.authorizationError ?? t('trust.unknownReason');
	return [
		field(t('trust.label.server'), info.host),
		field(t('trust.label.subject'), name(info.subject)),
		field(
			t('trust.label.issuer'),
			name(info.issuer) + note(info.selfSigned, t('trust.selfSigned')),
		),
		field(
			t('trust.label.names'),
			(info.altNames === '' ? t('trust.none') : info.altNames) +
				note(!info.validForHost, t('trust.notThisHost')),
		),
		field(t('trust.label.valid'), range + note(validity.length > 0, `(${validity.join(', ')})`)),
		field('SHA-256', info.fingerprint256),
		field(
			t('trust.label.verified'),
			info.authorized ? t('trust.verifiedYes') : t('trust.verifiedNo', { reason }),
		),
	];
}

// `Server       um01`: the label padded to one column, by display width (Japanese labels are wider per character).
function field(label: string, value: string): string {
	return `${label}${' '.repeat(Math.max(1, 13 - displayWidth(label)))}${value}`;
}

function day(date: Date): string {
	return Number.isNaN(date.getTime())
		? t('trust.unknownDate')
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
	if (server === null) throw new ConfigError(t('trust.needsServer'), { usage: 'trust' });
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
		io.stdout.write(`${t('trust.alreadyPinned')}\n`);
		return 0;
	}
	if (!pinned && server.fingerprint !== null) {
		io.stdout.write(`${t('trust.differs', { fingerprint: server.fingerprint })}\n`);
	}
	if (name === null) {
		const how = t('trust.howToAccept', { fingerprint: info.fingerprint256, url: server.url });
		io.stdout.write(`${how}\n`);
		return 0;
	}
	// Storing a user name alone changes nothing about what is trusted: no question.
	const decides = !pinned || changes.url !== undefined;
	if (
		decides &&
		!config.yes &&
		!(await confirm(
			io,
			changes.url === undefined
				? t('trust.question', { name })
				: t('trust.questionUrl', { name, url: changes.url }),
		))
	) {
		io.stdout.write(`${t('trust.nothingStored')}\n`);
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
	throw new ConfigError(t('trust.plainHttp', { url }), {
		hint: t('trust.plainHttp.hint'),
		usage: 'trust',
	});
}

/**
 * Refuses to pin another server's certificate in a profile that keeps its own
 * URL: the profile would then report a "changed" certificate at every start.
 */
function checkProfileServer(url: string, name: string, stored: Profile, config: Config): void {
	if (stored.url === undefined || config.trust.setUrl || sameServer(url, stored.url)) return;
	throw new ConfigError(t('trust.otherServer', { url, name, stored: stored.url }), {
		hint: t('trust.otherServer.hint', { name }),
		usage: 'trust',
	});
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
	const where = t('trust.where', { name, path: result.path });
	if (result.created) {
		const profile = shellWord(name);
		return [
			t('trust.created', { where }),
			user === null ? t('trust.nextUser', { profile }) : t('trust.next', { profile }),
		];
	}
	const parts = [
		...(pinned ? [] : [t('trust.part.pinned')]),
		...(changes.url === undefined ? [] : [t('trust.part.url', { url: changes.url })]),
		...(changes.user === undefined ? [] : [t('trust.part.user', { user: changes.user })]),
	];
	return [t('trust.updated', { where, parts: parts.join(t('trust.partJoin')) })];
}

/** A profile name as a shell word (names with spaces or quotes are single-quoted). */
function shellWord(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

async function confirm(io: CommandIo, question: string): Promise<boolean> {
	const terminal = openTerminal({ stdin: io.stdin, stderr: io.stderr });
	if (typeof terminal === 'string') {
		throw new SetupError(t('trust.cannotAsk', { reason: terminal }), t('trust.cannotAsk.hint'));
	}
	try {
		return await promptConfirm(terminal.input, terminal.output, question);
	} finally {
		terminal.close();
	}
}
