// `curl … | umwatch wait -` after the POST failed: stdin holds the server's
// error body or an HTML page instead of a 202 body. `wait` must say so, with
// the server's own words made inert, and exit 2 without asking the server.
import { describe, expect, it } from 'vitest';
import type { Job } from '../../source/api/job.js';
import { UsageError } from '../../source/api/usage-error.js';
import { jobKeyFromStdinText } from '../../source/output/stdin-key.js';
import { runWait, type WaitForJobFn } from '../../source/output/wait.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { captureIo, fakeClient, stdinOf } from '../helpers/out-fakes.js';
import { apiJob } from '../helpers/ui-fixtures.js';

const EXPECTED =
	'expected an AIQUM 202 body such as {"job":{"key":"…"}} or {"operationId":"…"}, or a job key';
const FAILED = 'the request that should have started the job failed';

function refusal(text: string): string {
	try {
		jobKeyFromStdinText(text);
	} catch (error) {
		expect(error).toBeInstanceOf(UsageError);
		return (error as Error).message;
	}
	throw new Error(`accepted ${JSON.stringify(text)}`);
}

describe('stdin after a failed POST', () => {
	it("quotes AIQUM's error body: message, code and target", () => {
		const body = JSON.stringify({
			error: {
				message: 'The volume name "vol1" is already in use.',
				code: '6',
				target: 'name',
			},
		});
		expect(refusal(body)).toBe(
			`stdin holds an error from the server, not a job: "The volume name "vol1" is already in use" (code 6, target name); ${FAILED}`,
		);
	});

	it('quotes a bare error string, and says when there is no message', () => {
		expect(refusal('{"error":"Unauthorized"}')).toBe(
			`stdin holds an error from the server, not a job: "Unauthorized"; ${FAILED}`,
		);
		expect(refusal('{"error":{"code":400}}')).toBe(
			`stdin holds an error from the server, not a job: with no message (code 400); ${FAILED}`,
		);
	});

	it('makes the server text inert and bounded', () => {
		const body = JSON.stringify({
			error: { message: `bad\u001b]52;c;aGk=\u0007 thing\u001b[2J ${'x'.repeat(5000)}`, code: 1 },
		});
		const message = refusal(body);
		expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
		expect(message).toContain('"bad thing xxx');
		expect(message.length).toBeLessThan(400);
	});

	it.each([
		['a proxy page with a title', '<html><head><title>502 Bad Gateway</title></head></html>'],
		['a doctype page', '<!DOCTYPE html>\n<html>\n<title>\n502  Bad Gateway\n</title>'],
	])('says stdin holds HTML: %s', (_label, page) => {
		expect(refusal(page)).toBe(
			`stdin holds an HTML page ("502 Bad Gateway"), not a job: ${FAILED}`,
		);
	});

	it('says stdin holds HTML for a page with no spaces and no title', () => {
		expect(refusal('<h1>Forbidden</h1>')).toBe(`stdin holds an HTML page, not a job: ${FAILED}`);
	});

	it('refuses text with spaces as text, not as a key', () => {
		expect(refusal('curl: (7) Failed to connect\n')).toBe(
			`stdin holds text, not a job key: "curl: (7) Failed to connect" (a key has no spaces); ${EXPECTED}`,
		);
	});
});

describe('wait - after a failed POST', () => {
	it('exits 2 at once with the server message, without waiting on anything', async () => {
		const seen: string[] = [];
		const waiter: WaitForJobFn = async (_client, key) => {
			seen.push(key);
			return {} as Job;
		};
		const body = JSON.stringify({ error: { message: 'Access denied.', code: '403' } });
		const io = captureIo({ clock: new FakeClock(0), stdin: stdinOf(body) });
		const client = fakeClient([apiJob({ key: 'k' })]);
		expect(await runWait(client, '-', { format: 'line' }, io, waiter)).toBe(2);
		expect(io.stderr.text()).toBe(
			`umwatch: stdin holds an error from the server, not a job: "Access denied" (code 403); ${FAILED}\n`,
		);
		expect(io.stdout.text()).toBe('');
		expect(seen).toEqual([]);
	});

	it('exits 2 at once for an HTML page without spaces (it used to be waited on as a key)', async () => {
		const seen: string[] = [];
		const waiter: WaitForJobFn = async (_client, key) => {
			seen.push(key);
			return {} as Job;
		};
		const io = captureIo({ clock: new FakeClock(0), stdin: stdinOf('<h1>Unauthorized</h1>\n') });
		expect(await runWait(fakeClient([]), '-', { format: 'line' }, io, waiter)).toBe(2);
		expect(io.stderr.text()).toBe(`umwatch: stdin holds an HTML page, not a job: ${FAILED}\n`);
		expect(seen).toEqual([]);
	});
});
