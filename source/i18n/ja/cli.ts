/** Japanese for en/cli.ts. */
import { translation } from '../catalogue.js';
import { cliEn } from '../en/cli.js';

export const cliJa = translation(cliEn, {
	'cli.badLang': '{name} に "{value}" は使えません (ja か en)',
});
