import { describe, expect, it } from 'vitest';
import { readTree } from './read-tree.js';

/** Each test-kit concept, the one module that defines it, and what a second definition looks like. */
const KIT: readonly { concept: string; home: string; definition: RegExp }[] = [
	{ concept: 'fake clock', home: 'test/helpers/fake-clock.ts', definition: /\bclass FakeClock\b/ },
	{
		concept: 'wait for a condition',
		home: 'test/helpers/until.ts',
		definition: /\bfunction (until|eventually|waitFor)\b|\bconst (until|eventually)\s*=\s*async\b/,
	},
	{
		concept: 'let ready work run',
		home: 'test/helpers/settle.ts',
		definition: /\bfunction (settle|flushPromises)\b/,
	},
	{
		concept: 'ANSI stripper',
		home: 'test/helpers/ansi.ts',
		definition: /\bfunction strip(Ansi|Sgr|Escapes)\b|\.replace\(\/\\(x1b|u001b)\\\[/,
	},
	{
		concept: 'job factory',
		home: 'test/helpers/ui-fixtures.ts',
		definition: /\bfunction (makeJob|apiJob)\b/,
	},
	{ concept: 'promise tracker', home: 'test/helpers/track.ts', definition: /\bfunction track\b/ },
];

/** Copies allowed to stay outside the kit: none. */
const KNOWN_COPIES: ReadonlySet<string> = new Set<string>();

/** Every place in `tree` (repository path → text) that defines a kit concept outside its home. */
function kitCopies(tree: ReadonlyMap<string, string>): string[] {
	const found: string[] = [];
	for (const [file, text] of tree) {
		for (const { concept, home, definition } of KIT) {
			if (file === home || !definition.test(text)) continue;
			const place = `${concept} in ${file}`;
			if (!KNOWN_COPIES.has(place)) found.push(`${place} (use ${home})`);
		}
	}
	return found.sort();
}

describe('the test kit', () => {
	it('defines each helper once: no second fake clock, until, settle, ANSI stripper, job factory or tracker', () => {
		const tree = readTree('test');
		tree.delete('test/architecture/test-kit.test.ts'); // it names the patterns it looks for
		expect(tree.size).toBeGreaterThan(50);
		expect(kitCopies(tree)).toEqual([]);
	});

	it('finds a second copy, naming the concept, the file and the kit module', () => {
		const tree = new Map([
			['test/helpers/fake-clock.ts', 'export class FakeClock implements Clock {}'],
			['test/ui/new.test.ts', 'class FakeClock {}\nasync function until(c: () => boolean) {}'],
			['test/output/x.test.ts', "const plain = (s: string) => s.replace(/\\x1b\\[[0-9;]*m/g, '');"],
		]);
		expect(kitCopies(tree)).toEqual([
			'ANSI stripper in test/output/x.test.ts (use test/helpers/ansi.ts)',
			'fake clock in test/ui/new.test.ts (use test/helpers/fake-clock.ts)',
			'wait for a condition in test/ui/new.test.ts (use test/helpers/until.ts)',
		]);
	});
});
