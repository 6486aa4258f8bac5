import { byId, failure, ISO_TIME, ORG, useStack } from '../../../../../support/harness';
import { pipelineSteps } from '../../../../../support/pipeline';

const h = useStack({ runDurationMs: 20 });
const steps = pipelineSteps(h);
let parts: { source: unknown; target: unknown; mapping: unknown };

beforeAll(async () => {
	const dataset = await steps.sampleDataset();
	const source = (await steps.sourceConnection((await steps.baseConnection('flow-base')).id, 'flow source')).id;
	parts = { source, target: (await steps.targetConnection(dataset.id, 'flow target')).id, mapping: (await steps.mapping(dataset.schemaId, source)).id };
});

const stored = (id: unknown) => h.stack.emulator.pipeline.flows.flows.bucket(ORG, 'prod').get(String(id))!;

describe('Create', () => {
	test('the tutorial’s body: CRMToAEP, Copy with the incremental column, Mapping, and the schedule typed as the flow spec types it', async () => {
		const startTime = '2030-01-01T02:00:00Z';
		const out = await steps.dataflow('nightly', parts.source, parts.target, parts.mapping, { startTime, backfill: false });
		expect(out).toEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			name: 'nightly',
			description: null,
			state: 'enabled',
			sourceConnectionId: parts.source,
			targetConnectionId: parts.target,
			mappingId: parts.mapping,
			mappingVersion: 0,
			incrementalColumn: 'created_at',
			schedule: { startTime: '2030-01-01T02:00:00.000Z', frequency: 'day', interval: 1, backfill: false },
			errorDiagnostics: true,
			partialIngestionPercent: null,
			lastRun: null,
			etag: expect.any(String),
			createdAt: ISO_TIME,
			updatedAt: ISO_TIME,
			created: true,
			reused: false,
			updated: false,
			changes: [],
			outcome: 'created',
			recoveredAfterLostAnswer: false,
			mergedDuplicate: false,
			duplicateRemoved: null,
			duplicateLeft: null,
		});
		const flow = stored(out.id);
		expect(flow.flowSpec.id).toBe('14518937-270c-4525-bdec-c2ba7cce3860');
		expect(flow.transformations).toEqual([
			{ name: 'Copy', params: { deltaColumn: { name: 'created_at' } } },
			// Sent as the tutorial writes it (the number 0: node.contract.test.ts); held as the Platform reads it back, a string.
			{ name: 'Mapping', params: { mappingId: parts.mapping, mappingVersion: '0' } },
		]);
		// Error Diagnostics is on unless turned off: the rows a failed night rejected can be explained.
		expect(flow.options).toEqual({ errorDiagnosticsEnabled: true });
		const again = await steps.dataflow('nightly', parts.source, parts.target, parts.mapping, { startTime, backfill: false });
		expect(again).toMatchObject({ id: out.id, reused: true, schedule: out.schedule });
	});

	test('Partial Ingestion: the threshold (5 % unless given) with error diagnostics on; both off when asked', async () => {
		const partial = await steps.dataflow('partial', parts.source, parts.target, parts.mapping, { partialIngestion: true, errorDiagnostics: false });
		expect(partial).toMatchObject({ errorDiagnostics: true, partialIngestionPercent: 5 });
		expect(stored(partial.id).options).toEqual({ errorDiagnosticsEnabled: true, partialIngestionPercent: 5 });
		const ten = await steps.dataflow('partial ten', parts.source, parts.target, parts.mapping, { partialIngestion: true, partialIngestionThreshold: 12.5 });
		expect(stored(ten.id).options).toEqual({ errorDiagnosticsEnabled: true, partialIngestionPercent: 12.5 });
		const off = await steps.dataflow('diagnostics off', parts.source, parts.target, parts.mapping, { errorDiagnostics: false, partialIngestionThreshold: 50 });
		expect(off).toMatchObject({ errorDiagnostics: false, partialIngestionPercent: null });
		expect(stored(off.id).options).toEqual({ errorDiagnosticsEnabled: false });
	});

	test('Once: no interval, no backfill, no incremental column', async () => {
		const out = await steps.dataflow('once', parts.source, parts.target, parts.mapping, { frequency: 'once', startTime: '2030-01-01T00:00:00Z' });
		expect(out).toMatchObject({ schedule: { frequency: 'once', interval: null, backfill: null }, incrementalColumn: null });
		expect(stored(out.id).transformations.map((t) => t.name)).toEqual(['Mapping']);
	});

	test.each([
		[{ frequency: 'minute', interval: 5 }, 'Interval must be a whole number of at least 15 for minute [item 0]'],
		[{ incrementalColumn: '' }, 'Incremental Column is required for a dataflow that runs more than once [item 0]'],
		[{ startTime: 'next tuesday-ish' }, 'Start Time is not a date and time [item 0]'],
		[{ mappingId: 'nope' }, 'Mapping is not a valid mapping ID [item 0]'],
		[{ mappingId: { __rl: true, mode: 'id', value: 'nope' } }, 'Mapping is not a valid mapping ID [item 0]'],
		[{ incrementalColumn: { __rl: true, mode: 'list', value: '' } }, 'Incremental Column is required for a dataflow that runs more than once [item 0]'],
		[{ partialIngestion: true, partialIngestionThreshold: 0 }, 'Partial Ingestion Threshold (%) must be more than 0 and at most 100 [item 0]'],
		[{ partialIngestion: true, partialIngestionThreshold: 150 }, 'Partial Ingestion Threshold (%) must be more than 0 and at most 100 [item 0]'],
	])('%j is refused before any request', async (extra, message) => {
		const before = h.stack.emulator.stats.requests;
		expect((await failure(steps.dataflow('bad', parts.source, parts.target, parts.mapping, extra))).message).toBe(message);
		expect(h.stack.emulator.stats.requests).toBe(before);
	});

	test('Mapping and Incremental Column picked From List or given By ID and By Name; a workflow saved when both were text fields runs the same', async () => {
		const picked = await steps.dataflow('picked', parts.source, parts.target, undefined, {
			mappingId: { __rl: true, mode: 'list', value: parts.mapping, cachedResultName: 'id → _emulator.id, …' },
			incrementalColumn: { __rl: true, mode: 'list', value: 'created_at', cachedResultName: 'created_at (date-time)' },
		});
		const typed = await steps.dataflow('typed', parts.source, parts.target, undefined, {
			mappingId: { __rl: true, mode: 'id', value: ` ${String(parts.mapping)} ` },
			incrementalColumn: { __rl: true, mode: 'name', value: '={{ "created" + "_at" }}' },
		});
		// The example's older form: plain text, an expression among them.
		const saved = await steps.dataflow('saved', parts.source, parts.target, undefined, { mappingId: `={{ "${String(parts.mapping)}" }}`, incrementalColumn: 'created_at' });
		for (const out of [picked, typed, saved]) expect(out).toMatchObject({ mappingId: parts.mapping, incrementalColumn: 'created_at', created: true });
		expect(stored(picked.id).transformations).toEqual(stored(saved.id).transformations);
	});

	test('a mapping of another schema: the Platform refuses it (1425-400) and says why', async () => {
		const other = h.stack.emulator.pipeline.mappingSets.sets.bucket(ORG, 'prod');
		const id = 'f'.repeat(32);
		other.set(id, { ...[...other.values()][0], id, schemaId: 'https://ns.adobe.com/emulator/schemas/other' });
		const error = await failure(steps.dataflow('mismatch', parts.source, parts.target, id));
		expect(error.httpCode).toBe('400');
		expect(error.message).toMatch(/does not match the schema .* \[400 FLOW-1425-400\]$/);
	});
});

describe('Enable, Disable, Update Schedule, Get Many, Delete', () => {
	test('disable then enable; a second disable changes nothing and sends no action', async () => {
		const flow = await steps.dataflow('toggled', parts.source, parts.target, parts.mapping);
		const run = (operation: string) => h.run({ resource: 'dataflow', operation, dataflow: byId(flow.id) }).then((o) => o[0].json);
		expect(await run('disable')).toMatchObject({ state: 'disabled', changed: true });
		const actions = h.stack.emulator.stats.byRoute['POST /flows/{id}/action'];
		expect(await run('disable')).toMatchObject({ state: 'disabled', changed: false });
		expect(h.stack.emulator.stats.byRoute['POST /flows/{id}/action']).toBe(actions);
		expect(await run('enable')).toMatchObject({ state: 'enabled', changed: true });
		expect(stored(flow.id).state).toBe('enabled');
	});

	test('Update Schedule patches with the etag it just read', async () => {
		const flow = await steps.dataflow('rescheduled', parts.source, parts.target, parts.mapping);
		const out = (await h.run({ resource: 'dataflow', operation: 'updateSchedule', dataflow: byId(flow.id), updateFields: { frequency: 'hour', interval: 6 } }))[0].json;
		expect(out.schedule).toMatchObject({ frequency: 'hour', interval: 6 });
		expect(out.etag).not.toBe(flow.etag);
		const error = await failure(h.run({ resource: 'dataflow', operation: 'updateSchedule', dataflow: byId(flow.id), updateFields: { frequency: 'minute', interval: 10 } }));
		expect(error.message).toBe('Interval must be a whole number of at least 15 for minute [item 0]');
	});

	test('Get Many by state; Delete frees its connections', async () => {
		const flow = await steps.dataflow('to delete', parts.source, parts.target, parts.mapping);
		const enabled = await h.run({ resource: 'dataflow', operation: 'getMany', returnAll: true, filters: { state: 'enabled' } });
		expect(enabled.map((o) => o.json.id)).toContain(flow.id);
		expect(enabled.every((o) => o.json.state === 'enabled')).toBe(true);
		await h.run({ resource: 'dataflow', operation: 'delete', dataflow: byId(flow.id) });
		expect(stored(flow.id)).toBeUndefined();
	});
});
