// A guard that no human-facing message in source/commands/ or source/config/
// is written as a literal any more: errors, hints, warnings, prompts and the
// lines written to the user all take their text from t() (the cli, config,
// help and trust areas of the catalogue). What must stay literal is listed.
import { describe, expect, it } from 'vitest';
import { readTree } from '../architecture/read-tree.js';

/** A message written as a string literal (or a template starting with words). */
const LITERAL = [
	/new (?:ConfigError|SetupError|ApiError|UsageError)\(\s*(?:[\w.]+,\s*)?[`'"]/,
	/\bhint:\s*[`'"]/,
	/warnings\.push\(\s*[`'"]/,
	/\bsay\(\s*io,\s*[`'"]/,
	/\.write\(\s*[`'"][A-Za-z]/,
	/\.write\(\s*`[^$`]*[A-Za-z]{2}/,
	/\bfail\(\s*[`'"]/,
	/\breturn\s+[`'"][a-z][\w-]*\s[\w-]+\s[\w-]+/,
	/\bpromptHidden\([^)]*[`'"][A-Z]/s,
];

/** Lines whose literal is not a message, each with why it stays. */
const ALLOWED: readonly RegExp[] = [
	// The program's name before every message on stderr: `umwatch: MESSAGE`.
	/\.write\(`umwatch: \$\{\w+\}\\n`\)/,
];

describe('no literal message left in source/commands/ and source/config/', () => {
	it('every error, hint, warning, prompt and line for the user comes from t()', () => {
		const found: string[] = [];
		for (const dir of ['source/commands', 'source/config']) {
			for (const [file, text] of readTree(dir)) {
				for (const pattern of LITERAL) {
					for (const match of text.matchAll(new RegExp(pattern, 'g'))) {
						const start = text.lastIndexOf('\n', match.index) + 1;
						const line = text.slice(start, text.indexOf('\n', match.index + 1));
						if (ALLOWED.some((allowed) => allowed.test(line))) continue;
						found.push(`${file}: ${line.trim().slice(0, 80)}`);
					}
				}
			}
		}
		expect(found).toEqual([]);
	});

	it('the guard itself catches a literal message', () => {
		const sample = "throw new ConfigError('no server: give --url', { hint: 'e.g. …' });";
		expect(LITERAL.some((pattern) => pattern.test(sample))).toBe(true);
	});
});
