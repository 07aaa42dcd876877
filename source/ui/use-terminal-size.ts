import { useEffect, useState } from 'react';

/** The output stream as far as sizing goes. */
export interface SizedOutput {
	readonly columns?: number;
	readonly rows?: number;
	on(event: 'resize', listener: () => void): unknown;
	off(event: 'resize', listener: () => void): unknown;
}

/** Terminal size in character cells. */
export interface TerminalSize {
	readonly columns: number;
	readonly rows: number;
}

function read(stdout: SizedOutput): TerminalSize {
	return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

/**
 * The terminal's size, updated the moment it is resized. Ink 6.8 has no
 * useWindowSize; this listens to the stream's own 'resize' event and stops in
 * the effect's cleanup.
 */
export function useTerminalSize(stdout: SizedOutput): TerminalSize {
	const [size, setSize] = useState(() => read(stdout));
	useEffect(() => {
		const onResize = (): void => {
			setSize((previous) => {
				const next = read(stdout);
				return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
			});
		};
		stdout.on('resize', onResize);
		onResize();
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
