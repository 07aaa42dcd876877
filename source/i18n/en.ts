/**
 * The English message catalogue: the source of truth for every human-facing
 * string umwatch prints. ja.ts must translate every key here, with the same
 * placeholders, or the typecheck fails. Guide for converting an area
 * (the same as /tmp/i18n-guide.md, in short):
 *
 * - One file per area: en/AREA.ts (`export const AREAEn = {…} as const`) and
 *   ja/AREA.ts (`export const AREAJa = translation(AREAEn, {…})`), both spread
 *   into `en` below and `ja` in ja.ts.
 * - Keys: `area.what` (`api.refused`), its hint `area.what.hint`; one key per
 *   whole sentence. A variant (with or without a host name, a count of one or
 *   many) is its own key, never a piece glued on: Japanese orders words differently.
 * - Placeholders: `{name}` (letters and digits only; no other braces in a
 *   message). Call `t('api.refused', { host })`; the typechecker checks the
 *   key and that every placeholder gets a value. A placeholder may hold a whole
 *   optional sub-phrase from the catalogue (`{said}` ← `api.serverSaid`) when
 *   each language can put it where its grammar wants.
 * - Stays English in every language: state words as the API spells them
 *   (NORMAL, RUNNING …), product names (Unified Manager, ONTAP), flag names,
 *   commands, units of the API; and all machine output: JSON, NDJSON, exit
 *   codes, the plain `list` in a pipe (its column titles too). Never call `t`
 *   for those.
 * - Call `t` when the message is made, not at module load (a `const` made at
 *   load would be fixed in English before the language is chosen).
 * - Japanese: as NetApp's Japanese documentation writes it (ジョブ, 実行中,
 *   完了, サーバー, 証明書, 認証に失敗しました), ending in 。; keep each
 *   message about as wide on screen as the English one (test/i18n/width.test.ts).
 * - Tests: `setLanguage('ja')` in the test, `setLanguage('en')` in afterEach;
 *   the binary: `UMWATCH_LANG=ja` or `LANG=ja_JP.UTF-8` in the child's env.
 */
import { apiEn } from './en/api.js';
import { cliEn } from './en/cli.js';
import { configEn } from './en/config.js';
import { helpEn } from './en/help.js';
import { outputEn } from './en/output.js';
import { presentEn } from './en/present.js';
import { trustEn } from './en/trust.js';
import { uiEn } from './en/ui.js';

export const en = {
	...apiEn,
	...cliEn,
	...configEn,
	...trustEn,
	...helpEn,
	...outputEn,
	...presentEn,
	...uiEn,
} as const;
