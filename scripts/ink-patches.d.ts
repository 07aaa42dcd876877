/** Most distinct texts Ink's measure cache may hold before it starts over. */
export const MEASURE_CACHE_LIMIT: number;
/** Most distinct entries Ink's wrap cache may hold before it starts over. */
export const WRAP_CACHE_LIMIT: number;
/** Bounds the cache in the source of ink/build/measure-text.js; throws if that source changed. */
export function boundMeasureCache(source: string): string;
/** Bounds the cache in the source of ink/build/wrap-text.js; throws if that source changed. */
export function boundWrapCache(source: string): string;
/** The esbuild plugin applying the patches to the bundle. */
export const inkPatches: import('esbuild').Plugin;
