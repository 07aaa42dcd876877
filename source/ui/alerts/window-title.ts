import type { Engine } from '../../engine/types.js';
import { titleCounts, titleText } from '../../present/notify-text.js';
import { osc2 } from '../terminal/notify-sequences.js';

/**
 * Keeps the window title (OSC 2) on what matters from another window:
 * `umwatch tokyo: 3 running, 1 failed`. Written after the first load, then
 * only when that text changes, so a quiet poll writes nothing. The terminal
 * session pushes the old title at start and pops it on every way out.
 */
export function followWindowTitle(
	engine: Pick<Engine, 'subscribe' | 'getSnapshot'>,
	host: string,
	write: (data: string) => void,
): () => void {
	let last: string | null = null;
	const update = (): void => {
		const snapshot = engine.getSnapshot();
		if (snapshot.lastSuccessAt === null && snapshot.jobs.length === 0) return;
		const servers = snapshot.servers ?? [];
		const names = servers.length >= 2 ? servers.map((server) => server.name) : [host];
		const text = titleText(names, titleCounts(snapshot.counts));
		if (text === last) return;
		last = text;
		try {
			write(osc2(text));
		} catch {
			// A terminal gone away: the session's own error handling ends the screen.
		}
	};
	update();
	return engine.subscribe(update);
}
