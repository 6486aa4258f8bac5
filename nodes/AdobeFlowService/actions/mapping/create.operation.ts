/**
 * Mapping → Create: a Data Prep mapping set from a table's columns to an XDM schema's fields — by
 * name, from the columns of a source connection, and/or from pairs given here. Each destination is
 * checked against the schema before anything is created; what did not match is in the output.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError, readText } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { fieldError, validated } from '../shared/fieldErrors';
import { forOperation } from '../shared/operation';
import { exploreTable } from '../database/explore';
import { fetchSchemaFields } from '../shared/catalog';
import { readLocator, SCHEMA_ID, schemaLocator } from '../shared/locators';
import { createOnce, outcomeFlags } from '../shared/createOnce';
import { entityLocator, fetchEntity, readEntityId, SOURCE_CONNECTION } from '../shared/flowObjects';
import type { Pair, Unmatched } from './mappingSets';
import { fetchMappingSet, listIdentical, mappingOutput, mappingSetKey, matchByName } from './mappingSets';

/** Safe to run again: If It Exists, and one object per reuse key (createOnce.ts). */
export const createsOnce = true;

export const option = { name: 'Create', value: 'create', action: 'Create a mapping', description: 'Create a mapping set from table columns to the fields of an XDM schema, by schema ID; returns its ID, version and the column-to-field pairs' };

const properties: INodeProperties[] = [
	schemaLocator("The target dataset's XDM schema, e.g. the schemaId output by Target Connection → Create"),
	{
		displayName: 'Map',
		name: 'mappingMode',
		type: 'options',
		options: [
			{ name: 'Columns by Name, Then the Pairs Below', value: 'byName', description: "Each column of the source connection's table to the schema field of the same name" },
			{ name: 'Only the Pairs Below', value: 'pairs' },
		],
		default: 'byName',
	},
	{ ...entityLocator(SOURCE_CONNECTION, 'The source connection whose table columns are mapped by name'), displayOptions: { show: { mappingMode: ['byName'] } } },
	{
		displayName: 'Pairs',
		name: 'pairs',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Pair',
		default: {},
		description: 'Source columns (or expressions) and the schema fields they go to; with Columns by Name, these come first',
		options: [
			{
				displayName: 'Pair',
				name: 'pair',
				values: [
					{ displayName: 'Source', name: 'source', type: 'string', default: '', placeholder: 'e.g. name', description: 'A column of the table, or an expression with Adobe\'s mapping functions, e.g. upper(name)' },
					{ displayName: 'Destination', name: 'destination', type: 'string', default: '', placeholder: 'e.g. person.name.fullName', description: 'A field of the schema, as a dotted path' },
					{
						displayName: 'Source Type',
						name: 'sourceType',
						type: 'options',
						options: [
							{ name: 'Column', value: 'ATTRIBUTE' },
							{ name: 'Expression', value: 'EXPRESSION' },
						],
						default: 'ATTRIBUTE',
					},
				],
			},
		],
	},
];

export const description = forOperation('mapping', 'create', properties);

function readPairs(context: IExecuteFunctions, itemIndex: number): Pair[] {
	const given = (context.getNodeParameter('pairs', itemIndex, {}) as { pair?: IDataObject[] }).pair ?? [];
	return given.map((pair, index) =>
		validated(context, itemIndex, () => ({
			sourceType: pair.sourceType === 'EXPRESSION' ? 'EXPRESSION' : 'ATTRIBUTE',
			source: readText(`Pairs → Source ${index + 1}`, pair.source, { max: 1024 }),
			destination: readText(`Pairs → Destination ${index + 1}`, pair.destination, { max: 1024 }),
		})),
	);
}

/** The column names of the source connection's table: those it was created with, else explored. */
async function sourceColumns(item: ItemContext, sourceConnectionId: string): Promise<string[]> {
	const source = await fetchEntity(item.client, SOURCE_CONNECTION, sourceConnectionId, item.itemIndex);
	const params = (source.params ?? {}) as IDataObject;
	const listed = Array.isArray(params.columns) ? (params.columns as IDataObject[]) : [];
	const columns = listed.length > 0 ? listed : ((await exploreTable(item, String(source.baseConnectionId), String(params.tableName), false)).schema?.columns ?? []);
	return columns.map((c) => String((c as { name?: unknown }).name));
}

export async function execute(this: IExecuteFunctions, item: ItemContext): Promise<IDataObject[]> {
	const { itemIndex, client } = item;
	const schemaId = readLocator(this, itemIndex, 'schema', 'Schema', SCHEMA_ID, "Pick a schema, or give its $id, e.g. {{ $json.schemaId }}");
	const byName = this.getNodeParameter('mappingMode', itemIndex, 'byName') === 'byName';
	const given = readPairs(this, itemIndex);
	const sourceConnectionId = byName ? readEntityId(this, itemIndex, SOURCE_CONNECTION) : '';
	const fields = await fetchSchemaFields(client, schemaId, itemIndex);
	const known = new Set(fields.map((f) => f.path));
	given.forEach((pair, index) => {
		if (!known.has(pair.destination)) {
			throw fieldError(this, new FieldError(`Pairs → Destination ${index + 1}`, `(${pair.destination}) is not a field of the schema`, 'Write the dotted path of a field of the schema, e.g. person.name.fullName'), itemIndex);
		}
	});
	let pairs = given;
	let unmatchedColumns: Unmatched[] = [];
	if (byName) {
		const explicit = new Set(given.filter((p) => p.sourceType === 'ATTRIBUTE').map((p) => p.source));
		const columns = (await sourceColumns(item, sourceConnectionId)).filter((c) => !explicit.has(c));
		const matched = matchByName(columns, fields, new Set(given.map((p) => p.destination)));
		pairs = [...given, ...matched.pairs];
		unmatchedColumns = matched.unmatched;
	}
	if (pairs.length === 0) {
		throw fieldError(this, new FieldError('Map', 'gave no pair: no column matched a field of the schema by name, and no pair is given', 'Add pairs, e.g. name → person.name.fullName'), itemIndex);
	}
	const mapped = new Set(pairs.map((p) => p.destination));
	const result = { unmatchedColumns, unmatchedFields: fields.filter((f) => !mapped.has(f.path)).map((f) => f.path) };

	const body = { outputSchema: { schemaRef: { id: schemaId, contentType: 'application/vnd.adobe.xed-full+json;version=1' } }, mappings: pairs };
	// A mapping set is found by its schema and pairs, which is all it holds: Update It has nothing to
	// change. Data Prep's API reference documents no delete, so a set made twice at once is left.
	const outcome = await createOnce(this, item, {
		noun: 'mapping set',
		key: mappingSetKey(schemaId, pairs),
		list: async () => await listIdentical(client, schemaId, pairs, itemIndex),
		post: async (recover) => {
			const { body: answer, recovered } = await client.request<IDataObject>({
				service: 'conversion',
				method: 'POST',
				path: '/mappingSets',
				body,
				idempotent: false,
				itemIndex,
				recovery: { lookup: recover },
			});
			return { item: { ...body, ...answer }, recovered };
		},
		read: async (id) => await fetchMappingSet(client, id, itemIndex),
		taken: (existing) => new FieldError('Pairs', `are those of mapping set ${String(existing.id)} already`, 'Set If It Exists to Reuse It'),
	});
	return [{ ...mappingOutput(outcome.item), ...result, ...outcomeFlags(outcome) }];
}
