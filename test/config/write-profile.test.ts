import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../source/config/config-file.js';
import { writeProfileFingerprint } from '../../source/config/write-profile.js';

const PIN = ('AB'.repeat(32).match(/../g) ?? []).join(':');
let dir: string;
let path: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'umwatch-write-'));
	path = join(dir, 'sub', 'config.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeProfileFingerprint', () => {
	it('creates the file and the profile with url and user, mode 0600', () => {
		const result = writeProfileFingerprint(path, 'prod', {
			fingerprint: PIN,
			url: 'https://p',
			user: 'ops',
		});
		expect(result).toEqual({ path, created: true });
		expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
			profiles: { prod: { url: 'https://p', user: 'ops', fingerprint: PIN } },
		});
		expect(statSync(path).mode & 0o777).toBe(0o600);
	});

	it('keeps every other key, changes only the fingerprint, and drops insecure', () => {
		const existing = {
			defaultProfile: 'prod',
			futureSetting: { a: [1, 2] },
			profiles: {
				prod: {
					url: 'https://p',
					user: 'ops',
					passwordCommand: 'pass um',
					insecure: true,
					fingerprint: 'old',
				},
				lab: { url: 'https://l' },
			},
		};
		const target = join(dir, 'config.json');
		writeFileSync(target, JSON.stringify(existing), { mode: 0o644 });
		const result = writeProfileFingerprint(target, 'prod', {
			fingerprint: PIN,
			url: 'https://other',
			user: 'x',
		});
		expect(result.created).toBe(false);
		expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual({
			defaultProfile: 'prod',
			futureSetting: { a: [1, 2] },
			profiles: {
				prod: { url: 'https://p', user: 'ops', passwordCommand: 'pass um', fingerprint: PIN },
				lab: { url: 'https://l' },
			},
		});
		expect(statSync(target).mode & 0o777).toBe(0o600);
		expect(loadConfigFile(target).profiles.get('prod')?.fingerprint).toBe(PIN);
		// No temporary file is left beside it.
		expect(readdirSync(dir).sort()).toEqual(['config.json']);
	});

	it('refuses to rewrite a file it cannot parse, leaving it untouched', () => {
		const target = join(dir, 'config.json');
		writeFileSync(target, '{"profiles": ');
		expect(() => writeProfileFingerprint(target, 'prod', { fingerprint: PIN })).toThrow(
			/not valid JSON/,
		);
		expect(readFileSync(target, 'utf8')).toBe('{"profiles": ');
	});
});
