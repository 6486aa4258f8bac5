/**
 * Dataflows (`/flows`) of the CRMToAEP flow spec, from Adobe's database dataflow tutorial, the update,
 * delete and monitoring tutorials and the OpenAPI: create (201 `{id, etag}`), get and list
 * (`{items}`), JSON Patch with If-Match, `POST /flows/{id}/action?op=enable|disable`, delete (204).
 * Runs are made by runs.ts when a schedule comes due.
 *
 * `options` (error diagnostics, partial ingestion) are kept as the partial-ingestion page shows them
 * (help/ingestion/batch-ingestion/partial.md): a top-level object, its percent read back as a number
 * though the page's PATCH sends the string "10"; see flowPatch.ts, with what a PATCH may change.
 */
import { randomUUID } from 'node:crypto';

import type { Clock } from '../clock';
import { flowError } from '../errors';
import type { RequestContext } from '../gateway';
import type { Pager } from '../listing';
import { checkParameters, filterItems, orderItems, readFilters } from '../listing';
import { applyJsonPatch } from '../patch';
import { newEtag, sameEtag } from '../store';
import type { Stamp } from './buckets';
import { Buckets, stamp } from './buckets';
import type { FlowConnections } from './flowConnections';
import { FLOW_PATCH_PATHS, readOptions, transformationRules } from './flowPatch';
import type { MappingSets } from './mappingSets';
import type { Schedule } from './schedule';
import { readSchedule, scheduleParams } from './schedule';

/** The batch flow spec of every table-based source (the tutorial's `GET /flowSpecs?property=name=="CRMToAEP"`). */
export const CRM_TO_AEP = {
	id: '14518937-270c-4525-bdec-c2ba7cce3860',
	name: 'CRMToAEP',
	providerId: '0ed90a81-07f4-4586-8190-b40eccef1c5a',
	version: '1.0',
	attributes: { isSourceFlow: true, flacValidationSupported: true, frequency: 'batch' },
	/** The database specs of the tutorial's list (MariaDB as 3000eb99-…; the appendix drops its first digit). */
	sourceConnectionSpecIds: [
		'3416976c-a9ca-4bba-901a-1f08f66978ff', 'aac9bbd4-6c01-46ce-b47e-51c6f0f6db3f', '6a8d82bc-1caf-45d1-908d-cadabc9d63a6',
		'0479cc14-7651-4354-b233-7480606c2ac3', 'a49bcc7d-8038-43af-b1e4-5a7a089a7d79', 'ecde33f2-c56f-46cc-bdea-ad151c16cd69',
		'3c9b37f8-13a6-43d8-bad3-b863b941fedd', '37b6bf40-d318-4655-90be-5cd6f65d334b', '09182899-b429-40c9-a15a-bf3ddbc8ced7',
		'3000eb99-cd47-43f3-827c-43caf170f015', '1f372ff9-38a4-4492-96f5-b9a4e4bd00ec', '26d738e0-8963-47ea-aadf-c60de735468a',
		'd6b52d86-f0f8-475f-89d4-ce54c8527328', '74a1c565-4e59-48d7-9d67-7c03b8a13137',
	],
	targetConnectionSpecIds: ['c604ff05-7f1a-43c0-8e18-33bf874cb11c'],
};

export interface Transformation {
	name: string;
	params: Record<string, unknown>;
}

export interface StoredFlow extends Stamp {
	id: string;
	name: string;
	description?: string;
	flowSpec: { id: string; version: string };
	state: 'enabled' | 'disabled';
	etag: string;
	version: string;
	sourceConnectionIds: string[];
	targetConnectionIds: string[];
	inheritedAttributes: Record<string, unknown>;
	scheduleParams: Record<string, string>;
	transformations: Transformation[];
	runs: string;
	options?: Record<string, unknown>;
	lastRunDetails?: Record<string, unknown>;
	lastOperation?: Record<string, unknown>;
}

export function scheduleOf(flow: StoredFlow): Schedule {
	return readSchedule(flow.scheduleParams, 'stored');
}

export function deltaColumnOf(flow: StoredFlow): { name: string } | undefined {
	const copy = flow.transformations.find((t) => t.name === 'Copy');
	const delta = copy?.params?.deltaColumn as { name?: unknown } | undefined;
	return typeof delta?.name === 'string' ? { name: delta.name } : undefined;
}

export class Flows {
	readonly flows = new Buckets<StoredFlow>();

	constructor(
		private readonly connections: FlowConnections,
		private readonly mappings: MappingSets,
		private readonly pager: Pager,
		private readonly clock: Clock,
	) {
		connections.usedByFlow = (ctx, id) => this.flows.all(ctx).some((f) => f.sourceConnectionIds.includes(id) || f.targetConnectionIds.includes(id));
	}

	/** Whether a dataflow's source connection reads through this base connection. */
	usesBaseConnection(org: string, sandbox: string, id: string): boolean {
		const sources = this.connections.sources.bucket(org, sandbox);
		return this.flows.all({ org, sandbox }).some((f) => f.sourceConnectionIds.some((s) => sources.get(s)?.baseConnectionId === id));
	}

	/** Transformations as the flow spec asks: a Mapping whose schema is the target's; a Copy delta column unless once. */
	private checkTransformations(ctx: RequestContext, raw: unknown, schedule: Schedule, targetSchemaId: string): Transformation[] {
		if (!Array.isArray(raw) || raw.some((t) => typeof t?.name !== 'string' || (t.params !== undefined && typeof t.params !== 'object'))) {
			throw flowError('transformationsUnreadable', 'Failed to parse Transformations in flow request. Please check the transformations in your request and try again.', ctx.requestId);
		}
		const transformations = raw.map((t: Transformation) => ({ name: t.name, params: t.params ?? {} }));
		const mapping = transformations.find((t) => t.name === 'Mapping');
		if (!mapping) {
			throw flowError('mappingMissing', 'The source columns could not be fetched for ingestion because the mapping transformation is missing. Please add the mapping transformation and try again.', ctx.requestId);
		}
		const { mappingId, mappingVersion } = mapping.params;
		const set = typeof mappingId === 'string' ? this.mappings.find(ctx, mappingId) : undefined;
		if (!set) {
			throw flowError('mappingInvalid', `Error while validating mapping with id ${String(mappingId)}, version ${String(mappingVersion)}. This could be because of inadequate permissions on mapped fields. Please check your mapping or contact your admin.`, ctx.requestId);
		}
		// A version the set has had: 0 up to its current one (Data Prep numbers them from 0), as a number or its string.
		const version = typeof mappingVersion === 'number' || (typeof mappingVersion === 'string' && /^\d+$/.test(mappingVersion)) ? Number(mappingVersion) : NaN;
		if (!Number.isInteger(version) || version < 0 || version > set.version) {
			throw flowError('mappingVersion', 'Invalid Mapping Version in request. Please provide correct mapping version.', ctx.requestId);
		}
		if (set.schemaId !== targetSchemaId) {
			throw flowError('schemaMismatch', `The schema ${set.schemaId} of mapping ${set.id} does not match the schema ${targetSchemaId} of the target dataset.`, ctx.requestId);
		}
		// The flow spec's transformationSpec types mappingVersion as a string: sent as the number 0, it reads back "0" (update-dataflows.md).
		if (typeof mapping.params.mappingVersion === 'number') mapping.params = { ...mapping.params, mappingVersion: String(mapping.params.mappingVersion) };
		const copy = transformations.find((t) => t.name === 'Copy');
		const delta = copy?.params.deltaColumn as { name?: unknown } | undefined;
		if (schedule.frequency === 'once' && delta !== undefined) {
			throw flowError('deltaColumnWithOnce', 'The delta column in copy transform is not allowed when frequency is set to once. Please remove the delta column and try again.', ctx.requestId);
		}
		if (schedule.frequency !== 'once' && (typeof delta?.name !== 'string' || delta.name === '')) {
			throw flowError('deltaColumnMissing', 'The delta column is required in copy transformation when creating a CRM connector. Please provide delta column and try again.', ctx.requestId);
		}
		return transformations;
	}

	create(ctx: RequestContext, body: unknown): StoredFlow {
		const request = (body ?? {}) as Record<string, unknown>;
		if ('state' in request) throw flowError('stateInBody', 'The state of a flow cannot be given when it is created.', ctx.requestId);
		if (typeof request.name !== 'string' || request.name.trim() === '') {
			throw flowError('mandatoryField', 'The mandatory field name is not provided. Please provide the name and try again.', ctx.requestId);
		}
		const spec = request.flowSpec as { id?: unknown; version?: unknown } | undefined;
		if (spec?.id !== CRM_TO_AEP.id) throw flowError('invalidSpec', 'The spec ID provided is invalid. Please provide a valid spec ID and try again.', ctx.requestId);
		const one = (kind: 'source' | 'target', ids: unknown): string => {
			if (!Array.isArray(ids) || ids.length !== 1 || typeof ids[0] !== 'string' || ids[0] === '') {
				throw flowError('connectionIdNull', `The ${kind} connection ID can't be null in flowRequest. Please provide valid ${kind} connection ID in flowRequest.`, ctx.requestId);
			}
			return ids[0];
		};
		const source = this.connections.findSource(ctx, one('source', request.sourceConnectionIds));
		const target = this.connections.findTarget(ctx, one('target', request.targetConnectionIds));
		if (!CRM_TO_AEP.sourceConnectionSpecIds.includes(source.connectionSpec.id)) {
			throw flowError('invalidSpec', `The source connection spec ${source.connectionSpec.id} is not one of flow spec CRMToAEP.`, ctx.requestId);
		}
		const schedule = readSchedule(request.scheduleParams, ctx.requestId);
		const targetSchemaId = String((target.data.schema as { id?: unknown } | undefined)?.id);
		const transformations = this.checkTransformations(ctx, request.transformations, schedule, targetSchemaId);
		const options = readOptions(request.options, ctx.requestId);
		const id = randomUUID();
		return this.flows.put(ctx, {
			id,
			name: request.name,
			...(typeof request.description === 'string' ? { description: request.description } : {}),
			flowSpec: { id: CRM_TO_AEP.id, version: typeof spec.version === 'string' ? spec.version : '1.0' },
			state: 'enabled',
			sourceConnectionIds: [source.id],
			targetConnectionIds: [target.id],
			inheritedAttributes: {
				sourceConnections: [{ id: source.id, connectionSpec: source.connectionSpec, baseConnection: source.inheritedAttributes.baseConnection }],
				targetConnections: [{ id: target.id, connectionSpec: target.connectionSpec }],
			},
			scheduleParams: scheduleParams(schedule),
			transformations,
			// Not in Adobe's create examples nor the OpenAPI's create body: taken at the top level, where GET and PATCH have it (inferred).
			...(options ? { options } : {}),
			runs: `/runs?property=flowId==${id}`,
			...stamp(ctx, this.clock.now()),
		});
	}

	find(ctx: RequestContext, id: string): StoredFlow {
		const flow = this.flows.of(ctx).get(id);
		if (!flow) throw flowError('notFound', `The requested flow resource ${id} is not found.`, ctx.requestId);
		return flow;
	}

	list(ctx: RequestContext, query: URLSearchParams, rawQuery: string): unknown {
		checkParameters('/flows', query, ctx.requestId);
		const items = orderItems(filterItems(this.pager.listed(this.flows.all(ctx), (f) => f.createdAt), readFilters(query, ctx.requestId)), query.get('orderby'), ctx.requestId);
		return this.pager.page('/flows', items, query, rawQuery, ctx.requestId);
	}

	private checkVersion(ctx: RequestContext, flow: StoredFlow, ifMatch: string | undefined, required: boolean): void {
		if (!ifMatch && required) throw flowError('ifMatchMissing', "The header 'If-Match' is missing in the request. Please provide the header and try again.", ctx.requestId);
		if (ifMatch && !sameEtag(ifMatch, flow.etag)) {
			throw flowError('versionMismatch', `The supplied version '${ifMatch}' does not match the current version on entity '${flow.etag}'. Please ensure that the supplied version matches the current version on entity and try again.`, ctx.requestId);
		}
	}

	private touch(ctx: RequestContext, flow: StoredFlow): StoredFlow {
		flow.etag = newEtag();
		flow.version = flow.etag;
		flow.updatedAt = this.clock.now();
		flow.updatedBy = `${ctx.clientId}@AdobeID`;
		flow.updatedClient = ctx.clientId;
		return this.flows.put(ctx, flow);
	}

	/**
	 * JSON Patch on the name, description, schedule members, transformations and options (flowPatch.ts);
	 * the result is checked again as a create is. `lastOperation` reports the update as Adobe's look-up
	 * after a PATCH shows it: the ops as sent, completed at once here (the Platform may take a while).
	 */
	update(ctx: RequestContext, id: string, ifMatch: string | undefined, operations: unknown): StoredFlow {
		const flow = this.find(ctx, id);
		this.checkVersion(ctx, flow, ifMatch, true);
		const next = applyJsonPatch(flow, operations, { paths: FLOW_PATCH_PATHS, anyCase: true, ...transformationRules(ctx.requestId) }, ctx.requestId);
		const schedule = readSchedule(next.scheduleParams, ctx.requestId);
		const target = this.connections.findTarget(ctx, next.targetConnectionIds[0]);
		next.transformations = this.checkTransformations(ctx, next.transformations, schedule, String((target.data.schema as { id?: unknown }).id));
		next.scheduleParams = scheduleParams(schedule);
		const options = readOptions(next.options, ctx.requestId);
		if (options) next.options = options;
		else delete next.options;
		const now = this.clock.now();
		next.lastOperation = { started: now, updated: now, percentCompleted: 100.0, status: { value: 'completed', errors: [] }, ops: structuredClone(operations), operation: 'update' };
		return this.touch(ctx, next);
	}

	/** `op` in either case: the OpenAPI's enum is upper case, Adobe's destination tutorial writes `enable`. */
	action(ctx: RequestContext, id: string, op: string | null, ifMatch: string | undefined): StoredFlow {
		const flow = this.find(ctx, id);
		this.checkVersion(ctx, flow, ifMatch, false);
		const wanted = { ENABLE: 'enabled', DISABLE: 'disabled' }[(op ?? '').toUpperCase()] as StoredFlow['state'] | undefined;
		if (!wanted) throw flowError('badRequest', 'The request is invalid. Please check the request and try again.', ctx.requestId);
		if (flow.state === wanted) {
			throw flowError('actionNotAllowed', `The action ${String(op)} is not allowed for flow ${id} in state ${flow.state}.`, ctx.requestId);
		}
		return this.touch(ctx, { ...flow, state: wanted });
	}

	delete(ctx: RequestContext, id: string): void {
		this.find(ctx, id);
		this.flows.of(ctx).delete(id);
	}

	clear(): void {
		this.flows.clear();
	}
}
