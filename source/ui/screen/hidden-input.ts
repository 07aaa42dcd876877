/**
 * A password being typed in the live view. The characters sit in a plain
 * array, never in React state and never on screen (not even as asterisks:
 * their count would tell the length); Enter hands them over once and the
 * array is emptied, Esc drops them.
 */
export class HiddenInput {
	/** Whose password is asked for: "admin@um01.example.com". */
	readonly label: string;
	#chars: string[] = [];
	#done: ((secret: string | null) => void) | null;

	/** `done` is called once: with the secret on Enter, with null on Esc. */
	constructor(label: string, done: (secret: string | null) => void) {
		this.label = label;
		this.#done = done;
	}

	/** Typed (or pasted) text; control characters are dropped. */
	type(text: string): void {
		for (const character of text)
			if (character >= ' ' && character !== '\u007F') this.#chars.push(character);
	}

	deleteLast(): void {
		this.#chars.pop();
	}

	clear(): void {
		this.#chars = [];
	}

	/** Enter: hands the secret over. Nothing typed yet: nothing happens (there is nothing to log in with). */
	submit(): void {
		if (this.#chars.length === 0) return;
		const secret = this.#chars.join('');
		this.#finish(secret);
	}

	/** Esc: drops what was typed; the failure stays as it was. */
	cancel(): void {
		this.#finish(null);
	}

	#finish(secret: string | null): void {
		this.#chars = [];
		const done = this.#done;
		this.#done = null;
		done?.(secret);
	}
}
