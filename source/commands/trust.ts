import { type CertificateInfo, fetchCertificate } from '../api/certificate.js';
import { loadConfigFile } from '../config/config-file.js';
import { ConfigError, SetupError } from '../config/errors.js';
import { promptConfirm } from '../config/prompt.js';
import { openTerminal } from '../config/terminal.js';
import type { Config } from '../config/types.js';
import { writeProfileFingerprint } from '../config/write-profile.js';
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

/**
 * `umwatch trust`: shows the server's certificate, and on confirmation (or
 * `--yes`) pins its fingerprint in the profile (created with url and user when
 * new). Without a profile it prints the `--fingerprint` value to use instead.
 */
export async function runTrust(config: Config, io: CommandIo): Promise<number> {
	const server = config.server;
	if (server === null)
		throw new ConfigError('trust needs a server: give --url or a profile', { usage: 'trust' });
	const ca = server.caFile === null ? undefined : readCaFile(server.caFile);
	const info = await fetchCertificate(server.url, ca === undefined ? {} : { ca });
	io.stdout.write(`${describeCertificate(info, Date.now()).join('\n')}\n`);
	if (server.fingerprint === info.fingerprint256) {
		io.stdout.write('This certificate is already the pinned one.\n');
		return 0;
	}
	if (server.fingerprint !== null) {
		io.stdout.write(`It differs from the pinned ${server.fingerprint}.\n`);
	}
	const name = config.profileName;
	if (name === null) {
		io.stdout.write(
			`To accept exactly this certificate, add:\n  --fingerprint ${info.fingerprint256}\nor store it in a profile: umwatch trust --url ${server.url} --profile NAME\n`,
		);
		return 0;
	}
	if (!config.yes && !(await confirm(io, `Pin this certificate in profile "${name}"? [y/N] `))) {
		io.stdout.write('Nothing stored.\n');
		return 0;
	}
	const isNew = !loadConfigFile(config.configPath).profiles.has(name);
	const result = writeProfileFingerprint(config.configPath, name, {
		fingerprint: info.fingerprint256,
		...(isNew ? { url: server.url } : {}),
		...(isNew && server.user !== null ? { user: server.user } : {}),
	});
	io.stdout.write(
		`${result.created ? 'Created' : 'Updated'} profile "${name}" in ${result.path}: it now accepts exactly this certificate.\n`,
	);
	return 0;
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
