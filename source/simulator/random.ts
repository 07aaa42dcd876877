/**
 * A small seeded random source (mulberry32). Everything the simulator invents
 * draws from one of these, so a seed reproduces names, keys, durations and
 * outcomes exactly.
 */
export interface Random {
	/** Uniform in [0, 1). */
	next(): number;
	/** Uniform integer in [min, max]. */
	int(min: number, max: number): number;
	/** One element of a non-empty list. */
	pick<T>(items: readonly T[]): T;
	/** True with probability `p`. */
	chance(p: number): boolean;
	/** `digits` lowercase hex digits. */
	hex(digits: number): string;
	/** Exponentially distributed with this mean (Poisson inter-arrival times). */
	exponential(mean: number): number;
}

// Hex digits are drawn often (keys, UUIDs for 100,000 jobs); a table beats toString(16).
const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Creates a random source from a 32-bit seed. */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		pick<T>(items: readonly T[]): T {
			const item = items[int(0, items.length - 1)];
			if (item === undefined) throw new Error('pick from an empty list');
			return item;
		},
		chance: (p) => next() < p,
		hex(digits) {
			let out = '';
			while (out.length < digits) {
				const word = Math.floor(next() * 4294967296);
				out += `${HEX_BYTES[word >>> 24]}${HEX_BYTES[(word >>> 16) & 255]}${HEX_BYTES[(word >>> 8) & 255]}${HEX_BYTES[word & 255]}`;
			}
			return out.length === digits ? out : out.slice(0, digits);
		},
		exponential: (mean) => -Math.log(1 - next()) * mean,
	};
}
