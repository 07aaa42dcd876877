import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Every .ts/.tsx file under `dir` (a repository path such as 'source'), keyed by its repository path. */
export function readTree(dir: string): Map<string, string> {
	const files = new Map<string, string>();
	const walk = (folder: string) => {
		for (const entry of readdirSync(path.join(repoRoot, folder), { withFileTypes: true })) {
			const rel = `${folder}/${entry.name}`;
			if (entry.isDirectory()) walk(rel);
			else if (/\.tsx?$/.test(entry.name))
				files.set(rel, readFileSync(path.join(repoRoot, rel), 'utf8'));
		}
	};
	walk(dir);
	return files;
}
