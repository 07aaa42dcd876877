/** `umwatch trust` (source/commands/trust.ts): the certificate shown, the question, what was stored. */
export const trustEn = {
	// The certificate's fields; each label is padded to one column width.
	'trust.label.server': 'Server',
	'trust.label.subject': 'Subject',
	'trust.label.issuer': 'Issuer',
	'trust.label.names': 'Names',
	'trust.label.valid': 'Valid',
	'trust.label.verified': 'Verified',
	'trust.none': '(none)',
	'trust.unknownDate': '(unknown)',
	'trust.selfSigned': '(self-signed)',
	'trust.notThisHost': '(does not cover this host)',
	'trust.validRange': '{from} to {to}',
	'trust.expired': 'EXPIRED',
	'trust.notYetValid': 'NOT YET VALID',
	'trust.verifiedYes': 'yes, by the trusted CAs',
	'trust.verifiedNo': 'no ({reason})',
	'trust.unknownReason': 'unknown reason',

	'trust.needsServer': 'trust needs a server: give --url or a profile',
	'trust.alreadyPinned': 'This certificate is already the pinned one.',
	'trust.differs': 'It differs from the pinned {fingerprint}.',
	'trust.howToAccept':
		'To accept exactly this certificate, add:\n  --fingerprint {fingerprint}\nor store it in a profile: umwatch trust --url {url} --profile NAME',
	'trust.question': 'Pin this certificate in profile "{name}"? [y/N] ',
	'trust.questionUrl': 'Pin this certificate in profile "{name}" and set its URL to {url}? [y/N] ',
	'trust.nothingStored': 'Nothing stored.',
	'trust.cannotAsk': 'cannot ask for confirmation: {reason}',
	'trust.cannotAsk.hint': 'add --yes to store the fingerprint without asking',
	'trust.plainHttp': '{url}: nothing to trust over plain HTTP',
	'trust.plainHttp.hint':
		'trust is for https:// servers; if this port speaks TLS, give its https:// URL',
	'trust.otherServer': '{url} is not the server of profile "{name}" ({stored}); nothing stored',
	'trust.otherServer.hint':
		'add --set-url to pin its certificate in "{name}" and change the profile\'s URL to it; or choose another profile name',

	'trust.where': 'profile "{name}" in {path}',
	'trust.created': 'Created {where}: it now accepts exactly this certificate.',
	'trust.nextUser':
		'Next: umwatch trust {profile} --user USER (stores the user name), then umwatch {profile}',
	'trust.next': 'Next: umwatch {profile} (the live view), or umwatch {profile} list',
	'trust.updated': 'Updated {where}: {parts}.',
	'trust.partJoin': '; ',
	'trust.part.pinned': 'it now accepts exactly this certificate',
	'trust.part.url': 'its URL is now {url}',
	'trust.part.user': 'its user is now {user}',
} as const;
