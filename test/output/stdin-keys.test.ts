// `wait -` with several lines (issue 11): one 202 body or key per line, or one
// document as before; a bad line is named by its number.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../source/api/usage-error.js';
import { jobKeysFromStdinText, resolveKeyArguments } from '../../source/output/stdin-key.js';
import { stdinOf } from '../helpers/out-fakes.js';

describe('jobKeysFromStdinText', () => {
	it('reads NDJSON 202 bodies, operationIds and plain keys mixed; blank lines skipped; twice counts once', () => {
		const text = [
			'{"job":{"key":"k1","_links":{"self":{"href":"/api/management-server/jobs/k1"}}}}',
			'',
			'k2\r',
			'{"operationId":"op-3"}',
			'k1',
		].join('\n');
		expect(jobKeysFromStdinText(text)).toEqual(['k1', 'k2', 'op-3']);
	});

	it('one document over several lines is still one: a pretty 202 body', () => {
		expect(jobKeysFromStdinText('{\n  "job": {\n    "key": "k1"\n  }\n}\n')).toEqual(['k1']);
	});

	it.each([
		['a line of words', 'k1\nnot a key at all\n', 'stdin line 2 holds text, not a job key'],
		['a broken JSON line', 'k1\n\n{"job": {"key": \n', 'stdin line 3 is not valid JSON'],
		[
			'a JSON line without a key',
			'{"job":{"key":"k1"}}\n{"job":{}}\n',
			'stdin line 2 has no job key',
		],
		[
			'an HTML page over several lines',
			'<html>\n<title>502 Bad Gateway</title>\n</html>\n',
			'stdin holds an HTML page ("502 Bad Gateway"), not a job',
		],
		[
			'a pretty error body',
			'{\n "error": {"message": "Busy"}\n}',
			'stdin holds an error from the server, not a job: "Busy"',
		],
	])('refuses %s with a specific message', (_label, text, message) => {
		expect(() => jobKeysFromStdinText(text)).toThrow(UsageError);
		expect(() => jobKeysFromStdinText(text)).toThrow(message);
	});
});

describe('resolveKeyArguments', () => {
	it('keys as given and "-" for the keys on stdin, in order, each once', async () => {
		const keys = await resolveKeyArguments(['a', '-', 'c', 'a', '-'], stdinOf('b\nc\n'));
		expect(keys).toEqual(['a', 'b', 'c']);
	});
});
