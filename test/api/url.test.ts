import { describe, expect, it } from 'vitest';
import { buildQuery, parseBaseUrl } from '../../source/api/url.js';
import { UsageError } from '../../source/api/usage-error.js';

describe('parseBaseUrl', () => {
	it.each([
		['https://um.example.test', 'https://um.example.test/api', '/api', 'um.example.test', 443],
		['https://um.example.test/', 'https://um.example.test/api', '/api', 'um.example.test', 443],
		[
			'https://um.example.test:8443/api/',
			'https://um.example.test:8443/api',
			'/api',
			'um.example.test:8443',
			8443,
		],
		[
			'https://um.example.test/api/v2',
			'https://um.example.test/api/v2',
			'/api',
			'um.example.test',
			443,
		],
		[
			'HTTPS://UM.Example.Test//api//',
			'https://um.example.test/api',
			'/api',
			'um.example.test',
			443,
		],
		[
			'um.example.test:9443',
			'https://um.example.test:9443/api',
			'/api',
			'um.example.test:9443',
			9443,
		],
		['http://127.0.0.1:8080', 'http://127.0.0.1:8080/api', '/api', '127.0.0.1:8080', 8080],
		['https://proxy.test/um/', 'https://proxy.test/um/api', '/um/api', 'proxy.test', 443],
		['https://[::1]:8443/api', 'https://[::1]:8443/api', '/api', '[::1]:8443', 8443],
	])('%s', (input, href, apiRoot, displayHost, port) => {
		const base = parseBaseUrl(input);
		expect(base.href).toBe(href);
		expect(base.apiRoot).toBe(apiRoot);
		expect(base.displayHost).toBe(displayHost);
		expect(base.port).toBe(port);
	});

	it('gives the host name without IPv6 brackets for TLS', () => {
		expect(parseBaseUrl('https://[::1]/').hostname).toBe('::1');
	});

	it('refuses credentials in the URL and says why, without repeating them', () => {
		for (const url of [
			'https://admin:hunter2@um.example.test',
			'https://admin@um.example.test/api',
		]) {
			let caught: unknown;
			try {
				parseBaseUrl(url);
			} catch (error) {
				caught = error;
			}
			expect(caught).toBeInstanceOf(UsageError);
			const message = (caught as UsageError).message;
			expect(message).toBe(
				'The URL contains a user name or password (user:pass@host). Credentials in a URL leak ' +
					'through the process list and shell history; give the user with --user and the ' +
					'password with UMWATCH_PASSWORD or --password-file.',
			);
			expect(message).not.toContain('hunter2');
		}
	});

	it.each([
		[
			'ftp://um.example.test',
			'Unsupported URL scheme "ftp"; use https:// (or http:// for the simulator).',
		],
		[
			'file:///etc/passwd',
			'Unsupported URL scheme "file"; use https:// (or http:// for the simulator).',
		],
		[
			'https://um.example.test/api?x=1',
			'The server URL must not carry a query (?) or fragment (#).',
		],
		['', 'No server URL given. Use --url https://HOST.'],
		['https://', 'Not a valid URL: "https://".'],
	])('refuses %j', (input, message) => {
		expect(() => parseBaseUrl(input)).toThrow(new UsageError(message));
	});
});

describe('buildQuery', () => {
	it('percent-encodes everything but keeps * wildcards', () => {
		expect(buildQuery([['name', 'a b|c*?&=']])).toBe('?name=a%20b%7Cc*%3F%26%3D');
		expect(buildQuery([])).toBe('');
	});
});
