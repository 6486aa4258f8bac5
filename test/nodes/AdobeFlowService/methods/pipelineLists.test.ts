/**
 * The pipeline's From List that depend on what is picked above them, in n8n-core's real
 * LoadOptionsContext against the emulator: Mapping (mapping sets, those of the target connection's
 * schema, or of the picked dataflow's target), Incremental Column (the columns of the table the dataflow reads) and Run Now's dataflows
 * (only those it can run).
 */
import type { IDataObject } from 'n8n-workflow';

import type { StoredMappingSet } from '../../../../emulator/pipeline/mappingSets';
import { byId, ORG, useStack } from '../../../../support/harness';
import { pipelineSteps } from '../../../../support/pipeline';
import { searchList } from '../../../../support/runNode';

// Small pages, so that the dataflows Run Now can run are spread over several of them.
const h = useStack({ maxPageSize: 10 });
const steps = pipelineSteps(h);
const LATER = '2099-01-01T02:00:00Z';
let dataset: { id: string; schemaId: string };
let parts: { base: unknown; source: unknown; target: unknown; mapping: string };

beforeAll(async () => {
	dataset = await steps.sampleDataset();
	const base = (await steps.baseConnection('lists base')).id;
	const source = (await steps.sourceConnection(base, 'lists source')).id;
	parts = { base, source, target: (await steps.targetConnection(dataset.id, 'lists target')).id, mapping: String((await steps.mapping(dataset.schemaId, source)).id) };
});

const list = (method: string, parameters: IDataObject, filter?: string, paginationToken?: string) => searchList(method, { credentials: h.credentials, parameters, filter, paginationToken });

test("Run Now's list, when no dataflow here is scheduled Once, says so and why", async () => {
	await steps.dataflow('lists daily first', parts.source, parts.target, parts.mapping, { startTime: LATER });
	const error = await list('searchRunnableDataflows', { resource: 'dataflow', operation: 'runNow' }).catch((e: Error & { description?: string }) => e);
	expect(error).toMatchObject({ message: 'No dataflow here is scheduled Once, the only kind Run Now can run', description: expect.stringContaining('Run Now runs only dataflows scheduled Once') });
});

describe('Mapping: From List', () => {
	const OTHER_SCHEMA = 'https://ns.adobe.com/emulator/schemas/other';
	const hex = (n: number) => n.toString(16).padStart(32, '0');
	let newest: string;

	beforeAll(() => {
		// 250 more sets: three pages of Data Prep's list, half of another schema; the newest is on the last page.
		const bucket = h.stack.emulator.pipeline.mappingSets.sets.bucket(ORG, 'prod');
		const model = bucket.get(parts.mapping)!;
		const base = model.createdDate;
		for (let i = 1; i <= 250; i++) {
			const id = hex(i);
			const set: StoredMappingSet = {
				...model,
				id,
				schemaId: i % 2 ? OTHER_SCHEMA : dataset.schemaId,
				mappings: [{ id: hex(1000 + i), sourceType: 'ATTRIBUTE', source: `column_${i}`, destination: '_emulator.name' }],
				createdDate: base + i * 1000,
				modifiedDate: base + i * 1000,
			};
			bucket.set(id, set);
		}
		newest = hex(250);
	});

	const dataflowCreate = (target: unknown): IDataObject => ({ resource: 'dataflow', operation: 'create', sourceConnection: byId(parts.source), targetConnection: target as IDataObject });

	test("in Dataflow → Create with a target connection picked: only the sets of its schema, newest first, from every page of Data Prep's list", async () => {
		const found = await list('searchMappingSets', dataflowCreate(byId(parts.target)));
		const values = found.results.map((r) => r.value);
		expect(values[0]).toBe(newest);
		expect(values).toHaveLength(100);
		expect(values.every((v) => parseInt(String(v), 16) % 2 === 0 || v === parts.mapping)).toBe(true);
		expect(found.results[0].name).toMatch(/^column_250 → _emulator\.name · \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
		// The set Mapping → Create made, the oldest: found by a search for one of its columns.
		const byColumn = await list('searchMappingSets', dataflowCreate(byId(parts.target)), 'lifetime_value');
		expect(byColumn.results).toEqual([{ name: expect.stringMatching(/^id → _emulator\.id, name → _emulator\.name, email → _emulator\.email, \+4 more · /), value: parts.mapping }]);
		expect((await list('searchMappingSets', dataflowCreate(byId(parts.target)), 'column_249')).results).toEqual([]);
	});

	test("in Dataflow → Update with a dataflow picked: only the sets of its target's schema", async () => {
		const flow = await steps.dataflow('lists update', parts.source, parts.target, parts.mapping, { startTime: LATER });
		const found = await list('searchMappingSets', { resource: 'dataflow', operation: 'update', dataflow: byId(flow.id) });
		expect(found.results[0].value).toBe(newest);
		expect(found.results.every((r) => parseInt(String(r.value), 16) % 2 === 0 || r.value === parts.mapping)).toBe(true);
		expect((await list('searchMappingSets', { resource: 'dataflow', operation: 'update', dataflow: byId(flow.id) }, 'column_249')).results).toEqual([]);
		// No dataflow picked yet: every set.
		expect((await list('searchMappingSets', { resource: 'dataflow', operation: 'update' }, 'column_249')).results.map((r) => r.value)).toEqual([hex(249)]);
	});

	test('without a target connection known (Mapping → Get, or one given as an expression): every set, with its schema', async () => {
		const get = await list('searchMappingSets', { resource: 'mapping', operation: 'get' }, 'column_249');
		expect(get.results).toEqual([{ name: expect.stringMatching(new RegExp(`^column_249 → _emulator\\.name · ${OTHER_SCHEMA} · `)), value: hex(249) }]);
		const sample = await list('searchMappingSets', { resource: 'mapping', operation: 'get' }, 'column_248');
		expect(sample.results[0].name).toContain(' · Sales customers (sample) · ');
		const expression = await list('searchMappingSets', dataflowCreate(byId('={{ $json.id }}')), 'column_249');
		expect(expression.results.map((r) => r.value)).toEqual([hex(249)]);
	});
});

describe('Incremental Column: From List', () => {
	test("in Dataflow → Create: the columns of the source connection's table, read from the database, times first", async () => {
		await h.stack.database.exec('CREATE TABLE IF NOT EXISTS public.stamped (id integer, note text, changed_at timestamptz, born date)');
		const stamped = (await steps.sourceConnection(parts.base, 'stamped source', 'public.stamped', { sendColumns: false })).id;
		const found = await list('searchColumns', { resource: 'dataflow', operation: 'create', sourceConnection: byId(stamped) });
		expect(found.results).toEqual([
			{ name: 'changed_at (date-time)', value: 'changed_at' },
			{ name: 'born (date)', value: 'born' },
			{ name: 'id (integer)', value: 'id' },
			{ name: 'note (string)', value: 'note' },
		]);
		// A column added since the source connection was made is listed: the table as it is now.
		await h.stack.database.exec('ALTER TABLE public.stamped ADD COLUMN updated_at timestamp');
		const again = await list('searchColumns', { resource: 'dataflow', operation: 'create', sourceConnection: byId(stamped) }, 'AT');
		expect(again.results.map((r) => r.value)).toEqual(['changed_at', 'updated_at']);
	});

	test("in Run Now and Backfill: the picked dataflow's table, the column it already copies by first", async () => {
		const flow = await steps.dataflow('lists once', parts.source, parts.target, parts.mapping, { frequency: 'once', startTime: LATER });
		for (const operation of ['runNow', 'backfill']) {
			const once = await list('searchColumns', { resource: 'dataflow', operation, dataflow: byId(flow.id) });
			expect(once.results[0]).toEqual({ name: 'created_at (date-time)', value: 'created_at' });
		}
		const daily = await steps.dataflow('lists daily by id', parts.source, parts.target, parts.mapping, { startTime: LATER, incrementalColumn: { __rl: true, mode: 'list', value: 'id' } });
		const found = await list('searchColumns', { resource: 'dataflow', operation: 'runNow', dataflow: byId(daily.id) });
		expect(found.results[0]).toEqual({ name: "id (integer, this dataflow's)", value: 'id' });
	});

	test('with nothing picked above, or an expression, it says what to choose first', async () => {
		await expect(list('searchColumns', { resource: 'dataflow', operation: 'create', sourceConnection: { __rl: true, mode: 'list', value: '' } })).rejects.toThrow('Choose a source connection first');
		await expect(list('searchColumns', { resource: 'dataflow', operation: 'create', sourceConnection: byId('={{ $json.id }}') })).rejects.toThrow('Choose a source connection first');
		await expect(list('searchColumns', { resource: 'dataflow', operation: 'runNow' })).rejects.toThrow('Choose a dataflow first');
	});
});

describe("Run Now's dataflows: From List", () => {
	test('only those scheduled Once, read page after page until there are some to show; a search likewise', async () => {
		for (let i = 0; i < 25; i++) await steps.dataflow(`lists daily ${String(i).padStart(2, '0')}`, parts.source, parts.target, parts.mapping, { startTime: LATER });
		const once = await steps.dataflow('lists zz once', parts.source, parts.target, parts.mapping, { frequency: 'once', startTime: LATER });
		const seen: string[] = [];
		let token: string | undefined;
		do {
			const page = await list('searchRunnableDataflows', { resource: 'dataflow', operation: 'runNow' }, undefined, token);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken as string | undefined;
		} while (token);
		expect(seen).toContain(once.id);
		const flows = h.stack.emulator.pipeline.flows.flows.bucket(ORG, 'prod');
		expect(seen.every((id) => flows.get(id)!.scheduleParams.frequency === 'once')).toBe(true);
		expect((await list('searchRunnableDataflows', { resource: 'dataflow', operation: 'runNow' }, 'zz once')).results).toEqual([{ name: 'lists zz once (once, enabled)', value: once.id }]);
		expect((await list('searchRunnableDataflows', { resource: 'dataflow', operation: 'runNow' }, 'lists daily 07')).results).toEqual([]);
		// The other operations still list every dataflow.
		expect((await list('searchDataflows', { resource: 'dataflow', operation: 'get' }, 'lists daily 07')).results).toHaveLength(1);
	});
});
