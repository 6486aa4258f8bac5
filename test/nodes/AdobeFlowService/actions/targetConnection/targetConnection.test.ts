import { failure, ORG, useStack } from '../../../../../support/harness';
import { pipelineSteps } from '../../../../../support/pipeline';
import { searchList } from '../../../../../support/runNode';

const h = useStack();
const steps = pipelineSteps(h);

describe('Create', () => {
	test("the schema is the dataset's own, read from Catalog; the body is the tutorial's", async () => {
		const dataset = await steps.sampleDataset();
		const out = await steps.targetConnection(dataset.id, 'customers target');
		expect(out).toMatchObject({ dataSetId: dataset.id, schemaId: dataset.schemaId, schemaVersion: 'application/vnd.adobe.xed-full+json;version=1', connectionSpecId: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', created: true });
		const stored = h.stack.emulator.pipeline.connections.targets.bucket(ORG, 'prod').get(String(out.id))!;
		expect(stored.params).toEqual({ dataSetId: dataset.id });
		expect(stored.data).toEqual({ schema: { id: dataset.schemaId, version: 'application/vnd.adobe.xed-full+json;version=1' } });
		const again = await steps.targetConnection(dataset.id, 'customers target');
		expect(again).toMatchObject({ id: out.id, reused: true });
	});

	test('a dataset that does not exist: the Catalog 404, as a NodeApiError', async () => {
		const error = await failure(steps.targetConnection('0123456789abcdef01234567', 'nowhere'));
		expect(error.httpCode).toBe('404');
		expect(error.message).toMatch(/not found/i);
	});

	test('a schema other than the dataset’s: refused by the Platform, with its code', async () => {
		const dataset = await steps.sampleDataset();
		const error = await failure(steps.targetConnection(dataset.id, 'wrong schema', { schema: { __rl: true, mode: 'id', value: 'https://ns.adobe.com/emulator/schemas/other' } }));
		expect(error.httpCode).toBe('400');
		expect(error.message).toMatch(/not the schema of dataset/);
	});

	test('a malformed dataset id is refused before any request', async () => {
		const before = h.stack.emulator.stats.requests;
		expect((await failure(steps.targetConnection('6019e0e7', 'short'))).message).toBe('Dataset is not a valid dataset ID [item 0]');
		expect(h.stack.emulator.stats.requests).toBe(before);
	});

	test('From List: the datasets of Catalog and the schemas of the Schema Registry, searchable', async () => {
		const dataset = await steps.sampleDataset();
		const datasets = await searchList('searchDatasets', { credentials: h.credentials, filter: 'customers' });
		expect(datasets.results).toContainEqual({ name: `Sales customers (sample) (${dataset.id})`, value: dataset.id });
		const schemas = await searchList('searchSchemas', { credentials: h.credentials, filter: 'SALES' });
		expect(schemas.results).toEqual([{ name: 'Sales customers (sample)', value: dataset.schemaId }]);
		expect((await searchList('searchSchemas', { credentials: h.credentials, filter: 'no such schema' })).results).toEqual([]);
	});
});

test('Get Many of one dataset, and From List of target connections', async () => {
	const dataset = await steps.sampleDataset();
	const made = await steps.targetConnection(dataset.id, 'listed target');
	const many = await h.run({ resource: 'targetConnection', operation: 'getMany', returnAll: true, filters: { dataSetId: dataset.id } });
	expect(many.map((o) => o.json.id)).toContain(made.id);
	const listed = await searchList('searchTargetConnections', { credentials: h.credentials, filter: 'listed' });
	expect(listed.results).toEqual([{ name: `listed target (dataset ${dataset.id})`, value: made.id }]);
});
