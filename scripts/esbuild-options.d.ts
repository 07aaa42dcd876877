/** The repository's root directory. */
export const repoRoot: string;
/** Banner lines giving bundled CommonJS dependencies a require(). */
export const REQUIRE_SHIM: string;
/** The esbuild options shared by the shipped build and the bench. */
export function bundleOptions(): import('esbuild').BuildOptions;
