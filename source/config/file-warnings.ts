import type { ConfigFile } from './config-file.js';
import { octal, readableByOthers, writableByOthers } from './permissions.js';

/** Warnings about the config file itself: unknown keys, and permissions too open for what it names. */
export function fileWarnings(file: ConfigFile): string[] {
	const warnings = [...file.warnings];
	if (file.mode === null) return warnings;
	const profiles = [...file.profiles.values()];
	const namesSecretSource = profiles.some(
		(p) => p.passwordFile !== undefined || p.passwordCommand !== undefined,
	);
	const runsCommand = profiles.some((p) => p.passwordCommand !== undefined);
	if (runsCommand && writableByOthers(file.mode)) {
		warnings.push(
			`warning: ${file.path} is writable by other users (mode ${octal(file.mode)}) and names a password command they could change; run chmod 600 ${file.path}`,
		);
	} else if (namesSecretSource && readableByOthers(file.mode)) {
		warnings.push(
			`warning: ${file.path} is readable by other users (mode ${octal(file.mode)}) and says where the password is; run chmod 600 ${file.path}`,
		);
	}
	return warnings;
}
