/**
 * The test kit's one "let it run": lets every promise chain and render that
 * is ready run (microtasks and a few macrotask turns), without moving any
 * clock and without a wall-clock sleep. The fake clock calls it between
 * timers; UI tests call it after input.
 */
export async function settle(rounds = 3): Promise<void> {
	for (let i = 0; i < rounds; i++) {
		await new Promise<void>((resolve) => setImmediate(resolve));
	}
}
