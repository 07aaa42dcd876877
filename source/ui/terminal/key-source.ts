import type { KeyPress } from './input-decoder.js';

/** Where decoded key presses come from; the App subscribes in an effect. */
export interface KeySource {
	subscribe(listener: (key: KeyPress) => void): () => void;
}

/** A key source the caller feeds: the terminal's decoder in the app, a test in tests. */
export interface KeyHub extends KeySource {
	emit(key: KeyPress): void;
}

/** A key source with one `emit` for the producer. */
export function createKeyHub(): KeyHub {
	const listeners = new Set<(key: KeyPress) => void>();
	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		emit(key) {
			for (const listener of listeners) listener(key);
		},
	};
}
