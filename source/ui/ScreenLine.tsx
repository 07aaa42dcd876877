import { Text } from 'ink';
import { memo } from 'react';
import type { Line } from './screen/segments.js';
import { lineToAnsi } from './terminal/line-ansi.js';

/** Props of {@link ScreenLine}. */
export interface ScreenLineProps {
	readonly line: Line;
	readonly color: boolean;
}

/**
 * Renders one pre-fitted line as one Text holding one pre-styled string: Ink
 * then squashes, measures and lays out one node per screen line instead of
 * one per segment. `wrap="truncate"` is a guard only: lines are already cut to width.
 */
export const ScreenLine = memo(function ScreenLine({ line, color }: ScreenLineProps) {
	return <Text wrap="truncate">{line.length === 0 ? ' ' : lineToAnsi(line, color)}</Text>;
});
