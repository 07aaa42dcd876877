import { describe, expect, it } from 'vitest';
import { type FailureContext, mapFailure } from '../../source/api/error-map.js';
import { parseRetryAfter } from '../../source/api/status-error.js';

const context: FailureContext = {
	host: 'um.example.test:443',
	path: '/api/management-server/jobs',
	secrets: ['S3cret-Pa55word'],
	connectTimeoutMs: 10_000,
	headersTimeoutMs: 135_000,
	bodyTimeoutMs: 30_000,
	inBody: false,
};

function coded(code: string, message = code): Error {
	return Object.assign(new Error(message), { code });
}

describe('mapFailure', () => {
	it.each([
		[
			'ENOTFOUND',
			'network',
			'Host name not found: um.example.test:443.',
			'Check the host name in the URL (and DNS).',
		],
		[
			'EAI_AGAIN',
			'network',
			'Host name not found: um.example.test:443.',
			'Check the host name in the URL (and DNS).',
		],
		[
			'EHOSTUNREACH',
			'network',
			'No route to um.example.test:443.',
			'Check the network path (VPN, firewall, routing).',
		],
		[
			'ECONNRESET',
			'network',
			'The connection to um.example.test:443 was closed or reset before an answer.',
			'If it keeps happening, check proxies between here and the server.',
		],
		[
			'UND_ERR_CONNECT_TIMEOUT',
			'timeout',
			'No connection to um.example.test:443 within 10 s.',
			'Is the host reachable from here (VPN, firewall)?',
		],
		[
			'UND_ERR_HEADERS_TIMEOUT',
			'timeout',
			'um.example.test:443 did not answer within 135 s.',
			'Unified Manager may be overloaded.',
		],
		[
			'UND_ERR_BODY_TIMEOUT',
			'timeout',
			'The answer from um.example.test:443 stalled for 30 s.',
			'Unified Manager may be overloaded.',
		],
		[
			'SELF_SIGNED_CERT_IN_CHAIN',
			'tls',
			'The certificate of um.example.test:443 is signed by a CA this machine does not trust.',
			'Run `umwatch trust` to pin its certificate, or use --ca-file FILE, or --insecure.',
		],
		[
			'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
			'tls',
			'The certificate of um.example.test:443 is signed by a CA this machine does not trust.',
			'Run `umwatch trust` to pin its certificate, or use --ca-file FILE, or --insecure.',
		],
		[
			'CERT_NOT_YET_VALID',
			'tls',
			'The certificate of um.example.test:443 is not valid yet.',
			"Check this machine's clock and the server's.",
		],
	])('%s', (code, kind, message, hint) => {
		expect(mapFailure(coded(code), context)).toMatchObject({ kind, message, hint });
	});

	it('finds the code in a cause chain', () => {
		const wrapped = new Error('fetch failed', { cause: coded('ECONNREFUSED') });
		expect(mapFailure(wrapped, context).message).toBe('Connection refused by um.example.test:443.');
	});

	it('an unknown failure says what it was, sanitized and without secrets', () => {
		const error = mapFailure(new Error('boom S3cret-Pa55word \u001b]52;c;eA==\u0007'), context);
		expect(error.kind).toBe('network');
		expect(error.message).toBe('Could not talk to um.example.test:443: boom ***.');
	});

	it('keeps only a sanitized cause', () => {
		const error = mapFailure(coded('ECONNRESET', 'reset \u001b[2J'), context);
		expect((error.cause as Error).message).toBe('reset ');
		expect((error.cause as { code?: string }).code).toBe('ECONNRESET');
	});
});

describe('parseRetryAfter', () => {
	const now = Date.UTC(2026, 10, 28, 3, 0, 0);
	it.each([
		['5', 5000],
		['0', 0],
		['99999', 3_600_000],
		['Sat, 28 Nov 2026 03:00:10 GMT', 10_000],
		['Sat, 28 Nov 2026 02:00:00 GMT', 0],
		['soon', null],
		['-3', null],
		[undefined, null],
	])('%j → %j', (value, expected) => {
		expect(parseRetryAfter(value, now)).toBe(expected);
	});
});
