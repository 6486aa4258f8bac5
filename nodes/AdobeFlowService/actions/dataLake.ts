/**
 * Datasets (Catalog) and XDM schemas (Schema Registry): what a target connection and a mapping point
 * at. Catalog answers a list as an object keyed by dataset id and pages with `start` and `limit`
 * (help/catalog/api/list-objects.md); the Schema Registry lists with `Accept:
 * application/vnd.adobe.xed-id+json` and gives a whole schema with `…xed-full+json; version=1`
 * (help/xdm/api/schemas.md).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../helpers/validation';
import type { FlowServiceClient } from '../transport';
import { fieldError, idLocator } from './common';

/** A Catalog dataset id: 24 hexadecimal characters. */
export const DATASET_ID = '[0-9a-fA-F]{24}';
/** An XDM schema `$id`: a URI, e.g. https://ns.adobe.com/{TENANT_ID}/schemas/52b5…. */
export const SCHEMA_ID = 'https?://\\S+';

const CATALOG_PAGE = 100;

export function datasetLocator(description: string): INodeProperties {
	return idLocator({ displayName: 'Dataset', name: 'dataset', description, searchListMethod: 'searchDatasets', example: '6019e0e7c5dcf718db5ebc71', pattern: DATASET_ID });
}

export function schemaLocator(description: string, required = true): INodeProperties {
	return idLocator({
		displayName: 'Schema',
		name: 'schema',
		description,
		searchListMethod: 'searchSchemas',
		example: 'https://ns.adobe.com/{TENANT_ID}/schemas/52b59140414aa6a370ef5e21155fd7a686744b8739ecc168',
		pattern: SCHEMA_ID,
		required,
	});
}

/** A locator's value, checked against its pattern: empty gives '' when the field may be left empty. */
export function readLocator(context: IExecuteFunctions, itemIndex: number, parameter: string, label: string, pattern: string, hint: string, required = true): string {
	const raw = context.getNodeParameter(parameter, itemIndex, '', { extractValue: true }) as unknown;
	const value = typeof raw === 'string' ? raw.trim() : raw;
	if (value === '' || value === undefined || value === null) {
		if (!required) return '';
		throw fieldError(context, new FieldError(label, 'is required', hint), itemIndex);
	}
	if (typeof value !== 'string' || !new RegExp(`^${pattern}$`).test(value)) throw fieldError(context, new FieldError(label, `is not a valid ${label.toLowerCase()} ID`, hint), itemIndex);
	return value;
}

export interface Dataset {
	id: string;
	name: string;
	schemaId: string | null;
}

function toDataset(id: string, record: IDataObject): Dataset {
	return { id, name: String(record.name ?? id), schemaId: typeof (record.schemaRef as IDataObject | undefined)?.id === 'string' ? String((record.schemaRef as IDataObject).id) : null };
}

export async function fetchDataset(client: FlowServiceClient, id: string, itemIndex?: number): Promise<Dataset> {
	const { body } = await client.request<Record<string, IDataObject>>({ service: 'catalog', method: 'GET', path: `/dataSets/${encodeURIComponent(id)}`, itemIndex });
	const record = body?.[id] ?? Object.values(body ?? {})[0];
	if (!record) throw new Error(`The Platform returned no dataset for ${id}`);
	return toDataset(id, record);
}

/** Every dataset of the sandbox, page by page (`start`, `limit`), or just the first page. */
export async function listDatasets(client: FlowServiceClient, { all }: { all: boolean }): Promise<Dataset[]> {
	const datasets: Dataset[] = [];
	for (let start = 0; ; start += CATALOG_PAGE) {
		const { body } = await client.request<Record<string, IDataObject>>({
			service: 'catalog',
			method: 'GET',
			path: '/dataSets',
			qs: { limit: CATALOG_PAGE, start, properties: 'name,schemaRef' },
		});
		const page = Object.entries(body ?? {}).map(([id, record]) => toDataset(id, record));
		datasets.push(...page);
		if (!all || page.length < CATALOG_PAGE) return datasets;
	}
}

export interface SchemaSummary {
	id: string;
	title: string;
}

/** Every schema of the tenant, following the Schema Registry's `_page.next`. */
export async function listSchemas(client: FlowServiceClient): Promise<SchemaSummary[]> {
	const schemas: SchemaSummary[] = [];
	let start: string | undefined;
	for (let page = 0; page < 1000; page++) {
		const { body } = await client.request<{ results?: IDataObject[]; _page?: { next?: string | null } }>({
			service: 'schemaregistry',
			method: 'GET',
			path: '/tenant/schemas',
			qs: start === undefined ? {} : { start },
			headers: { Accept: 'application/vnd.adobe.xed-id+json' },
		});
		schemas.push(...(body?.results ?? []).map((s) => ({ id: String(s.$id), title: String(s.title ?? s.$id) })));
		const next = body?._page?.next;
		if (!next || next === start) return schemas;
		start = next;
	}
	return schemas;
}

export interface SchemaField {
	/** Dotted, as a mapping's destination writes it: `person.name.fullName`. */
	path: string;
	type: string | null;
}

/** The leaf fields of a schema, read whole from the Schema Registry. */
export async function fetchSchemaFields(client: FlowServiceClient, schemaId: string, itemIndex?: number): Promise<SchemaField[]> {
	const { body } = await client.request<IDataObject>({
		service: 'schemaregistry',
		method: 'GET',
		path: `/tenant/schemas/${encodeURIComponent(schemaId)}`,
		headers: { Accept: 'application/vnd.adobe.xed-full+json; version=1' },
		itemIndex,
	});
	const fields: SchemaField[] = [];
	const walk = (properties: IDataObject | undefined, prefix: string) => {
		for (const [name, value] of Object.entries(properties ?? {})) {
			const field = value as IDataObject;
			const path = prefix ? `${prefix}.${name}` : name;
			if (field.type === 'object' && field.properties) walk(field.properties as IDataObject, path);
			else fields.push({ path, type: typeof field.type === 'string' ? field.type : null });
		}
	};
	walk(body?.properties as IDataObject | undefined, '');
	return fields;
}
