/**
 * The minimum of the Schema Registry and Catalog that a dataflow needs: XDM schemas (listed with
 * `Accept: application/vnd.adobe.xed-id+json`, read whole with `…xed-full+json; version=1`,
 * help/xdm/api/schemas.md) and datasets (`GET /dataSets` answers an object keyed by dataset id,
 * `POST /dataSets` answers `["@/dataSets/{id}"]`, help/catalog/api/create-dataset.md and
 * list-objects.md). Every sandbox starts with one sample schema and dataset shaped like the sample
 * database's `sales.customers` table, as an AEP sandbox would hold the dataset a user ingests into.
 */
import { randomBytes } from 'node:crypto';

import type { Clock } from '../clock';
import { serviceError } from '../errors';
import type { RequestContext } from '../gateway';
import { Buckets } from './buckets';

export interface SchemaField {
	path: string;
	type: 'string' | 'integer' | 'number' | 'boolean';
	format?: 'date' | 'date-time' | 'email';
}

export interface StoredSchema {
	id: string;
	altId: string;
	title: string;
	version: string;
	fields: SchemaField[];
}

export interface StoredDataset {
	id: string;
	name: string;
	description?: string;
	schemaRef: { id: string; contentType: string };
	created: number;
	updated: number;
	imsOrg: string;
	sandboxName: string;
	/** Rows written into it by dataflow runs. */
	records: number;
}

export const TENANT = 'emulator';
export const SAMPLE_NAME = 'Sales customers (sample)';
/**
 * The sample's ids are the same in every sandbox, so that an example workflow can name them: the
 * dataset id and schema key of Adobe's database dataflow tutorial.
 */
export const SAMPLE_DATASET_ID = '6019e0e7c5dcf718db5ebc71';
export const SAMPLE_SCHEMA_KEY = '52b59140414aa6a370ef5e21155fd7a686744b8739ecc168';

export const SAMPLE_FIELDS: SchemaField[] = [
	{ path: '_id', type: 'string' },
	{ path: 'person.name.fullName', type: 'string' },
	{ path: 'personalEmail.address', type: 'string', format: 'email' },
	{ path: `_${TENANT}.id`, type: 'integer' },
	{ path: `_${TENANT}.name`, type: 'string' },
	{ path: `_${TENANT}.email`, type: 'string' },
	{ path: `_${TENANT}.city`, type: 'string' },
	{ path: `_${TENANT}.isActive`, type: 'boolean' },
	{ path: `_${TENANT}.lifetimeValue`, type: 'number' },
	{ path: `_${TENANT}.createdAt`, type: 'string', format: 'date-time' },
];

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export function makeSchema(title: string, fields: SchemaField[], key = hex(24)): StoredSchema {
	return { id: `https://ns.adobe.com/${TENANT}/schemas/${key}`, altId: `_${TENANT}.schemas.${key}`, title, version: '1.0', fields };
}

export function makeDataset(ctx: Pick<RequestContext, 'org' | 'sandbox'>, name: string, schemaId: string, now: number): StoredDataset {
	return {
		id: hex(12),
		name,
		schemaRef: { id: schemaId, contentType: 'application/vnd.adobe.xed-full+json;version=1' },
		created: now,
		updated: now,
		imsOrg: ctx.org,
		sandboxName: ctx.sandbox,
		records: 0,
	};
}

/** The schema's fields as XDM nests them: `person.name.fullName` → properties.person.properties.name… */
export function fullSchema(schema: StoredSchema): Record<string, unknown> {
	const root: Record<string, unknown> = {};
	for (const field of schema.fields) {
		const parts = field.path.split('.');
		let at = root;
		for (const part of parts.slice(0, -1)) {
			const node = (at[part] ??= { type: 'object', properties: {} }) as { properties: Record<string, unknown> };
			at = node.properties;
		}
		at[parts[parts.length - 1]] = field.format ? { type: field.type, format: field.format } : { type: field.type };
	}
	return {
		$id: schema.id,
		'meta:altId': schema.altId,
		'meta:resourceType': 'schemas',
		version: schema.version,
		title: schema.title,
		type: 'object',
		'meta:class': 'https://ns.adobe.com/xdm/context/profile',
		properties: root,
	};
}

export class DataLake {
	readonly schemas = new Buckets<StoredSchema>(() => [this.sampleSchema()]);
	readonly datasets = new Buckets<StoredDataset>((org, sandbox) => {
		const schema = [...this.schemas.bucket(org, sandbox).values()][0];
		return [{ ...makeDataset({ org, sandbox }, SAMPLE_NAME, schema.id, this.clock.now()), id: SAMPLE_DATASET_ID }];
	});

	constructor(private readonly clock: Clock) {}

	private sampleSchema(): StoredSchema {
		return makeSchema(SAMPLE_NAME, SAMPLE_FIELDS, SAMPLE_SCHEMA_KEY);
	}

	/** By `$id` (URL-encoded or not) or `meta:altId`, as the Schema Registry accepts both. */
	findSchema(ctx: RequestContext, idOrAltId: string): StoredSchema | undefined {
		return this.schemas.all(ctx).find((s) => s.id === idOrAltId || s.altId === idOrAltId);
	}

	listSchemas(ctx: RequestContext, query: URLSearchParams, accept: string): unknown {
		if (!/application\/vnd\.adobe\.xed(-id)?\+json/.test(accept)) {
			throw serviceError('schemaregistry', 406, 'Not Acceptable', 'The Accept header must be application/vnd.adobe.xed-id+json or application/vnd.adobe.xed+json');
		}
		const limit = Math.min(Number(query.get('limit') ?? 300) || 300, 300);
		const start = Number(query.get('start') ?? 0) || 0;
		const sorted = this.schemas.all(ctx).sort((a, b) => a.title.localeCompare(b.title));
		const page = sorted.slice(start, start + limit);
		const next = start + limit < sorted.length ? String(start + limit) : null;
		return {
			results: page.map((s) => ({ $id: s.id, 'meta:altId': s.altId, version: s.version, title: s.title })),
			_page: { orderby: 'title', next, count: page.length },
			_links: next ? { next: { href: `/data/foundation/schemaregistry/tenant/schemas?start=${next}&limit=${limit}` } } : {},
		};
	}

	getSchema(ctx: RequestContext, idOrAltId: string, accept: string): unknown {
		if (!/application\/vnd\.adobe\.xed(-full)?\+json/.test(accept)) {
			throw serviceError('schemaregistry', 406, 'Not Acceptable', 'The Accept header must name an XDM format, e.g. application/vnd.adobe.xed-full+json; version=1');
		}
		const schema = this.findSchema(ctx, idOrAltId);
		if (!schema) throw serviceError('schemaregistry', 404, 'Not Found', `The schema ${idOrAltId} was not found`);
		return fullSchema(schema);
	}

	listDatasets(ctx: RequestContext, query: URLSearchParams): Record<string, unknown> {
		for (const name of query.keys()) {
			if (!['limit', 'start', 'properties', 'name', 'orderBy'].includes(name)) {
				throw serviceError('catalog', 400, 'Bad Request', `The query parameter ${name} is not supported`);
			}
		}
		const limit = Number(query.get('limit') ?? 50);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw serviceError('catalog', 400, 'Bad Request', 'limit must be between 1 and 100');
		const start = Number(query.get('start') ?? 0) || 0;
		const name = query.get('name');
		const all = this.datasets
			.all(ctx)
			.filter((d) => name === null || d.name === name)
			.sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
		return Object.fromEntries(all.slice(start, start + limit).map((d) => [d.id, this.publicDataset(d)]));
	}

	getDataset(ctx: RequestContext, id: string): Record<string, unknown> {
		const dataset = this.datasets.of(ctx).get(id);
		if (!dataset) throw serviceError('catalog', 404, 'Not Found', `Dataset ${id} not found`);
		return { [id]: this.publicDataset(dataset) };
	}

	createDataset(ctx: RequestContext, body: unknown): string[] {
		const request = (body ?? {}) as { name?: unknown; schemaRef?: { id?: unknown; contentType?: unknown } };
		if (typeof request.name !== 'string' || request.name.trim() === '') throw serviceError('catalog', 400, 'Bad Request', 'name is required');
		const schemaId = request.schemaRef?.id;
		if (typeof schemaId !== 'string' || !this.findSchema(ctx, schemaId)) throw serviceError('catalog', 400, 'Bad Request', 'schemaRef.id must be the $id of an existing schema');
		const dataset = this.datasets.put(ctx, makeDataset(ctx, request.name, schemaId, this.clock.now()));
		return [`@/dataSets/${dataset.id}`];
	}

	private publicDataset(dataset: StoredDataset): Record<string, unknown> {
		const { id: _id, records: _records, ...rest } = dataset;
		// `files` is a relation the Catalog adds to every dataset (look-up-object.md).
		return { ...rest, version: '1.0.0', tags: {}, files: `@/dataSetFiles?dataSetId=${dataset.id}` };
	}

	clear(): void {
		this.schemas.clear();
		this.datasets.clear();
	}
}
