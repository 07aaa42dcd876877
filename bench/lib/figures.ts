/** A budget a figure is checked against, as the issue states it. */
export interface Budget {
	/** e.g. "≤ 1.0× watch", "< 250 MB". */
	readonly text: string;
	readonly pass: boolean;
}

/** One measured figure of the suite: what the table prints and results.json holds. */
export interface Figure {
	/** Stable id, e.g. `bytes.a.80x24`. */
	readonly id: string;
	/** What it measures, in words. */
	readonly label: string;
	/** umwatch's value. */
	readonly value: number;
	readonly unit: string;
	/** The `watch curl | jq` pipeline's value in the same run, where there is a peer. */
	readonly peer?: number;
	/** A second value that puts this one in context (e.g. bare `node -e 0`). */
	readonly reference?: { readonly label: string; readonly value: number };
	readonly budget?: Budget;
	/** Raw samples or extra numbers for results.json. */
	readonly detail?: Readonly<Record<string, unknown>>;
}

/** A budget of the form `value ≤ factor × base`. */
export function ratioBudget(value: number, base: number, factor: number, of: string): Budget {
	return { text: `≤ ${factor.toFixed(1)}× ${of}`, pass: value <= factor * base };
}

/** A budget of the form `value ≤ limit` (or `<` when `strict`). */
export function limitBudget(value: number, limit: number, text: string, strict = false): Budget {
	return { text, pass: strict ? value < limit : value <= limit };
}
