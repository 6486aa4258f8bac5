/**
 * Source connections (a table of a base connection) and target connections (a Data Lake dataset),
 * from Adobe's database dataflow tutorial (help/sources/tutorials/api/collect/database-nosql.md):
 * create answers 201 `{id, etag}`, GET answers `{items: […]}`, lists page and filter as
 * `/connections` does, DELETE answers 204. Strict where the sources error catalog is.
 */
import { randomUUID } from 'node:crypto';

import type { Clock } from '../clock';
import { flowError } from '../errors';
import type { RequestContext } from '../gateway';
import type { Pager } from '../listing';
import { checkParameters, filterItems, orderItems, readFilters } from '../listing';
import type { ConnectionStore } from '../store';
import { newEtag, sameEtag } from '../store';
import type { Stamp } from './buckets';
import { Buckets, stamp } from './buckets';
import type { DataLake } from './dataLake';

export const DATA_LAKE_SPEC = 'c604ff05-7f1a-43c0-8e18-33bf874cb11c';

interface Common extends Stamp {
	id: string;
	name: string;
	description?: string;
	state: 'enabled';
	connectionSpec: { id: string; version: string };
	params: Record<string, unknown>;
	data: Record<string, unknown>;
}

export interface StoredSourceConnection extends Common {
	baseConnectionId: string;
	inheritedAttributes: { baseConnection: { id: string; connectionSpec: { id: string; version: string } } };
}

export type StoredTargetConnection = Common;

function common(ctx: RequestContext, request: Record<string, unknown>, spec: { id: string; version: string }, now: number): Omit<Common, 'params' | 'data'> {
	if (typeof request.name !== 'string' || request.name.trim() === '') {
		throw flowError('mandatoryField', 'The mandatory field name is not provided. Please provide the name and try again.', ctx.requestId);
	}
	return {
		id: randomUUID(),
		name: request.name,
		...(typeof request.description === 'string' ? { description: request.description } : {}),
		state: 'enabled',
		connectionSpec: spec,
		...stamp(ctx, now),
	};
}

export class FlowConnections {
	readonly sources = new Buckets<StoredSourceConnection>();
	readonly targets = new Buckets<StoredTargetConnection>();
	/** Whether a dataflow uses a source or target connection: then it cannot be deleted before the dataflow. */
	usedByFlow: (ctx: RequestContext, id: string) => boolean = () => false;

	constructor(
		private readonly baseConnections: ConnectionStore,
		private readonly dataLake: DataLake,
		private readonly pager: Pager,
		private readonly clock: Clock,
	) {}

	createSource(ctx: RequestContext, body: unknown): StoredSourceConnection {
		const request = (body ?? {}) as Record<string, unknown>;
		const baseId = request.baseConnectionId;
		const base = typeof baseId === 'string' ? this.baseConnections.bucket(ctx.org, ctx.sandbox).get(baseId) : undefined;
		if (!base) {
			throw flowError('sourceEntityNull', `The baseConnectionId cannot be null or empty in the source connection: ${String(request.name)}. Please provide valid baseConnectionId and try again.`, ctx.requestId);
		}
		const spec = request.connectionSpec as { id?: unknown; version?: unknown } | undefined;
		if (spec?.id !== base.connectionSpec.id) {
			throw flowError('invalidParamValue', `The provided param value ${String(spec?.id)} is not a valid input for property=connectionSpec.id: the base connection is of connection spec ${base.connectionSpec.id}. Please provide a valid param value and try again.`, ctx.requestId);
		}
		const data = (request.data ?? {}) as Record<string, unknown>;
		if (data.format !== 'tabular') {
			throw flowError('formatNotSupported', `The format of source data supplied=${String(data.format)} in SourceConnection is not supported. The allowed values are: [tabular]. Please provide allowed values and try again.`, ctx.requestId);
		}
		const params = (request.params ?? {}) as Record<string, unknown>;
		if (typeof params.tableName !== 'string' || params.tableName.trim() === '') {
			throw flowError('mandatoryField', 'The mandatory field params.tableName is not provided. Please provide the params.tableName and try again.', ctx.requestId);
		}
		if (params.columns !== undefined && !(Array.isArray(params.columns) && params.columns.every((c) => typeof (c as { name?: unknown })?.name === 'string'))) {
			throw flowError('invalidParamValue', 'The provided param value is not a valid input for property=params.columns. Please provide a valid param value and try again.', ctx.requestId);
		}
		const connectionSpec = { id: base.connectionSpec.id, version: typeof spec.version === 'string' ? spec.version : base.connectionSpec.version };
		return this.sources.put(ctx, {
			...common(ctx, request, connectionSpec, this.clock.now()),
			baseConnectionId: base.id,
			data: { format: 'tabular' },
			params,
			inheritedAttributes: { baseConnection: { id: base.id, connectionSpec: base.connectionSpec } },
		});
	}

	createTarget(ctx: RequestContext, body: unknown): StoredTargetConnection {
		const request = (body ?? {}) as Record<string, unknown>;
		const spec = request.connectionSpec as { id?: unknown; version?: unknown } | undefined;
		if (spec?.id !== DATA_LAKE_SPEC) {
			throw flowError('wrongTargetSpec', `The target connection spec ID is not valid=${String(spec?.id)}. The allowed value is: ${DATA_LAKE_SPEC}.`, ctx.requestId);
		}
		const params = (request.params ?? {}) as Record<string, unknown>;
		const dataSetId = params.dataSetId;
		const dataset = typeof dataSetId === 'string' ? this.dataLake.datasets.of(ctx).get(dataSetId) : undefined;
		if (!dataset) {
			throw flowError('dataSetIdEmpty', `The dataSetId param cannot be null or empty in target connection: ${String(request.name)}. Please provide valid dataSetId param and try again.`, ctx.requestId);
		}
		const schema = ((request.data ?? {}) as { schema?: { id?: unknown; version?: unknown } }).schema;
		if (schema?.id !== dataset.schemaRef.id) {
			throw flowError('targetSchemaNotDataset', `data.schema.id ${String(schema?.id)} is not the schema of dataset ${dataset.id} (${dataset.schemaRef.id})`, ctx.requestId);
		}
		if (typeof schema.version !== 'string' || !/^application\/vnd\.adobe\.xed-full\+json;\s*version=1(\.0)?$/.test(schema.version)) {
			throw flowError('invalidParamValue', `The provided param value ${String(schema.version)} is not a valid input for property=data.schema.version. Please provide a valid param value and try again.`, ctx.requestId);
		}
		const data = { ...(request.data as Record<string, unknown>) };
		return this.targets.put(ctx, { ...common(ctx, request, { id: DATA_LAKE_SPEC, version: typeof spec.version === 'string' ? spec.version : '1.0' }, this.clock.now()), data, params });
	}

	findSource(ctx: RequestContext, id: string): StoredSourceConnection {
		const found = this.sources.of(ctx).get(id);
		if (!found) throw flowError('notFound', `The requested sourceConnection resource ${id} is not found.`, ctx.requestId);
		return found;
	}

	findTarget(ctx: RequestContext, id: string): StoredTargetConnection {
		const found = this.targets.of(ctx).get(id);
		if (!found) throw flowError('notFound', `The requested targetConnection resource ${id} is not found.`, ctx.requestId);
		return found;
	}

	list(kind: 'sourceConnections' | 'targetConnections', ctx: RequestContext, query: URLSearchParams, rawQuery: string): unknown {
		const endpoint = `/${kind}`;
		checkParameters(endpoint, query, ctx.requestId);
		const all: Common[] = this.pager.listed(kind === 'sourceConnections' ? this.sources.all(ctx) : this.targets.all(ctx), (c) => c.createdAt);
		const items = orderItems(filterItems(all, readFilters(query, ctx.requestId)), query.get('orderby'), ctx.requestId);
		return this.pager.page(endpoint, items, query, rawQuery, ctx.requestId);
	}

	/**
	 * `PATCH` with `If-Match` (the OpenAPI's updateSourceConnection / updateTargetConnection): the name
	 * and the description. Adobe advises against changing what a dataflow reads or writes this way
	 * (create new connections and a new dataflow instead), so params and data are not patchable here.
	 */
	update(kind: 'sourceConnections' | 'targetConnections', ctx: RequestContext, id: string, ifMatch: string | undefined, operations: unknown): Common {
		const current: Common = kind === 'sourceConnections' ? this.findSource(ctx, id) : this.findTarget(ctx, id);
		if (!ifMatch) throw flowError('ifMatchMissing', "The header 'If-Match' is missing in the request. Please provide the header and try again.", ctx.requestId);
		if (!sameEtag(ifMatch, current.etag)) {
			throw flowError('versionMismatch', `The supplied version '${ifMatch}' does not match the current version on entity '${current.etag}'. Please ensure that the supplied version matches the current version on entity and try again.`, ctx.requestId);
		}
		if (!Array.isArray(operations) || operations.length === 0) {
			throw flowError('emptyBody', 'The request body cannot be null or empty. Please provide a request body and try again.', ctx.requestId);
		}
		const next = structuredClone(current);
		for (const operation of operations as Array<{ op?: unknown; path?: unknown; value?: unknown }>) {
			const op = String(operation?.op).toLowerCase();
			const path = String(operation?.path);
			if (!['add', 'replace', 'remove'].includes(op)) {
				throw flowError('unsupportedPatchOp', `Unsupported operation '${String(operation?.op)}' received. Please use one of the supported operation types and try again.`, ctx.requestId);
			}
			if (path === '/name' && op !== 'remove' && typeof operation.value === 'string' && operation.value.trim() !== '') next.name = operation.value;
			else if (path === '/description' && op !== 'remove' && typeof operation.value === 'string') next.description = operation.value;
			else if (path === '/description' && op === 'remove' && next.description !== undefined) delete next.description;
			else throw flowError('invalidPatchPath', `The path ${path} provided in ops is invalid. Please provide valid path ${path} and try again.`, ctx.requestId);
		}
		next.etag = newEtag();
		next.version = next.etag;
		next.updatedAt = Date.now();
		next.updatedBy = `${ctx.clientId}@AdobeID`;
		next.updatedClient = ctx.clientId;
		return kind === 'sourceConnections' ? this.sources.put(ctx, next as StoredSourceConnection) : this.targets.put(ctx, next);
	}

	delete(kind: 'sourceConnections' | 'targetConnections', ctx: RequestContext, id: string): void {
		if (kind === 'sourceConnections') this.findSource(ctx, id);
		else this.findTarget(ctx, id);
		if (this.usedByFlow(ctx, id)) {
			throw flowError('inUse', `The ${kind === 'sourceConnections' ? 'source' : 'target'} connection with the ID ${id} cannot be deleted because it is being used in one or more flows. Please ensure that corresponding flows are deleted first.`, ctx.requestId);
		}
		(kind === 'sourceConnections' ? this.sources : this.targets).of(ctx).delete(id);
	}

	clear(): void {
		this.sources.clear();
		this.targets.clear();
	}
}
