import { Box } from 'ink';
import { t } from '../i18n/t.js';
import { ScreenLine } from './ScreenLine.js';
import { fitLine, type Line } from './screen/segments.js';

/** The smallest terminal the full screen is drawn in. */
export const MIN_COLUMNS = 50;
export const MIN_ROWS = 10;

/** Props of {@link TooSmall}. */
export interface TooSmallProps {
	readonly columns: number;
	readonly rows: number;
	readonly color: boolean;
}

/** Shown instead of the table while the terminal is below the minimum size. */
export function TooSmall({ columns, rows, color }: TooSmallProps) {
	const lines: Line[] = [
		[{ text: ' umwatch', bold: true }],
		[{ text: ` ${t('ui.tooSmall', { columns, rows })}` }],
		[{ text: ` ${t('ui.tooSmall.needs', { columns: MIN_COLUMNS, rows: MIN_ROWS })}` }],
		[{ text: ` ${t('ui.tooSmall.quit')}` }],
	];
	const visible = lines.slice(0, Math.max(0, rows - 1)).map((line) => fitLine(line, columns - 1));
	return (
		<Box flexDirection="column">
			{visible.map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: fixed lines
				<ScreenLine key={index} line={line} color={color} />
			))}
		</Box>
	);
}
