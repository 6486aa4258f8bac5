/**
 * Data Prep mapping sets (`/data/foundation/conversion/mappingSets`, help/data-prep/api/mapping-set.md):
 * created in either dialect Adobe documents — `outputSchema.schemaRef` with `source`/`destination`
 * (the Data Prep guide) or `xdmSchema` with `sourceAttribute`/`destinationXdmPath` (the database
 * tutorial) — answered 200 with a 32-hex id. Every destination must be a field of the schema, as
 * Data Prep's validation requires.
 *
 * Read back as the guide's look-up, list and mappings examples show a set, not as it was sent: each
 * `sourceType` in its media-type spelling (ATTRIBUTE → `text/x.schema-path`; EXPRESSION and STATIC as
 * the mapping-set overview spells them), an id per mapping, both sets of field names, the defaults
 * (`status` DRAFT, `strictMapping` and `allowNullValues` false, `identity` false, `matchScore` 0,
 * `functionVersion` 1), `schemaRef`, `xdmSchema` and `xdmVersion` beside `outputSchema`, and times
 * in whole seconds (the create's answer has milliseconds; the look-up of the same set does not).
 */
import { randomBytes } from 'node:crypto';

import type { Clock } from '../clock';
import { serviceError } from '../errors';
import type { RequestContext } from '../gateway';
import { Buckets } from './buckets';
import type { Pager } from '../listing';
import type { DataLake } from './dataLake';

export interface StoredMapping {
	id: string;
	sourceType: 'ATTRIBUTE' | 'EXPRESSION' | 'STATIC';
	source: string;
	destination: string;
	name?: string;
	description?: string;
}

/** How a read-back spells each `sourceType` the create takes (mapping-set.md's look-up; the overview, help/data-prep/mapping-set.md). */
export const WIRE_SOURCE_TYPE: Record<StoredMapping['sourceType'], string> = {
	ATTRIBUTE: 'text/x.schema-path',
	EXPRESSION: 'text/x.aep-xl',
	STATIC: 'text/plain',
};

const hexId = () => randomBytes(16).toString('hex');
const wholeSeconds = (ms: number) => Math.round(ms / 1000) * 1000;

export interface StoredMappingSet {
	id: string;
	version: number;
	schemaId: string;
	/** Data Prep's own id for its copy of the schema (`outputSchema.id` when read back). */
	outputSchemaId: string;
	mappings: StoredMapping[];
	createdDate: number;
	modifiedDate: number;
	createdBy: string;
	modifiedBy: string;
}

const CONTENT_TYPE = 'application/vnd.adobe.xed-full+json;version=1';

function bad(detail: string) {
	return serviceError('conversion', 400, 'Bad Request', detail);
}

function readMappings(raw: unknown): StoredMapping[] {
	if (!Array.isArray(raw) || raw.length === 0) throw bad('mappings must be a non-empty array');
	return raw.map((entry: Record<string, unknown>, index) => {
		const source = entry?.source ?? entry?.sourceAttribute;
		const destination = entry?.destination ?? entry?.destinationXdmPath;
		const sourceType = entry?.sourceType ?? 'ATTRIBUTE';
		if (typeof source !== 'string' || source === '') throw bad(`mappings[${index}].source is required`);
		if (typeof destination !== 'string' || destination === '') throw bad(`mappings[${index}].destination is required`);
		if (!['ATTRIBUTE', 'EXPRESSION', 'STATIC'].includes(String(sourceType))) throw bad(`mappings[${index}].sourceType must be ATTRIBUTE, EXPRESSION or STATIC`);
		const named = typeof entry.name === 'string' ? { name: entry.name } : {};
		const described = typeof entry.description === 'string' ? { description: entry.description } : {};
		return { id: hexId(), sourceType: sourceType as StoredMapping['sourceType'], source, destination, ...named, ...described };
	});
}

export class MappingSets {
	readonly sets = new Buckets<StoredMappingSet>();

	constructor(
		private readonly dataLake: DataLake,
		private readonly clock: Clock,
		private readonly pager?: Pager,
	) {}

	create(ctx: RequestContext, body: unknown): Record<string, unknown> {
		const request = (body ?? {}) as { outputSchema?: { schemaRef?: { id?: unknown } }; xdmSchema?: unknown; mappings?: unknown };
		const schemaId = request.outputSchema?.schemaRef?.id ?? request.xdmSchema;
		if (typeof schemaId !== 'string') throw bad('outputSchema.schemaRef.id is required');
		const schema = this.dataLake.findSchema(ctx, schemaId);
		if (!schema) throw bad(`The schema ${schemaId} does not exist`);
		const mappings = readMappings(request.mappings);
		const fields = new Set(schema.fields.map((f) => f.path));
		const unknown = mappings.filter((m) => !fields.has(m.destination)).map((m) => m.destination);
		if (unknown.length > 0) throw bad(`Mapping validation failed: the destination ${unknown.join(', ')} is not a field of schema ${schema.title}`);
		const now = this.clock.now();
		const set = this.sets.put(ctx, {
			id: hexId(),
			version: 0,
			schemaId: schema.id,
			outputSchemaId: hexId(),
			mappings,
			createdDate: now,
			modifiedDate: now,
			createdBy: `${ctx.clientId}@AdobeID`,
			modifiedBy: `${ctx.clientId}@AdobeID`,
		});
		const { id, version, createdDate, modifiedDate, createdBy, modifiedBy } = set;
		return { id, version, createdDate, modifiedDate, createdBy, modifiedBy };
	}

	find(ctx: RequestContext, id: string): StoredMappingSet | undefined {
		return this.sets.of(ctx).get(id);
	}

	get(ctx: RequestContext, id: string): Record<string, unknown> {
		const set = this.find(ctx, id);
		if (!set) throw serviceError('conversion', 404, 'Not Found', `Mapping set ${id} not found`);
		return this.publicSet(set);
	}

	/** `limit` and `start` are both required here (the Data Prep API reference). */
	list(ctx: RequestContext, query: URLSearchParams): Record<string, unknown> {
		const limit = Number(query.get('limit'));
		const start = Number(query.get('start'));
		if (!query.has('limit') || !query.has('start') || !Number.isInteger(limit) || !Number.isInteger(start) || limit < 1 || start < 0) {
			throw bad('The query parameters limit and start are required');
		}
		const all = (this.pager ? this.pager.listed(this.sets.all(ctx), (s) => s.createdDate) : this.sets.all(ctx)).sort((a, b) => a.createdDate - b.createdDate || a.id.localeCompare(b.id));
		const data = all.slice(start, start + limit).map((s) => this.publicSet(s));
		return { data, _page: { count: data.length, limit } };
	}

	private publicSet(set: StoredMappingSet): Record<string, unknown> {
		const schemaRef = { id: set.schemaId, contentType: CONTENT_TYPE };
		const createdDate = wholeSeconds(set.createdDate);
		const modifiedDate = wholeSeconds(set.modifiedDate);
		return {
			id: set.id,
			version: set.version,
			createdDate,
			modifiedDate,
			createdBy: set.createdBy,
			modifiedBy: set.modifiedBy,
			status: 'DRAFT',
			strictMapping: false,
			allowNullValues: false,
			supportVersion: '1.1',
			outputSchema: { id: set.outputSchemaId, version: 0, schemaRef },
			schemaRef,
			xdmSchema: set.schemaId,
			xdmVersion: CONTENT_TYPE,
			mappings: set.mappings.map((m) => ({
				id: m.id,
				version: 0,
				createdDate,
				modifiedDate,
				createdBy: set.createdBy,
				modifiedBy: set.modifiedBy,
				sourceType: WIRE_SOURCE_TYPE[m.sourceType],
				source: m.source,
				destination: m.destination,
				...(m.name !== undefined ? { name: m.name } : {}),
				...(m.description !== undefined ? { description: m.description } : {}),
				identity: false,
				primaryIdentity: false,
				matchScore: 0,
				functionVersion: 1,
				sourceAttribute: m.source,
				destinationXdmPath: m.destination,
			})),
		};
	}
}
