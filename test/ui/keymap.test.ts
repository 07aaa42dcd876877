import { describe, expect, test } from 'vitest';
import {
	footerHints,
	helpSections,
	KEYMAP,
	keyLabel,
	resolveKey,
} from '../../source/ui/screen/keymap.js';

const key = (name: Parameters<typeof keyLabel>[0]) =>
	name.length === 1 ? ({ kind: 'text', text: name } as const) : ({ kind: 'key', name } as never);

describe('key map', () => {
	test('q goes back from a detail view and quits from the list', () => {
		expect(resolveKey(key('q'), 'list')).toBe('quit');
		expect(resolveKey(key('q'), 'detail')).toBe('back');
		expect(resolveKey(key('q'), 'help')).toBe('back');
		expect(resolveKey(key('q'), 'filter')).toBeNull();
	});

	test('Ctrl-C quits from anywhere', () => {
		for (const context of ['list', 'detail', 'help', 'filter', 'error', 'password'] as const) {
			expect(resolveKey({ kind: 'key', name: 'ctrl+c' }, context)).toBe('forceQuit');
		}
	});

	test('no key means two things in one context', () => {
		for (const context of ['list', 'detail', 'help', 'filter', 'error', 'password'] as const) {
			const seen = new Map<string, string>();
			for (const binding of KEYMAP.filter((b) => b.contexts.includes(context))) {
				for (const k of binding.keys) {
					expect(seen.get(k) ?? binding.action, `${context} ${k}`).toBe(binding.action);
					seen.set(k, binding.action);
				}
			}
		}
	});

	test('the help is generated from the map: every binding is listed with its keys', () => {
		const sections = helpSections();
		expect(sections.map((s) => s.title)).toEqual([
			'Job list',
			'Job detail',
			'While typing a filter',
			'The last error',
			'While typing a password',
		]);
		const list = sections[0]?.entries ?? [];
		expect(list).toContainEqual({ keys: '↑ k', description: 'move up / scroll up' });
		expect(list).toContainEqual({ keys: 'Enter → l', description: 'open job' });
		expect(list).toContainEqual({ keys: 'Ctrl-C', description: 'quit from anywhere' });
		const total = sections.reduce((n, s) => n + s.entries.length, 0);
		const expected = KEYMAP.reduce((n, b) => n + b.contexts.filter((c) => c !== 'help').length, 0);
		expect(total).toBe(expected);
	});

	test('ASCII labels for arrows', () => {
		expect(keyLabel('up', true)).toBe('Up');
		expect(keyLabel('pageup', true)).toBe('PgUp');
		expect(helpSections(true)[0]?.entries[0]).toEqual({
			keys: 'Up k',
			description: 'move up / scroll up',
		});
	});

	test('footer hints come from the map', () => {
		expect(footerHints('list').map((h) => `${h.keys} ${h.text}`)).toEqual([
			'↑↓ move',
			'⏎ open',
			'/ filter',
			'r refresh',
			'p pause',
			'e error',
			'm mark',
			'b bell',
			'? help',
			'q quit',
			's sort',
		]);
		expect(footerHints('detail', true).map((h) => `${h.keys} ${h.text}`)).toEqual([
			'Esc back',
			'y copy key',
			'j/k scroll',
			'n/N next',
			'm mark',
			'e error',
			'? help',
		]);
	});
});
