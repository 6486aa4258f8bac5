/** Short ways for tests to run each step of the pipeline through the node, against a harness's stack. */
import type { IDataObject } from 'n8n-workflow';

import type { Harness } from './harness';
import { byId } from './harness';

export const SAMPLE_DATASET_NAME = 'Sales customers (sample)';

export function pipelineSteps(h: Harness) {
	const one = async (parameters: IDataObject) => (await h.run(parameters))[0].json;
	const steps = {
		baseConnection: async (name: string) => one(h.greenplum(name)),
		/** The sample dataset every emulator sandbox holds, as Catalog lists it. */
		sampleDataset: async () => {
			const url = `${h.stack.emulator.url}/data/foundation/catalog/dataSets?limit=100`;
			const credentials = h.credentials.data.flowServiceApi;
			const response = await fetch(url, {
				headers: { Authorization: `Bearer ${String(credentials.accessToken)}`, 'x-api-key': String(credentials.apiKey), 'x-gw-ims-org-id': String(credentials.imsOrgId), 'x-sandbox-name': 'prod' },
			});
			const [id, record] = Object.entries((await response.json()) as Record<string, { name: string; schemaRef: { id: string } }>).find(([, d]) => d.name === SAMPLE_DATASET_NAME)!;
			return { id, schemaId: record.schemaRef.id };
		},
		sourceConnection: async (baseId: unknown, name: string, table = 'sales.customers', extra: IDataObject = {}) =>
			one({ resource: 'sourceConnection', operation: 'create', connection: byId(baseId), table: { __rl: true, mode: 'path', value: table }, name, ...extra }),
		targetConnection: async (dataSetId: string, name: string, extra: IDataObject = {}) =>
			one({ resource: 'targetConnection', operation: 'create', dataset: { __rl: true, mode: 'id', value: dataSetId }, name, ...extra }),
		mapping: async (schemaId: string, sourceId: unknown, extra: IDataObject = {}) =>
			one({ resource: 'mapping', operation: 'create', schema: { __rl: true, mode: 'id', value: schemaId }, sourceConnection: byId(sourceId), ...extra }),
		dataflow: async (name: string, sourceId: unknown, targetId: unknown, mappingId: unknown, extra: IDataObject = {}) =>
			one({
				resource: 'dataflow',
				operation: 'create',
				name,
				sourceConnection: byId(sourceId),
				targetConnection: byId(targetId),
				mappingId: mappingId as string,
				frequency: 'day',
				interval: 1,
				incrementalColumn: 'created_at',
				...extra,
			}),
		/** A base connection, and on its table a source connection, a target connection on the sample dataset and a mapping set: what a dataflow joins. */
		pieces: async (name: string, table = 'sales.customers') => {
			const dataset = await steps.sampleDataset();
			const source = (await steps.sourceConnection((await steps.baseConnection(`${name} base`)).id, `${name} source`, table)).id;
			const target = (await steps.targetConnection(dataset.id, `${name} target`)).id;
			return { source, target, mapping: (await steps.mapping(dataset.schemaId, source)).id };
		},
		/**
		 * A maker of dataflows on one set of pieces (made at its first call), scheduled Once (or as
		 * `extra` says) from a day after the Platform's now: their only runs are those a test makes.
		 */
		quietDataflows: (name: string) => {
			let made: Promise<{ source: unknown; target: unknown; mapping: unknown }> | undefined;
			let count = 0;
			return async (extra: IDataObject = {}): Promise<string> => {
				made ??= steps.pieces(name);
				const { source, target, mapping } = await made;
				const startTime = new Date(h.stack.emulator.clock.now() + 86_400_000).toISOString();
				return String((await steps.dataflow(`${name} ${count++}`, source, target, mapping, { frequency: 'once', startTime, ...extra })).id);
			};
		},
		waitForRun: async (flowId: unknown, extra: IDataObject = {}) => one({ resource: 'run', operation: 'wait', dataflow: byId(flowId), pollInterval: 1, waitTimeout: 30, ...extra }),
	};
	return steps;
}
