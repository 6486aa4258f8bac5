/**
 * A Platform error on each endpoint the pipeline's operations call: the node's error carries the
 * HTTP status, the Platform's code, its message and the request id; with Continue On Fail it is one
 * error item paired with its input item, and the other items go on.
 */
import type { IDataObject } from 'n8n-workflow';

import { byId, failure, useStack } from '../../support/harness';
import { pipelineSteps } from '../../support/pipeline';

const h = useStack({ runDurationMs: 10 });
const steps = pipelineSteps(h);
let ids: { base: unknown; source: unknown; spareSource: unknown; target: unknown; mapping: string; flow: unknown; spareFlow: unknown; onceFlow: unknown; run: string; dataset: string; schema: string };

beforeAll(async () => {
	const dataset = await steps.sampleDataset();
	const base = (await steps.baseConnection('errors base')).id;
	const source = (await steps.sourceConnection(base, 'errors source')).id;
	const target = (await steps.targetConnection(dataset.id, 'errors target')).id;
	const mapping = (await steps.mapping(dataset.schemaId, source)).id;
	const flow = (await steps.dataflow('errors flow', source, target, mapping)).id;
	const run = (await steps.waitForRun(flow)).id;
	// Deleted by the tests (the second item really deletes), and a dataflow that may run on demand.
	const spareSource = (await steps.sourceConnection(base, 'errors spare source')).id;
	const spareFlow = (await steps.dataflow('errors spare flow', source, target, mapping)).id;
	const onceFlow = (await steps.dataflow('errors once flow', source, target, mapping, { frequency: 'once', startTime: '2099-01-01T00:00:00Z' })).id;
	ids = { base, source, spareSource, target, mapping: String(mapping), flow, spareFlow, onceFlow, run: String(run), dataset: dataset.id, schema: dataset.schemaId };
});

const flowError = (code: string, message: string) => ({ type: `https://ns.adobe.com/aep/errors/FLOW-${code}`, title: 'Bad Request', status: Number(code.slice(-3)), report: { 'detailed-message': message, 'request-id': 'rq-injected' } });
const serviceError = (status: number, detail: string) => ({ type: `http://ns.adobe.com/aep/errors/DP-${status}`, title: 'Bad Request', status, detail });

/** Operation, the endpoint it calls (method and path below its service), and the answer injected there. */
const CASES: Array<[string, string, RegExp, () => IDataObject, unknown]> = [
	['sourceConnection.create', 'POST', /^\/sourceConnections$/, () => ({ resource: 'sourceConnection', operation: 'create', connection: byId(ids.base), table: { __rl: true, mode: 'path', value: 'sales.orders' }, name: '={{ "e" + $json.n }}' }), flowError('1323-400', 'The baseConnectionId cannot be null or empty')],
	['sourceConnection.get', 'GET', /^\/sourceConnections\/[^/]+$/, () => ({ resource: 'sourceConnection', operation: 'get', sourceConnection: byId(ids.source) }), flowError('1101-404', 'The requested sourceConnection resource is not found.')],
	['sourceConnection.getMany', 'GET', /^\/sourceConnections$/, () => ({ resource: 'sourceConnection', operation: 'getMany', returnAll: true }), flowError('1451-400', 'Invalid params provided in query params.')],
	['sourceConnection.delete', 'DELETE', /^\/sourceConnections\/[^/]+$/, () => ({ resource: 'sourceConnection', operation: 'delete', sourceConnection: byId(ids.spareSource) }), flowError('1418-400', 'It is used by a flow.')],
	['targetConnection.create', 'POST', /^\/targetConnections$/, () => ({ resource: 'targetConnection', operation: 'create', dataset: { __rl: true, mode: 'id', value: ids.dataset }, name: '={{ "e" + $json.n }}' }), flowError('1325-400', 'The dataSetId param cannot be null or empty')],
	['targetConnection.get', 'GET', /^\/targetConnections\/[^/]+$/, () => ({ resource: 'targetConnection', operation: 'get', targetConnection: byId(ids.target) }), flowError('1101-404', 'The requested targetConnection resource is not found.')],
	['targetConnection.create (Catalog)', 'GET', /^\/dataSets\/[^/]+$/, () => ({ resource: 'targetConnection', operation: 'create', dataset: { __rl: true, mode: 'id', value: ids.dataset }, name: '={{ "c" + $json.n }}' }), serviceError(403, 'Not allowed to read the dataset')],
	['mapping.create (Schema Registry)', 'GET', /^\/tenant\/schemas\/.+$/, () => ({ resource: 'mapping', operation: 'create', schema: { __rl: true, mode: 'id', value: ids.schema }, sourceConnection: byId(ids.source) }), serviceError(404, 'The schema was not found')],
	['mapping.create (Data Prep)', 'POST', /^\/mappingSets$/, () => ({ resource: 'mapping', operation: 'create', schema: { __rl: true, mode: 'id', value: ids.schema }, mappingMode: 'pairs', pairs: { pair: [{ source: '={{ "name" + $json.n }}', destination: 'person.name.fullName' }] } }), serviceError(400, 'Mapping validation failed')],
	['mapping.get', 'GET', /^\/mappingSets\/[^/]+$/, () => ({ resource: 'mapping', operation: 'get', mappingId: ids.mapping }), serviceError(404, 'Mapping set not found')],
	['dataflow.create', 'POST', /^\/flows$/, () => ({ resource: 'dataflow', operation: 'create', name: '={{ "e" + $json.n }}', sourceConnection: byId(ids.source), targetConnection: byId(ids.target), mappingId: ids.mapping, frequency: 'day', interval: 1, incrementalColumn: 'created_at' }), flowError('1425-400', 'The schema of the mapping does not match')],
	['dataflow.getMany', 'GET', /^\/flows$/, () => ({ resource: 'dataflow', operation: 'getMany', returnAll: true }), flowError('1451-400', 'Invalid params provided in query params.')],
	['dataflow.disable', 'POST', /^\/flows\/[^/]+\/action$/, () => ({ resource: 'dataflow', operation: 'disable', dataflow: byId(ids.flow) }), flowError('1422-400', 'The action is not allowed in the current state')],
	// A single stale etag (1404-412) is read again and sent once more (dataflow/update.test.ts): a refusal that stays.
	['dataflow.updateSchedule', 'PATCH', /^\/flows\/[^/]+$/, () => ({ resource: 'dataflow', operation: 'updateSchedule', dataflow: byId(ids.flow), updateFields: { interval: 2 } }), flowError('1366-400', 'The start time has already passed, update is not allowed')],
	['dataflow.delete', 'DELETE', /^\/flows\/[^/]+$/, () => ({ resource: 'dataflow', operation: 'delete', dataflow: byId(ids.spareFlow) }), flowError('1101-404', 'The requested flow resource is not found.')],
	['dataflow.runNow', 'POST', /^\/runs$/, () => ({ resource: 'dataflow', operation: 'runNow', dataflow: byId(ids.onceFlow), incrementalColumn: 'created_at' }), flowError('1386-400', 'The flowId with scheduleParams frequency=day is not supported for creating flow runs')],
	['run.get', 'GET', /^\/runs\/[^/]+$/, () => ({ resource: 'run', operation: 'get', runId: ids.run }), flowError('1101-404', 'The requested run resource is not found.')],
	['run.getMany', 'GET', /^\/runs$/, () => ({ resource: 'run', operation: 'getMany', dataflow: byId(ids.flow), returnAll: true }), flowError('1433-400', 'Incorrect field passed in orderBy')],
	['run.wait', 'GET', /^\/runs$/, () => ({ resource: 'run', operation: 'wait', dataflow: byId(ids.flow), pollInterval: 1 }), flowError('1451-400', 'Invalid params provided in query params.')],
	['run.retry', 'POST', /^\/runs\/[^/]+\/action$/, () => ({ resource: 'run', operation: 'retry', runId: `={{ ${JSON.stringify(h.stack.emulator.pipeline.runs.seed(String(ids.onceFlow), [1, 2].map((hours) => ({ startedAt: h.stack.emulator.clock.now() - hours * 3_600_000, status: 'failed' as const }))))}[$json.n % 2] }}` }), flowError('1388-400', 'The flow is in state=disabled and cannot be re-triggered.')],
	['dataflow.backfill', 'POST', /^\/runs$/, () => ({ resource: 'dataflow', operation: 'backfill', dataflow: byId(ids.onceFlow), backfillStart: '2024-01-01T00:00:00Z', backfillEnd: '2024-01-02T00:00:00Z', incrementalColumn: 'created_at', pollInterval: 1 }), flowError('1381-400', 'WindowEndTime cannot be before Window StartTime.')],
];

test.each(CASES)('%s: %s %s', async (_name, method, path, parameters, body) => {
	const status = (body as { status: number }).status;
	h.stack.emulator.faults.clear();
	h.stack.emulator.faults.add({ method, path, kind: { type: 'status', status, body }, times: 1 });
	const error = await failure(h.run(parameters(), { items: [{ n: 1 }] }));
	expect(error.httpCode).toBe(String(status));
	const detail = (body as { report?: { 'detailed-message': string }; detail?: string }).report?.['detailed-message'] ?? (body as { detail: string }).detail;
	expect(error.message).toContain(detail);
	expect(error.message).toMatch(new RegExp(`\\[${status}( |\\])`));
	expect(error.description ?? '').toMatch(/Request ID: /);

	// With Continue On Fail: the first item meets the error, the second goes on.
	h.stack.emulator.faults.add({ method, path, kind: { type: 'status', status, body }, times: 1 });
	const out = await h.run(parameters(), { items: [{ n: 2 }, { n: 3 }], onError: 'continueRegularOutput' });
	const errors = out.filter((o) => o.json.error !== undefined);
	expect(errors).toHaveLength(1);
	expect(errors[0].json).toMatchObject({ httpCode: status, requestId: expect.any(String) });
	expect(out.map((o) => (o.pairedItem as { item: number }).item)).toEqual(expect.arrayContaining([0, 1]));
	h.stack.emulator.faults.clear();
});
