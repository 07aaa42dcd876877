// Run as its own process (one per size, so sizes do not share a heap): the real
// engine loads `count` jobs from an in-memory client, then the resident memory
// is read after a full garbage collection. Prints one JSON line.
import { createEngine } from '../../source/engine/index.js';
import { sleep } from '../lib/apps.js';
import { createMemoryClient } from '../lib/memory-client.js';

function collect(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc === undefined) throw new Error('memory-child: run with --expose-gc');
	gc();
	gc();
}

const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count <= 0) throw new Error('memory-child: give a job count');
collect();
const baseline = process.memoryUsage();
const engine = createEngine({
	client: createMemoryClient(count, Date.now() - 60_000),
	initialJobs: count,
	maxJobs: count,
	intervalMs: 3_600_000,
});
engine.start();
const deadline = Date.now() + 120_000;
while (engine.getSnapshot().jobs.length < count) {
	if (Date.now() > deadline) throw new Error('memory-child: the engine never held every job');
	await sleep(20);
}
collect();
const held = process.memoryUsage();
process.stdout.write(
	`${JSON.stringify({
		count,
		held: engine.getSnapshot().jobs.length,
		rss: held.rss,
		heapUsed: held.heapUsed,
		baselineRss: baseline.rss,
		baselineHeapUsed: baseline.heapUsed,
		// What one more job held costs, the engine's fixed part taken out.
		heapPerJob: Math.round((held.heapUsed - baseline.heapUsed) / count),
		rssPerJob: Math.round((held.rss - baseline.rss) / count),
	})}\n`,
);
await engine.stop();
