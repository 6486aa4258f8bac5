/**
 * The Adobe Flow Service Trigger in the pinned real n8n (`n8n start`, the built nodes from a custom
 * folder), against the emulator: a workflow with the trigger, activated as the editor's toggle does,
 * polled by n8n every minute. A failed run of the watched dataflow starts exactly one execution, with
 * the run as its item; the polls after it start none.
 */
import { endedExecutionsOf, executionsOf, outputOf, runDataOf, startActive, useActiveN8n } from '../../support/executions';
import { CUSTOM_PREFIX } from '../../support/n8n';
import { EmulatorClient } from '../emulator/client';

jest.setTimeout(600_000);

const WORKFLOW = 'aepTriggerE2E001';
const TRIGGER = 'Run Failed';

const h = useActiveN8n();
const executions = async () => await executionsOf(h.call, WORKFLOW);

test('activated, the trigger starts one execution for a failed run of its dataflow, and none on the polls after', async () => {
	const client = new EmulatorClient(h.stack);
	const now = Math.floor(h.stack.emulator.clock.now() / 1000);
	const flow = await client.dataflow({ name: 'watched in n8n', frequency: 'once', startTime: now + 3600 });
	// The first poll only sets the watermark; then the run fails.
	await startActive(h, {
		id: WORKFLOW,
		name: 'Alert on a failed run (test)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: '5c1a0a56-0007-4c1e-9a10-000000000001',
				name: TRIGGER,
				type: `${CUSTOM_PREFIX}adobeFlowServiceTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, events: ['runFailed'], dataflows: 'ids', dataflowIds: flow },
				credentials: { flowServiceApi: { id: 'aepFlowSvcCred01', name: 'Flow Service API' } },
			},
		],
		connections: {},
	});
	expect(await executions()).toEqual([]);
	h.stack.emulator.pipeline.runs.planOutcome(flow, 'fail');
	const runId = String((await client.onDemandRun(flow)).id);

	// Listed as soon as it starts: wait for it to end.
	const [execution] = await h.until('an execution', async () => {
		const found = await endedExecutionsOf(h.call, WORKFLOW);
		return found.length > 0 ? found : undefined;
	}, 150_000);
	expect(execution).toMatchObject({ status: 'success', mode: 'trigger' });
	const items = outputOf(await runDataOf(h.call, execution.id), TRIGGER);
	expect(items.map((item) => item.json)).toEqual([expect.objectContaining({ id: runId, flowId: flow, dataflowName: 'watched in n8n', event: 'runFailed', status: 'failed' })]);

	// Another poll: nothing new, no second execution.
	const seen = h.polls();
	await h.until('another poll', () => (h.polls() > seen ? true : undefined), 150_000);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect((await executions()).map((e) => e.id)).toEqual([execution.id]);
});
