import type { OlderState } from '../../engine/types.js';
import { t } from '../../i18n/t.js';
import type { Glyphs } from '../../present/theme.js';
import type { Line } from './segments.js';

/**
 * The row after the last job while older jobs load, and once none is left:
 * "loading older jobs…", "no older jobs", the cap reached, or why the last
 * load failed (the next ↓ retries). Idle: no row.
 */

/** Lines the older-jobs row adds after the last job: 1 when there is one, else 0. */
export function olderTail(state: OlderState | undefined): number {
	return state === undefined || state === 'idle' ? 0 : 1;
}

/** The older-jobs row for `state`, or null when idle. */
export function olderRowLine(state: OlderState | undefined, glyphs: Glyphs): Line | null {
	if (state === undefined || state === 'idle') return null;
	if (state === 'loading')
		return [
			{
				text: ` ${t('ui.older.loading', { ellipsis: glyphs.ellipsis === '…' ? '…' : '...' })}`,
				color: 'cyan',
			},
		];
	if (state === 'exhausted') return [{ text: ` ${t('ui.older.exhausted')}`, color: 'gray' }];
	if (state === 'full') {
		return [{ text: ` ${t('ui.older.full')}`, color: 'yellow' }];
	}
	return [
		{ text: ` ${t('ui.older.failed')}`, color: 'red', bold: true },
		{ text: state.error.message, color: 'red' },
		{ text: `  ${t('ui.older.retry', { arrow: glyphs.moreBelow })}`, color: 'gray' },
	];
}
