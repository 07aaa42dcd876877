// One screen cell's colour and attributes, read from xterm's buffer.
import type { IBufferCell } from '@xterm/headless';

/** The colour of one screen cell as xterm holds it. */
export interface CellColour {
	/** The character(s) in the cell. */
	readonly chars: string;
	readonly fgMode: 'default' | 'palette' | 'rgb';
	/** Palette index (0–255) or 0xRRGGBB, depending on `fgMode`; -1 for default. */
	readonly fg: number;
	readonly bgMode: 'default' | 'palette' | 'rgb';
	readonly bg: number;
	readonly bold: boolean;
	readonly dim: boolean;
	readonly inverse: boolean;
}

/** The colour and attributes of an xterm buffer cell. */
export function describeCell(cell: IBufferCell): CellColour {
	const mode = (isDefault: boolean, isPalette: boolean) =>
		isDefault ? 'default' : isPalette ? 'palette' : 'rgb';
	const fgMode = mode(cell.isFgDefault(), cell.isFgPalette());
	const bgMode = mode(cell.isBgDefault(), cell.isBgPalette());
	return {
		chars: cell.getChars(),
		fgMode,
		fg: fgMode === 'default' ? -1 : cell.getFgColor(),
		bgMode,
		bg: bgMode === 'default' ? -1 : cell.getBgColor(),
		bold: cell.isBold() !== 0,
		dim: cell.isDim() !== 0,
		inverse: cell.isInverse() !== 0,
	};
}
