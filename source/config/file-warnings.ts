import { t } from '../i18n/t.js';
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
		warnings.push(t('config.fileWritable', { path: file.path, mode: octal(file.mode) }));
	} else if (namesSecretSource && readableByOthers(file.mode)) {
		warnings.push(t('config.fileReadable', { path: file.path, mode: octal(file.mode) }));
	}
	return warnings;
}
