import { useEffect, useRef, useState } from 'react';
import type { Clock, TimerHandle } from '../time/clock.js';

/**
 * The one shared clock of the screen. It re-renders only when something on
 * screen would change: `nextChangeAt(renderedNow)` says when that is (or null
 * for never), and is asked again when the timer fires, so a deadline that
 * fresher data pushed back (a poll that just succeeded) costs no render.
 * One timer for the whole screen, never one per row.
 */
export function useTicker(
	clock: Clock,
	nextChangeAt: (renderedNow: number) => number | null,
): number {
	const [, setTicks] = useState(0);
	// Every frame is judged at the time it is drawn, whatever caused it: a frame
	// for fresh data after an idle spell must not show ages and countdowns as of
	// the last tick (after an idle hour, a retry "in 3602s").
	const now = clock.now();
	const next = useRef(nextChangeAt);
	next.current = nextChangeAt;
	useEffect(() => {
		let handle: TimerHandle | undefined;
		const arm = (): void => {
			const due = next.current(now);
			if (due === null) return;
			handle = clock.setTimeout(
				() => {
					handle = undefined;
					const current = clock.now();
					const again = next.current(now);
					if (again === null) return;
					if (again > current) arm();
					else setTicks((ticks) => ticks + 1);
				},
				Math.max(1, due - clock.now()),
			);
		};
		arm();
		return () => {
			if (handle !== undefined) clock.clearTimeout(handle);
		};
	});
	return now;
}
