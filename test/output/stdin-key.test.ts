import { describe, expect, it } from 'vitest';
import { UsageError } from '../../source/api/usage-error.js';
import { jobKeyFromStdinText, resolveKeyArgument } from '../../source/output/stdin-key.js';
import { stdinOf } from '../helpers/out-fakes.js';

const KEY = '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87';
const EXPECTED =
	'expected an AIQUM 202 body such as {"job":{"key":"…"}} or {"operationId":"…"}, or a job key';

describe('jobKeyFromStdinText', () => {
	it.each([
		[
			'the 202 body',
			JSON.stringify({
				job: { key: KEY, _links: { self: { href: '/api/management-server/jobs/x' } } },
			}),
		],
		['the 202 body, pretty with CRLF', `{\r\n  "job": {\r\n    "key": "${KEY}"\r\n  }\r\n}\r\n`],
		[
			'a 202 body with only the job link',
			JSON.stringify({
				job: {
					_links: { self: { href: `/api/management-server/jobs/${encodeURIComponent(KEY)}` } },
				},
			}),
		],
		['the job object itself', JSON.stringify({ key: KEY, name: 'x', state: 'running' })],
		['a JSON string', JSON.stringify(KEY)],
		['a bare key', `${KEY}\n`],
		['a bare key after a BOM', `\uFEFF${KEY}`],
	])('reads %s', (_label, text) => {
		expect(jobKeyFromStdinText(text)).toBe(KEY);
	});

	it('reads an operationId', () => {
		expect(jobKeyFromStdinText('{"operationId": "op-1234"}')).toBe('op-1234');
	});

	it.each([
		['empty', '', `stdin is empty: ${EXPECTED}`],
		['blank', ' \n\t', `stdin is empty: ${EXPECTED}`],
		['broken JSON', '{"job": {"key": ', `stdin is not valid JSON: ${EXPECTED}`],
		['JSON without a key', '{"job": {"name": "x"}}', `stdin has no job key: ${EXPECTED}`],
		['a JSON array', '[1,2]', `stdin has no job key: ${EXPECTED}`],
		['an empty key', '{"job": {"key": ""}}', 'the key on stdin is empty'],
		[
			'an HTML page',
			'<html><body>502 Bad Gateway</body></html>',
			'stdin holds an HTML page, not a job: the request that should have started the job failed',
		],
		[
			'a key with ESC',
			'{"job": {"key": "ab\\u001b]52;c;x\\u0007"}}',
			'contains spaces or control characters',
		],
	])('refuses %s with a specific message', (_label, text, message) => {
		expect(() => jobKeyFromStdinText(text)).toThrow(UsageError);
		expect(() => jobKeyFromStdinText(text)).toThrow(message);
	});
});

describe('resolveKeyArgument', () => {
	it('returns a given key as it is, trimmed', async () => {
		expect(await resolveKeyArgument(` ${KEY} `, undefined)).toBe(KEY);
	});

	it('reads "-" from stdin', async () => {
		expect(await resolveKeyArgument('-', stdinOf(`{"job":{"key":"${KEY}"}}`))).toBe(KEY);
	});

	it('refuses "-" when stdin is a terminal', async () => {
		const stdin = Object.assign(stdinOf(''), { isTTY: true });
		await expect(resolveKeyArgument('-', stdin)).rejects.toThrow(
			'KEY is "-" but stdin is a terminal: pipe the 202 body in, e.g. curl … | umwatch wait -',
		);
	});

	it('stops reading a stdin that never ends when the signal fires', async () => {
		const { PassThrough } = await import('node:stream');
		const stdin = new PassThrough();
		const controller = new AbortController();
		const reading = resolveKeyArgument('-', stdin, controller.signal);
		controller.abort(new Error('timed out'));
		await expect(reading).rejects.toThrow('timed out');
	});

	it('refuses more than 1 MiB', async () => {
		await expect(resolveKeyArgument('-', stdinOf('x'.repeat(1024 * 1024 + 1)))).rejects.toThrow(
			`stdin is larger than 1 MiB: ${EXPECTED}`,
		);
	});
});
