/**
 * The node as an AI agent's tool: a change is refused before any request unless Allow Changes is on;
 * with it, Dry Run shows the request instead of sending it. The plain node is not guarded.
 */
import type { IDataObject, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

import { AdobeFlowService } from '../../../../../nodes/AdobeFlowService/AdobeFlowService.node';
import { allOperations } from '../../../../../nodes/AdobeFlowService/actions/registry';
import { toolDescriptionOf } from '../../../../../nodes/AdobeFlowService/actions/shared/toolMode';
import { MASK } from '../../../../../nodes/AdobeFlowService/helpers/mask';
import { byId, failure, useStack } from '../../../../../support/harness';

const h = useStack();

/** The tool variant as n8n makes it from `usableAsTool` (tool-generation/ai-tools): replacements applied, name + Tool, one ai_tool output. */
function toolVariant(): INodeType {
	const plain = new AdobeFlowService();
	const { usableAsTool, ...rest } = plain.description;
	const replaced = { ...structuredClone(rest), ...(typeof usableAsTool === 'object' ? usableAsTool.replacements : {}) } as INodeTypeDescription;
	const description: INodeTypeDescription = { ...replaced, name: `${replaced.name}Tool`, displayName: `${replaced.displayName} Tool`, inputs: [], outputs: [NodeConnectionTypes.AiTool] };
	return Object.assign(Object.create(Object.getPrototypeOf(plain) as object) as INodeType, plain, { description });
}

const tool = toolVariant();
const asTool = { nodeType: tool, type: 'CUSTOM.adobeFlowServiceTool' };
const runTool = (parameters: IDataObject) => h.run(parameters, { as: asTool });

/** Every operation that only reads. A new operation lands here or is guarded: the test below decides which. */
const READING = [
	'connection.get',
	'connection.getMany',
	'connection.test',
	'connectionSpec.get',
	'connectionSpec.getMany',
	'database.getTableSchema',
	'database.listTables',
	'database.previewRows',
	'dataflow.get',
	'dataflow.getHealth',
	'dataflow.getMany',
	'mapping.get',
	'run.get',
	'run.getMany',
	'run.wait',
	'sourceConnection.get',
	'sourceConnection.getMany',
	'targetConnection.get',
	'targetConnection.getMany',
];

test('the operations that only read are exactly those that say so', () => {
	const reading = allOperations().filter(({ operation }) => operation.readsOnly === true);
	expect(reading.map(({ resource, value }) => `${resource}.${value}`).sort()).toEqual(expect.arrayContaining(READING));
	for (const { resource, value, operation } of reading) expect([resource, value, operation.readsOnly]).toEqual([resource, value, true]);
});

describe('every operation either only reads or is refused in tool mode without Allow Changes', () => {
	const changing = allOperations().filter(({ operation }) => operation.readsOnly !== true);

	test('the creates, updates, deletes, enables, disables and runs are among them', () => {
		const names = changing.map(({ resource, value }) => `${resource}.${value}`);
		const known = ['connection.create', 'connection.delete', 'connection.update', 'dataflow.create', 'dataflow.delete', 'dataflow.disable', 'dataflow.enable', 'dataflow.runNow', 'dataflow.updateSchedule'];
		expect(names).toEqual(expect.arrayContaining([...known, 'mapping.create', 'sourceConnection.create', 'sourceConnection.delete', 'targetConnection.create', 'targetConnection.delete']));
	});

	test.each(changing.map(({ resource, value }) => [resource, value]))('%s → %s is refused, and nothing is sent', async (resource, operation) => {
		const before = h.stack.emulator.stats.requests;
		const error = await failure(runTool({ resource, operation }));
		expect(error.message).toMatch(/^Refused: ".+" \(.+\) changes Adobe Experience Platform, and Allow Changes is off$/);
		expect(error.description).toMatch(/Allow Changes/);
		expect(h.stack.emulator.stats.requests).toBe(before);
	});
});

test('under Continue On Fail the refusal is one error item per input item, paired, and nothing is sent', async () => {
	const before = h.stack.emulator.stats.requests;
	const out = await h.run({ resource: 'dataflow', operation: 'delete' }, { as: asTool, items: [{}, {}], onError: 'continueRegularOutput' });
	expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	for (const item of out) expect(item.json.error).toMatch(/^Refused: "Delete" \(dataflow → delete\)/);
	expect(h.stack.emulator.stats.requests).toBe(before);
});

test('in tool mode a reading operation runs without Allow Changes', async () => {
	const [created] = await h.run(h.greenplum('tool reads'));
	const tables = await runTool({ resource: 'database', operation: 'listTables', connection: byId(created.json.id) });
	expect(tables.map((t) => t.json.name)).toEqual(expect.arrayContaining(['sales.customers']));
});

test('the plain node is not guarded: a delete goes out', async () => {
	const [created] = await h.run(h.greenplum('plain delete'));
	const [deleted] = await h.run({ resource: 'connection', operation: 'delete', connection: byId(created.json.id) });
	expect(deleted.json).toEqual({ deleted: true, id: created.json.id });
});

test('with Allow Changes on, the tool deletes', async () => {
	const [created] = await h.run(h.greenplum('tool delete'));
	const before = h.stack.emulator.stats.byRoute['DELETE /connections/{id}'] ?? 0;
	const [deleted] = await runTool({ resource: 'connection', operation: 'delete', connection: byId(created.json.id), allowChanges: true });
	expect(deleted.json).toEqual({ deleted: true, id: created.json.id });
	expect(h.stack.emulator.stats.byRoute['DELETE /connections/{id}']).toBe(before + 1);
});

describe('Dry Run', () => {
	test('a create returns the request it would send, the password masked, and creates nothing', async () => {
		const creates = h.stack.emulator.stats.creates;
		const out = await runTool({ ...h.greenplum('dry create'), allowChanges: true, dryRun: true });
		expect(out).toHaveLength(1);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[0].json).toMatchObject({ dryRun: true, sent: false, method: 'POST', path: '/data/foundation/flowservice/connections', query: {}, body: { name: 'dry create' } });
		const text = JSON.stringify(out[0].json);
		expect(text).toContain(MASK);
		expect(text).not.toContain(h.stack.database.login.password);
		expect(h.stack.emulator.stats.creates).toBe(creates);
	});

	test('a delete returns the request it would send, and the connection is still there', async () => {
		const [created] = await h.run(h.greenplum('dry delete'));
		const id = String(created.json.id);
		const [preview] = await runTool({ resource: 'connection', operation: 'delete', connection: byId(id), allowChanges: true, dryRun: true });
		expect(preview.json).toEqual({ dryRun: true, sent: false, method: 'DELETE', path: `/data/foundation/flowservice/connections/${id}`, query: {}, body: null });
		const [still] = await h.run({ resource: 'connection', operation: 'get', connection: byId(id) });
		expect(still.json.id).toBe(id);
	});

	test('without Allow Changes, Dry Run does not open the guard', async () => {
		const error = await failure(runTool({ resource: 'connection', operation: 'delete', connection: byId('x'), dryRun: true }));
		expect(error.message).toMatch(/^Refused/);
	});
});

describe('the parameters', () => {
	/** The properties of that name the editor shows for these parameters. */
	const displayed = (type: INodeType, parameters: IDataObject, name: string) =>
		type.description.properties.filter((p) => p.name === name && NodeHelpers.displayParameter(parameters as never, p, { typeVersion: 1 } as never, type.description));
	const shown = (type: INodeType, parameters: IDataObject, name: string) => displayed(type, parameters, name).length > 0;

	test('Allow Changes shows in the tool variant only, for changing operations; Dry Run only with it on', () => {
		const plain = new AdobeFlowService();
		expect(shown(plain, { resource: 'connection', operation: 'delete' }, 'allowChanges')).toBe(false);
		expect(shown(tool, { resource: 'connection', operation: 'delete' }, 'allowChanges')).toBe(true);
		expect(shown(tool, { resource: 'database', operation: 'listTables' }, 'allowChanges')).toBe(false);
		expect(shown(tool, { resource: 'connection', operation: 'delete', allowChanges: false }, 'dryRun')).toBe(false);
		expect(shown(tool, { resource: 'connection', operation: 'delete', allowChanges: true }, 'dryRun')).toBe(true);
		expect(shown(plain, { resource: 'connection', operation: 'delete', allowChanges: true }, 'dryRun')).toBe(false);
	});

	test('every operation says which IDs it needs and what it returns, and the tool variant gives its model exactly that', () => {
		for (const { resource, value, operation } of allOperations()) {
			expect([resource, value, operation.option.description]).toEqual([resource, value, expect.stringMatching(/; returns /)]);
			expect(displayed(tool, { resource, operation: value }, 'toolDescription').map((p) => p.default)).toEqual([toolDescriptionOf(operation)]);
			expect(toolDescriptionOf(operation)).toContain(operation.readsOnly ? 'It only reads.' : 'It changes the Platform, so it runs only where the tool allows changes.');
		}
		expect(shown(new AdobeFlowService(), { resource: 'database', operation: 'listTables' }, 'toolDescription')).toBe(false);
	});

	test('the tool variant is described as safe by default; the plain node keeps its description', () => {
		expect(tool.description.description).toMatch(/changes the Platform only where Allow Changes is on/);
		expect(new AdobeFlowService().description.description).toMatch(/^Connect databases to Adobe Experience Platform/);
	});

	test('Allow Changes is off by default', () => {
		expect(tool.description.properties.find((p) => p.name === 'allowChanges')?.default).toBe(false);
	});
});
