import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 20_000,
		// The pseudo-terminal tests start real processes; two cores share them.
		fileParallelism: true,
		maxWorkers: 2,
	},
});
