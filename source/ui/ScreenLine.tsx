import { Text } from 'ink';
import { memo } from 'react';
import type { Line } from './segments.js';

/** Props of {@link ScreenLine}. */
export interface ScreenLineProps {
	readonly line: Line;
	readonly color: boolean;
}

/**
 * Renders one pre-fitted line. Colour and dim are left out entirely when
 * colour is off (Ink ignores NO_COLOR), so no colour SGR reaches the terminal.
 * `wrap="truncate"` is a guard only: lines are already cut to width.
 */
export const ScreenLine = memo(function ScreenLine({ line, color }: ScreenLineProps) {
	return (
		<Text wrap="truncate">
			{line.length === 0
				? ' '
				: line.map((segment, index) => (
						<Text
							// biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity but their place
							key={index}
							{...(color && segment.color ? { color: segment.color } : {})}
							{...(color && segment.dim ? { dimColor: true } : {})}
							{...(segment.bold ? { bold: true } : {})}
							{...(segment.inverse ? { inverse: true } : {})}
						>
							{segment.text}
						</Text>
					))}
		</Text>
	);
});
