/**
 * The example `examples/retry-failed-runs.json` as it is, active in the pinned real n8n (`n8n start`,
 * the built nodes from a custom folder) against the emulator; only its trigger polls every minute and
 * Wait for Run looks every second. Two failed runs, one after the other:
 * 1. the source could not be copied from (`CONNECTOR-1001-500`, transient): the run is re-triggered
 *    once, and Wait for Run sees the retry succeed;
 * 2. two rows rejected (a text in an integer column, a null in a required field): no retry is sent,
 *    and the message names each column and its code.
 */
import { seedFlowOptions } from '../../emulator/pipeline/diagnostics';
import type { Stack } from '../../emulator/stack';
import type { ListedExecution, RunData } from '../../support/executions';
import { executionsOf, outputOf, runDataOf, startActive, useActiveN8n } from '../../support/executions';
import { loadExample } from '../../support/n8n';
import { EmulatorClient } from '../emulator/client';

jest.setTimeout(600_000);

const h = useActiveN8n();
let client: EmulatorClient;
const workflow = loadExample('retry-failed-runs.json', {
	'Run Failed': { pollTimes: { item: [{ mode: 'everyMinute' }] } },
	'Wait for the Retry': { pollInterval: 1 },
});

beforeAll(async () => {
	client = new EmulatorClient(h.stack);
	await startActive(h, workflow);
}, 300_000);

/** A dataflow scheduled once whose on-demand run ends as planned; returns the dataflow and the ended run. */
async function failedRun(name: string, plan: Parameters<Stack['emulator']['pipeline']['runs']['planOutcome']>[1], options: { errorDiagnosticsEnabled?: boolean } = {}): Promise<{ flowId: string; runId: string }> {
	const flowId = await client.dataflow({ name, frequency: 'once', startTime: Math.floor(h.stack.emulator.clock.now() / 1000) + 3600 });
	seedFlowOptions(h.stack.emulator.pipeline.flows, flowId, options);
	h.stack.emulator.pipeline.runs.planOutcome(flowId, plan);
	const run = await client.onDemandRun(flowId);
	expect(run.metrics.statusSummary.status).toBe('failed');
	return { flowId, runId: String(run.id) };
}

/** The next execution after those seen, once it has ended, and what its nodes did. */
async function nextExecution(seen: number): Promise<{ execution: ListedExecution; runData: RunData }> {
	const execution = await h.until(
		`execution ${seen + 1}`,
		async () => {
			const found = await executionsOf(h.call, workflow.id);
			const ended = found.filter((e) => e.status !== 'running' && e.status !== 'new' && e.status !== 'waiting');
			return found.length > seen && ended.length === found.length ? ended[0] : undefined;
		},
		150_000,
	);
	return { execution, runData: await runDataOf(h.call, execution.id) };
}

/** The request log's re-triggers of one run. */
const retriesSent = (runId: string) => h.stack.emulator.log.filter((line) => line.includes(` POST /data/foundation/flowservice/runs/${runId}/action `));

test('a run the source could not be copied from is retried once, and Wait for Run sees the retry succeed', async () => {
	const { flowId, runId } = await failedRun('source unreachable tonight', 'fail');
	const { execution, runData } = await nextExecution(0);
	expect(execution).toMatchObject({ status: 'success', mode: 'trigger' });

	expect(outputOf(runData, 'Run Failed').map((i) => [i.json.id, i.json.event])).toEqual([[runId, 'runFailed']]);
	const reasons = outputOf(runData, 'Explain Failure').map((i) => i.json);
	expect(reasons).toEqual([expect.objectContaining({ runId, flowId, kind: 'runError', code: 'CONNECTOR-1001-500', transient: true })]);
	expect(outputOf(runData, 'Transient Cause?', 1)).toEqual([]);
	const [retry] = outputOf(runData, 'Retry the Run').map((i) => i.json);
	expect(retry).toMatchObject({ retriedRunId: runId, flowId, retried: true, alreadyRetried: false });
	expect(retry.id).not.toBe(runId);
	expect(outputOf(runData, 'Wait for the Retry').map((i) => i.json)).toEqual([expect.objectContaining({ id: retry.id, flowId, status: 'success' })]);
	expect(runData['Explain in Words']).toBeUndefined();

	// One re-trigger was sent, and the Platform has the run and its one retry.
	expect(retriesSent(runId)).toHaveLength(1);
	expect((await client.runs(flowId)).map((r: { id: string; metrics: { statusSummary: { status: string } } }) => [r.id, r.metrics.statusSummary.status])).toEqual([
		[runId, 'failed'],
		[retry.id, 'success'],
	]);
});

test('a run that rejected rows is not retried: the message names each column and its code', async () => {
	const rows = [
		{ column: 'age', value: 'forty', expectedType: 'integer' },
		{ column: 'email', value: null, expectedType: 'string' },
	];
	const { flowId, runId } = await failedRun('rows rejected tonight', { failedRows: rows }, { errorDiagnosticsEnabled: true });
	const { execution, runData } = await nextExecution(1);
	expect(execution).toMatchObject({ status: 'success', mode: 'trigger' });

	expect(outputOf(runData, 'Run Failed').map((i) => i.json.id)).toEqual([runId]);
	const reasons = outputOf(runData, 'Explain Failure').map((i) => i.json);
	expect(reasons.filter((r) => r.kind === 'rowError').map((r) => [r.column, r.code])).toEqual([
		['age', 'MAPPER-3700-400'],
		['email', 'INGEST-1555-400'],
	]);
	expect(reasons.every((r) => r.transient !== true)).toBe(true);
	expect(outputOf(runData, 'Transient Cause?', 0)).toEqual([]);
	expect(runData['Retry the Run']).toBeUndefined();
	expect(retriesSent(runId)).toEqual([]);
	expect(await client.runs(flowId)).toHaveLength(1);

	const messages = outputOf(runData, 'Message to Send').map((i) => i.json);
	expect(messages).toHaveLength(1);
	const text = String(messages[0].text);
	expect(text).toMatch(new RegExp(`Run ${runId} of dataflow rows rejected tonight: column age, MAPPER-3700-400 .*\\(expected integer, got string "forty"\\)`));
	expect(text).toMatch(/column email, INGEST-1555-400 .*\(expected string, got null\)\. What to do: Add the required field to the input row and try again/);
	expect(text).toContain('CONNECTOR-2001-500');
	expect(text.split('\n')).toHaveLength(reasons.length);
	expect(messages[0].subject).toBe('1 failed dataflow run(s) that a retry would not fix');
});
