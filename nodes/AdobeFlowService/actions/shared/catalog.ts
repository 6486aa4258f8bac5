/** Catalog's datasets and the Schema Registry's schemas: what a target connection and a mapping are made against. */
import type { IDataObject } from 'n8n-workflow';

import type { FlowServiceClient } from '../../transport';

const CATALOG_PAGE = 100;

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
