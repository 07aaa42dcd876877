/** Messages of the command line itself (source/cli.tsx, source/commands/). */
export const cliEn = {
	'cli.badLang': '{name} must be ja or en, not "{value}"',
} as const;
