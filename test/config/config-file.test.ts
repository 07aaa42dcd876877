import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeJsonError, loadConfigFile } from '../../source/config/config-file.js';
import { ConfigError } from '../../source/config/errors.js';
import { configFilePath, expandHome } from '../../source/config/paths.js';

let dir: string;
let path: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'umwatch-file-'));
	path = join(dir, 'config.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The error a broken profile carries (shown only when that profile is used). */
function profileError(text: string, name: string): ConfigError {
	writeFileSync(path, text);
	const file = loadConfigFile(path);
	const error = file.invalidProfiles?.get(name);
	if (error === undefined) throw new Error(`expected profile ${name} to be invalid`);
	expect(file.profiles.has(name)).toBe(false);
	expect(file.warnings).toContain(`warning: ${error.message} (profile "${name}" is ignored)`);
	return error;
}

function loadError(text: string): ConfigError {
	writeFileSync(path, text);
	try {
		loadConfigFile(path);
	} catch (error) {
		if (error instanceof ConfigError) return error;
		throw error;
	}
	throw new Error('expected a ConfigError');
}

describe('where the config file lives', () => {
	it('UMWATCH_CONFIG, then an absolute XDG_CONFIG_HOME, then ~/.config', () => {
		expect(
			configFilePath({ UMWATCH_CONFIG: '/x/c.json', XDG_CONFIG_HOME: '/xdg' }, '/home/a'),
		).toBe('/x/c.json');
		expect(configFilePath({ XDG_CONFIG_HOME: '/xdg' }, '/home/a')).toBe('/xdg/umwatch/config.json');
		expect(configFilePath({ XDG_CONFIG_HOME: 'relative' }, '/home/a')).toBe(
			'/home/a/.config/umwatch/config.json',
		);
		expect(configFilePath({}, '/home/a')).toBe('/home/a/.config/umwatch/config.json');
	});

	it('expands ~/ in paths', () => {
		expect(expandHome('~/p', '/home/a')).toBe('/home/a/p');
		expect(expandHome('/abs/~/p', '/home/a')).toBe('/abs/~/p');
	});
});

describe('reading it', () => {
	it('a missing file is an empty config', () => {
		const file = loadConfigFile(join(dir, 'none.json'));
		expect([file.exists, file.profiles.size, file.defaultProfile, file.mode]).toEqual([
			false,
			0,
			null,
			null,
		]);
	});

	it('reads profiles, accepting kebab-case keys, and warns about unknown ones', () => {
		writeFileSync(
			path,
			JSON.stringify({
				profiles: {
					prod: { url: 'https://p', 'password-command': 'pass um', interval: 5, passwrodFile: 'x' },
				},
			}),
			{ mode: 0o640 },
		);
		const file = loadConfigFile(path);
		expect(file.profiles.get('prod')).toEqual({
			url: 'https://p',
			passwordCommand: 'pass um',
			interval: 5,
		});
		expect(file.warnings).toEqual([
			`warning: ${path}: profile "prod": unknown key "passwrodFile" (ignored)`,
		]);
		expect(file.mode).toBe(0o640);
	});

	it('names the line and column of invalid JSON', () => {
		const error = loadError('{\n  "profiles": {\n    "prod": {"url": "x",}\n  }\n}');
		expect(error.message).toBe(
			`${path}: not valid JSON: Expected double-quoted property name (line 3, column 25)`,
		);
		expect(error.hint).toBe('fix the file, or point UMWATCH_CONFIG at another one');
	});

	it('describes V8 messages without a position as they are', () => {
		expect(describeJsonError('Unexpected end of JSON input', '{')).toBe(
			'Unexpected end of JSON input',
		);
	});

	it('names a value of the wrong type', () => {
		expect(profileError('{"profiles": {"prod": {"interval": "5"}}}', 'prod').message).toBe(
			`${path}: profile "prod": "interval" must be a number, not a string ("5")`,
		);
		expect(profileError('{"profiles": {"prod": {"insecure": 1}}}', 'prod').message).toBe(
			`${path}: profile "prod": "insecure" must be a boolean, not a number (1)`,
		);
		expect(loadError('{"profiles": []}').message).toBe(
			`${path}: "profiles" must be an object of named profiles`,
		);
		expect(loadError('[1]').message).toBe(`${path}: the top level must be a JSON object`);
		expect(profileError('{"profiles": {"prod": "https://x"}}', 'prod').message).toBe(
			`${path}: profile "prod" must be an object`,
		);
	});

	it('refuses a defaultProfile that names no profile, and a profile with two password sources', () => {
		const missing = loadError('{"defaultProfile": "qa", "profiles": {"prod": {}}}');
		expect([missing.message, missing.hint]).toEqual([
			`${path}: "defaultProfile" names "qa", which is not a profile`,
			'known profiles: prod',
		]);
		expect(
			profileError('{"profiles": {"p": {"passwordFile": "a", "passwordCommand": "b"}}}', 'p')
				.message,
		).toBe(`${path}: profile "p" names both "passwordFile" and "passwordCommand"; keep one`);
	});
});
