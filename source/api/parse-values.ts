/**
 * Field-level readers for untrusted JSON: each takes whatever the server put
 * in a field and returns a safe value or a neutral default. None of them throws,
 * and none of them recurses deeper than {@link MAX_DEPTH}.
 */
import { sanitizeText } from './sanitize.js';

/** How deep a value is rendered before the rest is shown as `…`. */
export const MAX_DEPTH = 8;

/** Bound for short identifiers (key, state, type…). */
export const SHORT_TEXT = 512;

/** Reads an own property only, so `constructor`, `__proto__` and friends never leak in. */
export function field(record: Readonly<Record<string, unknown>>, name: string): unknown {
	return Object.hasOwn(record, name) ? record[name] : undefined;
}

/** True for a non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A string field: strings sanitized, numbers and booleans as their text
 * (a key sent as a number is still a key); anything else null.
 */
export function text(value: unknown, maxLength: number = SHORT_TEXT): string | null {
	if (typeof value === 'string') return sanitizeText(value, maxLength);
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'boolean') return String(value);
	return null;
}

/** Any value as one line of text: strings as they are, the rest as compact JSON. */
export function anyText(value: unknown, maxLength: number): string {
	if (typeof value === 'string') return sanitizeText(value, maxLength);
	return sanitizeText(compactJson(value, maxLength * 4), maxLength);
}

/**
 * Compact JSON of an untrusted value, depth- and size-bounded: deeper levels
 * become `"…"`, and rendering stops once `budget` characters are produced.
 * (JSON.stringify recurses without bound and throws on huge or cyclic input.)
 */
export function compactJson(value: unknown, budget: number): string {
	const parts: string[] = [];
	let size = 0;
	const push = (part: string): boolean => {
		parts.push(part);
		size += part.length;
		return size < budget;
	};
	const walk = (node: unknown, depth: number): boolean => {
		if (node === null || typeof node === 'boolean') return push(String(node));
		if (typeof node === 'number') return push(Number.isFinite(node) ? String(node) : 'null');
		if (typeof node === 'string') return push(JSON.stringify(node.slice(0, budget)));
		if (typeof node !== 'object') return push('null');
		if (depth >= MAX_DEPTH) return push('"…"');
		if (Array.isArray(node)) {
			if (!push('[')) return false;
			for (let index = 0; index < node.length; index += 1) {
				if (index > 0 && !push(',')) return false;
				if (!walk(node[index], depth + 1)) return false;
			}
			return push(']');
		}
		if (!push('{')) return false;
		let first = true;
		for (const name of Object.keys(node)) {
			if (!first && !push(',')) return false;
			first = false;
			if (!push(`${JSON.stringify(name.slice(0, budget))}:`)) return false;
			if (!walk((node as Record<string, unknown>)[name], depth + 1)) return false;
		}
		return push('}');
	};
	try {
		walk(value, 0);
	} catch {
		// A value that cannot be rendered (a throwing getter from untyped code) renders as what we have.
	}
	const result = parts.join('');
	return result.length > budget ? result.slice(0, budget) : result;
}

const ISO_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Epoch milliseconds from an ISO-8601 date-time. Accepts an offset (`+09:00`,
 * `+0900`, `+09`) or `Z`; missing seconds; fractions of any length; a space
 * instead of `T`. Without any offset the time is taken as UTC (so the result
 * does not depend on the machine's zone). A number is taken as epoch
 * milliseconds, or seconds when it is too small to be milliseconds. Anything
 * else, or an impossible date, is null.
 */
export function parseTime(value: unknown): number | null {
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value <= 0) return null;
		return value < 1e11 ? Math.round(value * 1000) : Math.round(value);
	}
	if (typeof value !== 'string' || value.length > 64) return null;
	const match = ISO_TIME.exec(value.trim());
	if (match === null) return null;
	const [, y, mo, d, h, mi, s, fraction, zone] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
	const local = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s ?? 0), ms);
	const check = new Date(local);
	if (
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day ||
		Number(h) > 23 ||
		Number(mi) > 59 ||
		Number(s ?? 0) > 59
	) {
		return null;
	}
	return local - offsetMs(zone);
}

function offsetMs(zone: string | undefined): number {
	if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
	return sign * (hours * 60 + minutes) * 60_000;
}

/** A non-negative integer, or null. */
export function count(value: unknown): number | null {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}
