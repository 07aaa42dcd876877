/** Where `npm run bench` puts the bundle. */
export const benchOutDir: string;
/** The esbuild options for the suite's two entry points, written to `outDir`. */
export function benchBuildOptions(outDir?: string): import('esbuild').BuildOptions;
