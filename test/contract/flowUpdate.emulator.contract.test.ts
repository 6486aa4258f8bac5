/**
 * The emulator's dataflow PATCH held to the bodies Adobe documents: the update page's name,
 * description and frequency (update-flow), its mapping swap (update-flow-mapping) and the
 * partial-ingestion page's options (update-flow-options). Each documented body, with ids the emulator
 * holds, is accepted with the etag just read and answered in the documented shape; the flow then
 * reads back with what was sent, as a look-up of the Platform shows it (get-flow).
 */
import type { Answer } from '../emulator/client';
import { useEmulatorStack } from '../emulator/client';
import { FIXTURES, missingShape } from './fixtures';

const emulator = useEmulatorStack({ runDurationMs: 30 });
const flowOf = async (id: string) => await emulator.client.flow(id);
const patch = async (id: string, operations: unknown) => await emulator.client.patchFlow(id, operations);
const documentedOps = (name: string): any[] => structuredClone(FIXTURES[name].request!.body as any[]);

function documented(name: string, answer: Answer) {
	expect(answer.status).toBe(FIXTURES[name].response.status);
	expect(missingShape(FIXTURES[name].response.body, answer.body)).toEqual([]);
}

test('update-flow (update-dataflows.md): frequency, name and description replaced; the look-up has the documented shape', async () => {
	const id = await emulator.client.dataflow({ frequency: 'hour' });
	// The page replaces the description: the flow must have one (replace needs the member, RFC 6902).
	expect((await patch(id, [{ op: 'add', path: '/description', value: 'before' }])).status).toBe(200);
	const ops = documentedOps('update-flow');
	const answer = await patch(id, ops);
	documented('update-flow', answer);
	const read = await emulator.client.get(`/flows/${id}`);
	expect(read.items[0]).toMatchObject({ name: ops[1].value, description: ops[2].value, scheduleParams: { frequency: 'day' }, etag: answer.body.etag });
	const shape = structuredClone(FIXTURES['get-flow'].response.body) as any;
	// What a flow has only after its first run, and the sandbox id the emulator has no notion of.
	for (const key of ['lastRunDetails', 'sandboxId']) delete shape.items[0][key];
	expect(missingShape(shape, read)).toEqual([]);
	expect(read.items[0].lastOperation.ops).toEqual(ops);
});

test('update-flow-mapping (update-dataflows.md): the documented /transformations/0 on a flow whose Mapping is at 0 (scheduled Once)', async () => {
	const pieces = await emulator.client.pieces();
	const id = await emulator.client.dataflow({ frequency: 'once', pieces });
	const other = (await emulator.client.pieces('sales.customers', [['name', 'person.name.fullName']])).mapping;
	const ops = documentedOps('update-flow-mapping');
	// The page's set and version 2 are its own; the emulator's new set is at version 0.
	ops[0].value.params = { mappingId: other, mappingVersion: 0 };
	expect(ops[0].path).toBe('/transformations/0');
	documented('update-flow-mapping', await patch(id, ops));
	expect((await flowOf(id)).transformations).toEqual([{ name: 'Mapping', params: { mappingId: other, mappingVersion: '0' } }]);
});

test("update-flow-mapping on the page's own kind of flow (get-flow: Copy at 0, Mapping at 1): taken at the Mapping's index", async () => {
	const id = await emulator.client.dataflow({ frequency: 'day' });
	const before = await flowOf(id);
	expect(before.transformations.map((t: any) => t.name)).toEqual((FIXTURES['get-flow'].response.body as any).items[0].transformations.map((t: any) => t.name));
	const other = (await emulator.client.pieces('sales.customers', [['name', 'person.name.fullName']])).mapping;
	const ops = documentedOps('update-flow-mapping');
	ops[0].value.params = { mappingId: other, mappingVersion: 0 };
	ops[0].path = `/transformations/${before.transformations.findIndex((t: any) => t.name === 'Mapping')}`;
	documented('update-flow-mapping', await patch(id, ops));
	expect((await flowOf(id)).transformations.map((t: any) => [t.name, t.params.mappingId ?? t.params.deltaColumn.name])).toEqual([
		['Copy', 'created_at'],
		['Mapping', other],
	]);
});

test('update-flow-options (partial.md): accepted as documented, on a flow that had no options', async () => {
	const id = await emulator.client.dataflow();
	expect(await flowOf(id)).not.toHaveProperty('options');
	documented('update-flow-options', await patch(id, documentedOps('update-flow-options')));
	expect((await flowOf(id)).options).toEqual({ partialIngestionPercent: 10, errorDiagnosticsEnabled: true });
});
