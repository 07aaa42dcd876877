/** What source/'s imports of 'undici' resolve to in a bundle. */
export const SLIM_UNDICI: string;
/** Yoga's loader with the fetch of its own bytes taken out. */
export function yogaWithoutFetch(source: string): string;
/** The esbuild plugin applying the start-up patches. */
export const startupPatches: import('esbuild').Plugin;
