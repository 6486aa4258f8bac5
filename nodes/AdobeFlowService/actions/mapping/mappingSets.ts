/**
 * Data Prep mapping sets (`/data/foundation/conversion/mappingSets`): reading one, finding an
 * identical one (mapping sets have no name, so a re-run reuses the set that maps the same columns to
 * the same fields of the same schema), and matching a table's columns to a schema's fields by name.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FlowServiceClient } from '../../transport';
import { idLocator, readId } from '../shared/locators';
import { isoTime } from '../shared/outputs';
import type { SchemaField } from '../shared/catalog';

/** A mapping set id: 32 hexadecimal characters, no dashes. */
export const MAPPING_ID = '[0-9a-fA-F]{32}';
const PAGE = 100;

export interface Pair {
	sourceType: 'ATTRIBUTE' | 'EXPRESSION';
	source: string;
	destination: string;
}

/** A mapping set, From List (Data Prep's mapping sets, those of the target's schema where the node knows it) or By ID. */
export const mappingIdProperty: INodeProperties = idLocator({
	displayName: 'Mapping',
	name: 'mappingId',
	description: "The mapping of the table's columns to the dataset's fields, e.g. the ID Mapping → Create outputs",
	searchListMethod: 'searchMappingSets',
	example: '0b090130b58b4819afc78b6dc98b484d',
	pattern: MAPPING_ID,
});

/** The mapping set's id: From List or By ID, or the plain text a workflow saved before Mapping was a picker; `parameter` where it sits in a collection. */
export function readMappingId(context: IExecuteFunctions, itemIndex: number, parameter = 'mappingId'): string {
	const hint = 'Pick a mapping from the list, or give its ID: 32 hexadecimal characters, e.g. 0b090130b58b4819afc78b6dc98b484d';
	return readId(context, itemIndex, { parameter, label: 'Mapping', noun: 'mapping', pattern: MAPPING_ID, requiredHint: hint, invalidHint: hint });
}

/**
 * The create's `sourceType` for each spelling the Platform reads a mapping back with: a set created
 * with ATTRIBUTE is looked up, listed and PUT back as `text/x.schema-path` (help/data-prep/api/mapping-set.md),
 * EXPRESSION as `text/x.aep-xl` and STATIC as `text/plain` (help/data-prep/mapping-set.md).
 */
const SOURCE_TYPES: Record<string, string> = {
	attribute: 'ATTRIBUTE',
	'text/x.schema-path': 'ATTRIBUTE',
	expression: 'EXPRESSION',
	'text/x.aep-xl': 'EXPRESSION',
	static: 'STATIC',
	'text/plain': 'STATIC',
};

/** A mapping's `sourceType` as the create writes it, whichever way the Platform spelled it; ATTRIBUTE when absent. */
export function sourceTypeOf(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'ATTRIBUTE';
	return SOURCE_TYPES[String(value).trim().toLowerCase()] ?? String(value);
}

/** A mapping set as output: the same keys whatever the Platform's dialect, `sourceType` as the create writes it. */
export function mappingOutput(set: IDataObject): IDataObject {
	const schemaRef = ((set.outputSchema as IDataObject | undefined)?.schemaRef ?? {}) as IDataObject;
	const mappings = (Array.isArray(set.mappings) ? set.mappings : []) as IDataObject[];
	return {
		id: String(set.id),
		version: typeof set.version === 'number' ? set.version : Number(set.version ?? 0),
		schemaId: typeof schemaRef.id === 'string' ? schemaRef.id : typeof set.xdmSchema === 'string' ? set.xdmSchema : null,
		mappings: mappings.map((m) => ({
			sourceType: sourceTypeOf(m.sourceType),
			source: String(m.source ?? m.sourceAttribute ?? ''),
			destination: String(m.destination ?? m.destinationXdmPath ?? ''),
		})),
		createdAt: isoTime(set.createdDate),
		updatedAt: isoTime(set.modifiedDate),
	};
}

export async function fetchMappingSet(client: FlowServiceClient, id: string, itemIndex?: number): Promise<IDataObject> {
	const { body } = await client.request<IDataObject>({ service: 'conversion', method: 'GET', path: `/mappingSets/${encodeURIComponent(id)}`, itemIndex });
	return body ?? {};
}

/**
 * What makes two mapping sets the same: their pairs, in any order, each by its meaning — the
 * source type in the create's spelling (the Platform reads it back in another), the source and the
 * destination as written. Ids, versions, names, dates and defaults the Platform adds are not part of it.
 */
const key = (pairs: Array<{ sourceType?: unknown; source?: unknown; destination?: unknown }>) =>
	pairs
		.map((p) => `${sourceTypeOf(p.sourceType)}\u0000${String(p.source)}\u0000${String(p.destination)}`)
		.sort()
		.join('\u0001');

/** What makes two mapping sets the same one: their schema and pairs (see `key`). */
export function mappingSetKey(schemaId: string, pairs: Pair[]): string {
	return JSON.stringify(['/mappingSets', schemaId, key(pairs)]);
}

/** Data Prep lists mapping sets by `start` and `limit` (both required), with no filter: 100 a page, at most 100 pages. */
const MAPPING_PAGES = 100;

/** Every mapping set of the sandbox (up to 10,000), reading every page of Data Prep's list. */
export async function readAllMappingSets(client: FlowServiceClient, itemIndex?: number): Promise<IDataObject[]> {
	const sets: IDataObject[] = [];
	for (let page = 0; page < MAPPING_PAGES; page++) {
		const { body } = await client.request<{ data?: IDataObject[] }>({ service: 'conversion', method: 'GET', path: '/mappingSets', qs: { limit: PAGE, start: page * PAGE }, itemIndex });
		const data = body?.data ?? [];
		sets.push(...data);
		if (data.length < PAGE) break;
	}
	return sets;
}

/** Every mapping set of this schema with the same pairs (see `key`). */
export async function listIdentical(client: FlowServiceClient, schemaId: string, pairs: Pair[], itemIndex: number): Promise<IDataObject[]> {
	const wanted = key(pairs);
	return (await readAllMappingSets(client, itemIndex)).filter((set) => {
		const out = mappingOutput(set);
		return out.schemaId === schemaId && key(out.mappings as Pair[]) === wanted;
	});
}

export interface Unmatched {
	column: string;
	reason: string;
}

const leaf = (path: string) => path.slice(path.lastIndexOf('.') + 1);
const loose = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Each column to the one field whose last segment has its name — ignoring case, then also ignoring
 * `_` and `-` (`is_active` → `isActive`). A column with no such field, or with several, is left out
 * and listed; so is a field another column already took.
 */
export function matchByName(columns: string[], fields: SchemaField[], taken: Set<string>): { pairs: Pair[]; unmatched: Unmatched[] } {
	const pairs: Pair[] = [];
	const unmatched: Unmatched[] = [];
	for (const column of columns) {
		const free = fields.filter((f) => !taken.has(f.path));
		const exact = free.filter((f) => leaf(f.path).toLowerCase() === column.toLowerCase());
		const candidates = exact.length > 0 ? exact : free.filter((f) => loose(leaf(f.path)) === loose(column));
		if (candidates.length === 1) {
			pairs.push({ sourceType: 'ATTRIBUTE', source: column, destination: candidates[0].path });
			taken.add(candidates[0].path);
		} else if (candidates.length === 0) {
			unmatched.push({ column, reason: 'no field of the schema has this name' });
		} else {
			unmatched.push({ column, reason: `several fields have this name: ${candidates.map((c) => c.path).join(', ')}` });
		}
	}
	return { pairs, unmatched };
}
