/** The Japanese catalogue: every key of en.ts, checked by {@link translation}. */
import { translation } from './catalogue.js';
import { en } from './en.js';
import { apiJa } from './ja/api.js';
import { cliJa } from './ja/cli.js';
import { configJa } from './ja/config.js';
import { helpJa } from './ja/help.js';
import { outputJa } from './ja/output.js';
import { presentJa } from './ja/present.js';
import { trustJa } from './ja/trust.js';
import { uiJa } from './ja/ui.js';

export const ja = translation(en, {
	...apiJa,
	...cliJa,
	...configJa,
	...trustJa,
	...helpJa,
	...outputJa,
	...presentJa,
	...uiJa,
});
