// The shipped entry, dist/umwatch.js (scripts/build.js): turns on Node's
// compile cache where this Node has one, then loads the command line. The
// cache must be on before the CLI's modules are compiled, hence this small
// first module that imports the rest dynamically.
//
// `module.enableCompileCache` exists from Node 22.1; on Node 20 this is a
// no-op and every start compiles the bundle afresh (see the readme's
// Performance section for why umwatch does not roll its own cache there).
// The cache goes to umwatch's own folder under the user's cache directory,
// not to Node's default in the shared /tmp, unless NODE_COMPILE_CACHE names
// one; NODE_DISABLE_COMPILE_CACHE turns it off (Node reads both itself).
import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { traceStartup } from '../source/commands/startup-trace.ts';

traceStartup('launch');
enableCompileCache(module, process.env);
await import('../source/cli.tsx');

/** Calls `enableCompileCache` when `host` has it; never throws (a cache is a speed-up only). */
function enableCompileCache(host, env) {
	if (typeof host.enableCompileCache !== 'function') return;
	try {
		if (env.NODE_COMPILE_CACHE) host.enableCompileCache();
		else host.enableCompileCache(join(cacheHome(env), 'umwatch', 'compile-cache'));
	} catch {
		// A read-only home, a full disk: start without the cache.
	}
}

function cacheHome(env) {
	return env.XDG_CACHE_HOME || join(homedir(), '.cache');
}
