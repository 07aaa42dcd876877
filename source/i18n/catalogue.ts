/**
 * The types that make the message catalogue safe: a translation has every key
 * of the English catalogue, no other key, and in each message exactly the same
 * `{placeholders}` as the English one — checked by the typechecker, so a
 * missing key or a misspelt placeholder fails `npm run typecheck`.
 */

/** A catalogue: message key → template with `{name}` placeholders. */
export type Catalogue = Readonly<Record<string, string>>;

/** The placeholder names of a template: `'{host} said {text}'` → `'host' | 'text'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
	? Name | Placeholders<Rest>
	: never;

/** The values a template needs: one string or number per placeholder. */
export type Params<S extends string> = { readonly [Name in Placeholders<S>]: string | number };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** What the typechecker names when a translated message's placeholders differ from the English ones. */
export interface PlaceholdersMustBe<Names> {
	readonly placeholdersMustBe: Names;
}

/**
 * What a translation `T` of the English catalogue `E` must look like: each key
 * of `E`, holding a template with exactly the placeholders of the English one;
 * a key `E` lacks is an error too (`never`).
 */
export type Translation<E extends Catalogue, T> = {
	readonly [K in keyof E]: K extends keyof T
		? T[K] extends string
			? Same<Placeholders<T[K]>, Placeholders<E[K]>> extends true
				? T[K]
				: PlaceholdersMustBe<Placeholders<E[K]>>
			: string
		: string;
} & { readonly [K in Exclude<keyof T, keyof E>]: never };

/**
 * Declares a translation of `english`: returns it unchanged, but the call only
 * typechecks when {@link Translation} holds (every key, no extra key, the same
 * placeholders in each message).
 */
export function translation<const E extends Catalogue, const T extends Translation<E, T>>(
	_english: E,
	translated: T,
): T {
	return translated;
}

/**
 * Fills a template's placeholders, in one pass over the template: a value that
 * itself contains `{name}` (server text) is never read as a placeholder.
 */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		Object.hasOwn(params, name) ? String(params[name]) : whole,
	);
}
