/**
 * umwatch's built-in Unified Manager simulator: the server behind `--demo`,
 * `umwatch simulate`, the integration tests and the benchmarks.
 */
export { HOSTILE_FRAGMENTS } from './catalog.js';
export { formatTime } from './serialize.js';
export { createSimulator } from './simulator.js';
export type {
	Fault,
	FaultOptions,
	FinishStatus,
	JobPatch,
	JobSpec,
	SimJob,
	SimLifecycle,
	SimOutcome,
	SimResult,
	SimShape,
	SimTask,
	Simulator,
	SimulatorOptions,
	SimulatorStats,
} from './types.js';
