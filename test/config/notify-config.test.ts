import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../source/config/errors.js';
import { resolveConfig } from '../../source/config/resolve.js';
import type { CliFlags } from '../../source/config/types.js';

let dir: string;
let configPath: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'umwatch-notify-'));
	configPath = join(dir, 'config.json');
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

function writeProfile(profile: Record<string, unknown>): void {
	const value = {
		defaultProfile: 'um',
		profiles: { um: { url: 'https://um.example.com', ...profile } },
	};
	writeFileSync(configPath, JSON.stringify(value), { mode: 0o600 });
	chmodSync(configPath, 0o600);
}

function resolve(flags: CliFlags) {
	return resolveConfig({
		flags: { user: 'admin', ...flags },
		positionals: [],
		env: { UMWATCH_CONFIG: configPath },
		stdoutIsTty: true,
		home: dir,
	});
}

describe('bell, desktop notifications and the title', () => {
	it('are off, off and on by default', () => {
		writeProfile({});
		expect(resolve({}).notify).toEqual({ bell: false, desktopNotify: false, title: true });
	});

	it('--bell, --desktop-notify and --no-title', () => {
		writeProfile({});
		expect(resolve({ bell: true, desktopNotify: true, title: false }).notify).toEqual({
			bell: true,
			desktopNotify: true,
			title: false,
		});
	});

	it('the profile keys "bell" and "desktopNotify" (and desktop-notify) turn them on', () => {
		writeProfile({ bell: true, desktopNotify: true });
		expect(resolve({}).notify).toMatchObject({ bell: true, desktopNotify: true });
		writeProfile({ 'desktop-notify': true });
		expect(resolve({}).notify).toMatchObject({ bell: false, desktopNotify: true });
	});

	it('a profile key of the wrong type is named', () => {
		writeProfile({ bell: 'yes' });
		expect(() => resolve({})).toThrow(ConfigError);
		expect(() => resolve({})).toThrow(/bell/);
	});
});
