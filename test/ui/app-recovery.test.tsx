// Issue 15, items 6, 10 and 11 in the real App: `r` after a failure retrying
// cannot fix reconnects with settings read again (asking for a prompted
// password in a hidden prompt line), `e` shows the last failure in full, and
// while paused the footer says `p resume`.
import { describe, expect, test } from 'vitest';
import type { ConnectionState, ErrorSummary } from '../../source/engine/types.js';
import type { Reconnector } from '../../source/ui/use-recovery.js';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';
import { pressEscape, renderApp } from '../helpers/ui-harness.js';

const NEW_PIN =
	'AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99';
const OLD_PIN =
	'11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00';

const changed: ErrorSummary = {
	kind: 'tls',
	message: `The certificate of um01.example.com changed: its SHA-256 fingerprint is ${NEW_PIN}, not the pinned ${OLD_PIN}.`,
	hint: 'If the certificate was renewed on purpose, check it and run `umwatch trust` again; otherwise the connection may be intercepted.',
};

const rejected: ErrorSummary = {
	kind: 'auth',
	message: 'Unified Manager rejected the user name or password (401).',
	hint: 'Check --user and the password source.',
};

const failed = (error: ErrorSummary): ConnectionState => ({ kind: 'failed', error });

function jobs() {
	return [makeJob({ key: 'a', name: 'Alpha' }), makeJob({ key: 'b', name: 'Beta' })];
}

/** A reconnector that records its calls; `answer` decides what it does with the prompt. */
function fakeReconnector(options: { prompt?: string; insecure?: boolean } = {}) {
	const calls: ErrorSummary[] = [];
	const passwords: (string | null)[] = [];
	let release: () => void = () => undefined;
	const reconnector: Reconnector = {
		async reconnect(failure, askPassword) {
			calls.push(failure);
			if (options.prompt !== undefined) {
				const typed = await askPassword(options.prompt);
				passwords.push(typed);
				if (typed === null) return null;
			}
			await new Promise<void>((resolve) => {
				release = resolve;
			});
			return { insecure: options.insecure ?? false };
		},
	};
	return { reconnector, calls, passwords, finish: () => release() };
}

/** Everything on screen joined, each line trimmed: wrapped text read as one. */
function joined(lines: readonly string[]): string {
	return lines.map((line) => line.trim()).join(' ');
}

describe('e: the last failure in full (item 10)', () => {
	test('the header cuts a changed certificate; e shows the new fingerprint and the advice whole', async () => {
		const h = await renderApp({ snapshot: makeSnapshot(jobs(), { connection: failed(changed) }) });
		// The header's line is cut at the width: the new fingerprint's end and the pinned one are not there.
		expect(h.frame()).not.toContain(OLD_PIN.slice(-8));
		expect(h.lines().at(-1)).toContain('e error');

		await h.press('e');
		const lines = h.lines();
		expect(lines[0]).toMatch(/^ umwatch › last error +✗ failed/);
		const text = joined(lines);
		// Wider than the terminal, a fingerprint is broken over lines; none of it is lost.
		const flat = text.replace(/\s+/g, '');
		expect(flat).toContain(`fingerprintis${NEW_PIN},notthepinned${OLD_PIN}.`);
		// …between its byte pairs, never inside one.
		expect(text).not.toMatch(/[0-9A-F] [0-9A-F]/);
		expect(text).toContain(changed.hint);
		expect(text).toContain('Fix it, then press r');
		expect(lines.every((line) => line.length <= 79)).toBe(true);
		expect(lines.at(-1)).toBe('  Esc close  r retry now');

		await pressEscape(h);
		expect(h.frame()).toContain('Alpha');
		h.unmount();
	});

	test('on a short terminal the failure scrolls; q closes it', async () => {
		const h = await renderApp({
			rows: 10,
			columns: 50,
			snapshot: makeSnapshot(jobs(), { connection: failed(changed) }),
		});
		await h.press('e');
		const top = joined(h.lines());
		expect(top).not.toContain('may be intercepted');
		await h.press('G');
		expect(joined(h.lines())).toContain('may be intercepted.');
		await h.press('q');
		expect(h.quits).toBe(0);
		expect(h.frame()).toContain('Alpha');
		h.unmount();
	});

	test('while retrying, e shows the last error; with none, it says so', async () => {
		const h = await renderApp({
			snapshot: makeSnapshot(jobs(), {
				connection: {
					kind: 'retrying',
					attempt: 2,
					nextTryAt: Date.now() + 60_000,
					lastError: { kind: 'network', message: 'Connection refused by um01:443.', hint: '' },
				},
			}),
		});
		await h.press('e');
		expect(h.frame()).toContain('✗ Connection refused by um01:443.');
		expect(h.frame()).toContain('umwatch keeps retrying by itself; r tries again now.');
		await pressEscape(h);
		await h.update({ connection: { kind: 'live' } });
		expect(h.lines().at(-1)).not.toContain('e error');
		await h.press('e');
		expect(h.lines().at(-1)).toContain('no error to show');
		expect(h.frame()).toContain('Alpha');
		h.unmount();
	});

	test('e is in the help, generated from the key map', async () => {
		const h = await renderApp({ snapshot: makeSnapshot(jobs()) });
		await h.press('?');
		expect(h.frame()).toMatch(/ e +show the last error in full/);
		h.unmount();
	});
});

describe('p while paused (item 11)', () => {
	test('the footer says p resume while paused, and r refreshes then', async () => {
		const h = await renderApp({ snapshot: makeSnapshot(jobs()) });
		expect(h.lines().at(-1)).toContain('p pause');
		await h.update({ connection: { kind: 'paused' } });
		expect(h.lines().at(-1)).toContain('p resume');
		expect(h.lines().at(-1)).not.toContain('p pause');
		await h.press('r');
		expect(h.engine.calls.refresh).toBe(1);
		h.unmount();
	});

	test('a refresh while paused that failed is said under the header', async () => {
		const h = await renderApp({ snapshot: makeSnapshot(jobs()) });
		await h.update({ connection: { kind: 'paused', lastError: rejected } });
		expect(h.lines()[0]).toContain('paused');
		expect(h.lines()[2]).toBe(
			' ! refresh failed: Unified Manager rejected the user name or password (401).',
		);
		expect(h.lines().at(-1)).toContain('e error');
		h.unmount();
	});
});

describe('r after a failure retrying cannot fix (item 6)', () => {
	test('reconnects with settings read again, then polls once', async () => {
		const fake = fakeReconnector();
		const h = await renderApp({
			snapshot: makeSnapshot(jobs(), { connection: failed(changed) }),
			reconnector: fake.reconnector,
		});
		await h.press('r');
		expect(fake.calls).toEqual([changed]);
		// The poll waits for the new client.
		expect(h.engine.calls.refresh).toBe(0);
		// A second r while it reads does not start another.
		await h.press('r');
		expect(fake.calls).toHaveLength(1);
		fake.finish();
		await h.press('');
		expect(h.engine.calls.refresh).toBe(1);
		h.unmount();
	});

	test('also when a refresh while paused was rejected', async () => {
		const fake = fakeReconnector();
		const h = await renderApp({
			snapshot: makeSnapshot(jobs(), { connection: { kind: 'paused', lastError: rejected } }),
			reconnector: fake.reconnector,
		});
		await h.press('r');
		expect(fake.calls).toEqual([rejected]);
		h.unmount();
	});

	test('a failure worth retrying is only retried: no settings are read', async () => {
		const fake = fakeReconnector();
		const h = await renderApp({
			snapshot: makeSnapshot(jobs(), {
				connection: {
					kind: 'retrying',
					attempt: 1,
					nextTryAt: Date.now() + 60_000,
					lastError: { kind: 'server', message: 'Unified Manager failed (500).', hint: '' },
				},
			}),
			reconnector: fake.reconnector,
		});
		await h.press('r');
		expect(fake.calls).toEqual([]);
		expect(h.engine.calls.refresh).toBe(1);
		h.unmount();
	});

	test('r from the error view closes it and reconnects', async () => {
		const fake = fakeReconnector();
		const h = await renderApp({
			snapshot: makeSnapshot(jobs(), { connection: failed(rejected) }),
			reconnector: fake.reconnector,
		});
		await h.press('e');
		expect(h.lines()[0]).toContain('last error');
		await h.press('r');
		expect(fake.calls).toEqual([rejected]);
		expect(h.frame()).toContain('Alpha');
		h.unmount();
	});

	test('a prompted password is asked again in a hidden prompt line: nothing typed shows or acts', async () => {
		const fake = fakeReconnector({ prompt: 'admin@um01.example.com' });
		const h = await renderApp({
			snapshot: makeSnapshot(jobs(), { connection: failed(rejected) }),
			reconnector: fake.reconnector,
		});
		await h.press('r');
		expect(h.lines().at(-1)).toBe(
			' Password for admin@um01.example.com:    Enter log in  Esc cancel',
		);
		const before = h.frame();
		// Keys that mean something in the list are password characters here.
		await h.press('q', 'p', '/', 'x', 'y', 'z', '\x7f', 'Z', ' ', 'é');
		expect(h.quits).toBe(0);
		expect(h.engine.calls.paused).toEqual([]);
		expect(h.frame()).toBe(before);
		expect(h.stdout.writes.join('')).not.toMatch(/qp\/|xyZ|\*\*/);
		await h.press('\r');
		expect(fake.passwords).toEqual(['qp/xyZ é']);
		expect(h.lines().at(-1)).toContain('r refresh');
		fake.finish();
		await h.press('');
		expect(h.engine.calls.refresh).toBe(1);
		h.unmount();
	});

	test('Enter with nothing typed keeps asking; Ctrl-U clears; Esc cancels and nothing is retried', async () => {
		const fake = fakeReconnector({ prompt: 'admin@um01.example.com' });
		const h = await renderApp({
			snapshot: makeSnapshot(jobs(), { connection: failed(rejected) }),
			reconnector: fake.reconnector,
		});
		await h.press('r');
		await h.press('\r');
		expect(fake.passwords).toEqual([]);
		expect(h.lines().at(-1)).toContain('Password for');
		await h.press('abc', '\x15', '\r');
		expect(fake.passwords).toEqual([]);
		await pressEscape(h);
		expect(fake.passwords).toEqual([null]);
		expect(h.lines().at(-1)).toContain('r refresh');
		expect(h.engine.calls.refresh).toBe(0);
		// The failure stands; r asks again.
		await h.press('r');
		expect(h.lines().at(-1)).toContain('Password for admin@um01.example.com:');
		await h.press('\x03');
		expect(h.quits).toBe(1);
		h.unmount();
	});

	test('a profile that now turns checks off shows the standing warning', async () => {
		const fake = fakeReconnector({ insecure: true });
		const h = await renderApp({
			snapshot: makeSnapshot(jobs(), { connection: failed(changed) }),
			reconnector: fake.reconnector,
		});
		expect(h.frame()).not.toContain('--insecure');
		await h.press('r');
		fake.finish();
		await h.press('');
		expect(h.frame()).toContain("--insecure: the server's certificate is not checked");
		h.unmount();
	});
});
