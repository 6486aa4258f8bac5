/**
 * Lines typed into `npm run emulator` (or `npm run try`) that say how a dataflow's next runs end:
 *
 *   fail <dataflow> [n]                 its next n runs (default 1) fail: CONNECTOR-1001-500, the source could not be copied from
 *   failrows <dataflow> <count> [n]     its next n runs succeed with <count> failed records (MAPPER-3700-400)
 *   succeed <dataflow> [n]              its next n runs succeed, every row read written
 *   rejectrows <dataflow> [n]           its next n runs reject two rows more: a text in an integer column (age), a null in a required field (email)
 *   diagnostics <dataflow> on|off       its error diagnostics (options.errorDiagnosticsEnabled), for the runs after
 *
 * A dataflow is named by its id or its name (in double quotes when it holds spaces), in any org and
 * sandbox. After those runs, it copies as usual again.
 */
import type { PlannedOutcome, Runs } from './pipeline/runs';
import { seedFlowOptions } from './pipeline/diagnostics';
import type { Flows, StoredFlow } from './pipeline/flows';

export const RUN_COMMANDS_HELP =
	'fail <dataflow> [n], failrows <dataflow> <count> [n], rejectrows <dataflow> [n] or succeed <dataflow> [n] says how its next n runs end, diagnostics <dataflow> on|off whether they keep error diagnostics (a dataflow by id or "name")';

/** The two rows `rejectrows` plans: a text in an integer column, and a null in a required field. */
const REJECTED_ROWS = [
	{ column: 'age', value: 'forty', expectedType: 'integer' },
	{ column: 'email', value: null, expectedType: 'string' },
];

const USAGE = {
	fail: 'fail <dataflow> [n]',
	failrows: 'failrows <dataflow> <count> [n]',
	rejectrows: 'rejectrows <dataflow> [n]',
	succeed: 'succeed <dataflow> [n]',
	diagnostics: 'diagnostics <dataflow> on|off',
};

/** Words of a line; "double quotes" keep spaces in one word. */
function words(line: string): string[] {
	return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** The dataflow a word names (an id, else a name: exactly, then in any case), or why none. */
function dataflowNamed(flows: Flows, word: string): StoredFlow | string {
	const all = flows.flows.everywhere().map((entry) => entry.item);
	const byId = all.find((flow) => flow.id === word);
	if (byId) return byId;
	let named = all.filter((flow) => flow.name === word);
	if (named.length === 0) named = all.filter((flow) => flow.name.toLowerCase() === word.toLowerCase());
	if (named.length === 1) return named[0];
	if (named.length > 1) return `${named.length} dataflows are named "${word}" (${named.map((f) => f.id).join(', ')}): give its id`;
	return `No dataflow has the id or name "${word}"`;
}

const count = (word: string | undefined, fallback?: number): number => (word === undefined && fallback !== undefined ? fallback : /^\d+$/.test(word ?? '') ? Number(word) : NaN);

function describe(outcome: PlannedOutcome): string {
	if (outcome === 'fail') return 'fail';
	if (outcome === 'success') return 'succeed';
	if ('failedRows' in outcome) return `reject ${outcome.failedRows.length} rows (${outcome.failedRows.map((r) => r.column).join(', ')})`;
	return `succeed with ${outcome.failedRecords} failed records`;
}

/** What to print for a line, or undefined when the line is not one of these commands. */
export function runCommand(pipeline: { flows: Flows; runs: Runs }, line: string): string | undefined {
	const [command, ...rest] = words(line);
	if (!Object.keys(USAGE).includes(command ?? '')) return undefined;
	const usage = USAGE[command as keyof typeof USAGE];
	if (rest.length === 0) return `Usage: ${usage}`;
	const flow = dataflowNamed(pipeline.flows, rest[0]);
	if (typeof flow === 'string') return flow;
	if (command === 'diagnostics') {
		if (rest.length !== 2 || !['on', 'off'].includes(rest[1])) return `Usage: ${usage}`;
		seedFlowOptions(pipeline.flows, flow.id, { errorDiagnosticsEnabled: rest[1] === 'on' });
		return `Dataflow "${flow.name}" (${flow.id}): error diagnostics ${rest[1]} for its next runs.`;
	}
	let outcome: PlannedOutcome;
	let times: number;
	if (command === 'failrows') {
		const failedRecords = count(rest[1]);
		times = count(rest[2], 1);
		if (!(failedRecords >= 1) || !(times >= 1) || rest.length > 3) return `Usage: ${usage} (count and n whole numbers, at least 1)`;
		outcome = { failedRecords };
	} else {
		times = count(rest[1], 1);
		if (!(times >= 1) || rest.length > 2) return `Usage: ${usage} (n a whole number, at least 1)`;
		outcome = command === 'fail' ? 'fail' : command === 'rejectrows' ? { failedRows: REJECTED_ROWS } : 'success';
	}
	const plan = pipeline.runs.planOutcome(flow.id, outcome, times);
	return `Dataflow "${flow.name}" (${flow.id}), its next runs, scheduled or on demand: ${plan.map(describe).join(', ')}; then as usual.`;
}
