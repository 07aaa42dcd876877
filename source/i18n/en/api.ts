/**
 * Messages of source/api/: what the server or the network did, and what to do
 * about it. `{said}` is empty or `api.serverSaid` (the server's own words).
 */
export const apiEn = {
	'api.serverSaid': ': "{text}"',
	'api.durationMs': '{value} ms',
	'api.durationS': '{value} s',

	// HTTP statuses (status-error.ts)
	'api.auth': 'Unified Manager rejected the user name or password (401).',
	'api.auth.hint': 'Check --user and the password source.',
	'api.forbidden': 'Unified Manager refused access for this user (403){said}.',
	'api.forbidden.hint': 'The user needs an API role: Operator (read-only) is enough to watch jobs.',
	'api.notFound': 'Unified Manager answered 404 Not Found for {path}{said}.',
	'api.notFound.pathHint':
		"Check the URL: it must reach Unified Manager's API (…/api), directly or through its proxy prefix.",
	'api.notFound.jobHint':
		'Check the job key and the URL; a job submitted a moment ago can take a few seconds to appear.',
	'api.method': 'Unified Manager does not allow this request (405){said}.',
	'api.method.hint': 'The jobs API is read-only; please report this as a umwatch bug.',
	'api.rateLimited': 'Unified Manager is limiting requests (429){said}.',
	'api.rateLimitedWait':
		'Unified Manager is limiting requests (429); it asks to wait {seconds} s{said}.',
	'api.rateLimited.hint': 'In the live view, a longer --interval avoids it.',
	'api.serverFailed': 'Unified Manager failed with {status}{said}.',
	'api.serverFailed.hint503': 'The server is overloaded or starting up.',
	'api.serverFailed.hint': "If it persists, check Unified Manager's health.",
	'api.redirect': 'Unified Manager answered a redirect ({status}).',
	'api.redirectTo': 'Unified Manager answered a redirect ({status}) to {location}.',
	'api.redirect.hint': 'Is the URL right (https, the port, …/api)?',
	'api.requestRejected': 'Unified Manager rejected the request ({status}){said}.',
	'api.requestRejected.hint': 'Check the filters and options given.',

	// Connections and TLS (error-map.ts)
	'api.fingerprintChanged':
		'The certificate of {host} changed: its SHA-256 fingerprint is {actual}, not the pinned {expected}.',
	'api.fingerprintChanged.hint':
		'If the certificate was renewed on purpose, check it and run `umwatch trust` again; otherwise the connection may be intercepted.',
	'api.speaksTls': 'The URL says http://, but {host} speaks TLS.',
	'api.speaksTls.hint': 'This port speaks TLS: use https://, as in --url https://{host}.',
	'api.refused': 'Connection refused by {host}.',
	'api.refused.hint': 'Is the URL right and the server up?',
	'api.hostNotFound': 'Host name not found: {host}.',
	'api.hostNotFound.hint': 'Check the host name in the URL (and DNS).',
	'api.noRoute': 'No route to {host}.',
	'api.noRoute.hint': 'Check the network path (VPN, firewall, routing).',
	'api.connectTimeout': 'No connection to {host} within {time}.',
	'api.connectTimeout.hint': 'Is the host reachable from here (VPN, firewall)?',
	'api.headersTimeout': '{host} did not answer within {time}.',
	'api.bodyTimeout': 'The answer from {host} stalled for {time}.',
	'api.overloaded.hint': 'Unified Manager may be overloaded.',
	'api.cancelled': 'The request was cancelled.',
	'api.cancelledClosed': 'The request was cancelled: the client was closed.',
	'api.closedInBody': 'The connection to {host} closed before the whole answer arrived.',
	'api.closedBeforeAnswer': 'The connection to {host} was closed or reset before an answer.',
	'api.closed.hint': 'If it keeps happening, check proxies between here and the server.',
	'api.otherFailure': 'Could not talk to {host}: {detail}.',
	'api.certNotFromCaFile': 'The certificate of {host} is not signed by the CA in {caFile}.',
	'api.certSelfSignedNotFromCaFile':
		'The certificate of {host} is not signed by the CA in {caFile} (it is self-signed).',
	'api.certNotFromCaFile.hint':
		"Check that {caFile} holds the CA that signed it, or the server's own certificate; or pin it with `umwatch trust`.",
	'api.selfSigned': '{host} presents a self-signed certificate, which is not trusted.',
	'api.untrustedCa': 'The certificate of {host} is signed by a CA this machine does not trust.',
	'api.trust.hint':
		'Run `umwatch trust` to pin its certificate, or use --ca-file FILE, or --insecure.',
	'api.certExpired': 'The certificate of {host} has expired.',
	'api.certExpired.hint':
		'Renew it on Unified Manager; to connect meanwhile, pin it with `umwatch trust` or use --insecure.',
	'api.certNotYetValid': 'The certificate of {host} is not valid yet.',
	'api.certNotYetValid.hint': "Check this machine's clock and the server's.",
	'api.certOtherHost': 'The certificate of {host} is for another host name.',
	'api.certOtherHostNames': 'The certificate of {host} is for another host name ({names}).',
	'api.certOtherHost.hint':
		'Use a host name the certificate names in the URL, or pin it with `umwatch trust`.',
	'api.handshakeFailed': 'The TLS handshake with {host} failed ({code}).',
	'api.handshakeFailed.hint':
		'Is the port right, and does it speak https? For the simulator without TLS use http://.',
	'api.unexpected': 'Unexpected failure: {text}',

	// Answers that are not what the API sends (http.ts, parse.ts, client.ts, pages.ts)
	'api.tooLarge': 'The answer from {host} is larger than {size}; it was not read.',
	'api.tooLarge.hint': 'A proxy or a broken server may be sending it.',
	'api.html': '{host} answered HTML, not JSON – a proxy or login page?',
	'api.html.hint': 'Check the URL (…/api on the Unified Manager host) and any proxy in between.',
	'api.emptyBody': '{host} answered with an empty body.',
	'api.emptyBody.hint': 'A proxy may be interfering.',
	'api.jsonCut': '{host} answered JSON that was cut short ({bytes} bytes).',
	'api.notJson': '{host} answered something that is not JSON.',
	'api.badBody.hint': 'If it persists, check the server and any proxy.',
	'api.noJobList': 'Unified Manager answered without a list of jobs.',
	'api.noJobList.hint':
		'Is the URL a Unified Manager API (…/api)? A proxy may be answering instead.',
	'api.jobWithoutKey': 'Unified Manager answered a job without a key.',
	'api.systemNotObject': 'Unified Manager answered the system request without an object.',
	'api.isApi.hint': 'Is the URL a Unified Manager API (…/api)?',
	'api.noJobKey': 'No job key given.',
	'api.noJobKey.hint': 'Give the key of a job.',
	'api.nextInvalid': 'Unified Manager sent a next-page link that is not a valid URL; not followed.',
	'api.nextOtherServer':
		'Unified Manager sent a next-page link to another server ({origin}); not followed.',
	'api.nextCredentials':
		'Unified Manager sent a next-page link carrying credentials; not followed.',
	'api.nextOutside':
		'Unified Manager sent a next-page link outside {root}/ ({path}); not followed.',
	'api.nextUnchecked':
		'Unified Manager sent a next-page link that cannot be checked; not followed.',
	'api.nextLoop':
		'Unified Manager sent a next-page link back to a page already read; not followed.',
	'api.next.hint':
		'A proxy or a misconfigured server is rewriting links; report it to the server admin.',

	// What the user typed (url.ts, tls.ts, certificate.ts)
	'api.noUrl': 'No server URL given. Use --url https://HOST.',
	'api.badUrl': 'Not a valid URL: {url}.',
	'api.urlCredentials':
		'The URL contains a user name or password (user:pass@host). Credentials in a URL leak through the process list and shell history; give the user with --user and the password with UMWATCH_PASSWORD or --password-file.',
	'api.urlScheme':
		'Unsupported URL scheme "{scheme}"; use https:// (or http:// for the simulator).',
	'api.urlQuery': 'The server URL must not carry a query (?) or fragment (#).',
	'api.badFingerprint':
		'Not a SHA-256 fingerprint: expected 64 hex digits, colons optional (`umwatch trust` prints it).',
	'api.plainHttpTrust': 'Nothing to trust over plain HTTP ({host}); use https://.',
	'api.badSort': '{origin} must be one of {orders}, not {value}',
	'api.patternEmpty': "{flag} needs a value, e.g. {flag} 'Create*'",
	'api.patternQuestion':
		"{flag} must not contain '?' (AIQUM filters do not allow it); use * as a wildcard",
} as const;
