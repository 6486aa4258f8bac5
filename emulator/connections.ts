/** `/connections`: create, list, get, update (JSON Patch with If-Match), delete, test and explore. */
import { authParamsProblem } from './authParams';
import type { Clock } from './clock';
import { flowError } from './errors';
import type { DatabaseAccess } from './explore';
import { describeTable, listTables, SourceError, targetOf, testConnection } from './explore';
import type { RequestContext } from './gateway';
import type { Pager } from './listing';
import { checkParameters, filterItems, orderItems, readFilters } from './listing';
import { applyPatch } from './patch';
import type { ConnectionStore, StoredConnection } from './store';
import { makeConnection, newEtag, publicView, sameEtag } from './store';
import { authSpecFile, connectorFile } from './specs';


export class Connections {
	constructor(
		readonly store: ConnectionStore,
		private readonly pager: Pager,
		private readonly clock: Clock,
		private readonly databaseAccess?: DatabaseAccess,
	) {}

	find(ctx: RequestContext, id: string): StoredConnection {
		const connection = this.store.bucket(ctx.org, ctx.sandbox).get(id);
		if (!connection) throw flowError('notFound', `The requested connection resource ${id} is not found.`, ctx.requestId);
		return connection;
	}

	create(ctx: RequestContext, body: unknown): StoredConnection {
		const request = (body ?? {}) as Record<string, unknown>;
		const specRef = request.connectionSpec as { id?: unknown; version?: unknown } | undefined;
		const file = typeof specRef?.id === 'string' ? connectorFile(specRef.id) : undefined;
		if (!file) throw flowError('invalidSpec', 'The spec ID provided is invalid. Please provide a valid spec ID and try again.', ctx.requestId);
		if (typeof request.name !== 'string' || request.name.trim() === '') {
			throw flowError('mandatoryField', 'The mandatory field name is not provided. Please provide the name and try again.', ctx.requestId);
		}
		if (request.description !== undefined && typeof request.description !== 'string') {
			throw flowError('invalidParamValue', 'The provided param value is not a valid input for property=description.', ctx.requestId);
		}
		const auth = request.auth as { specName?: unknown; type?: unknown; params?: unknown } | undefined;
		const authSpec = file.authSpecs.find((candidate) => candidate.name === auth?.specName);
		if (!authSpec) {
			throw flowError('unknownAuthSpec', `The auth spec '${String(auth?.specName)}' could not be found for the connection spec ID ${file.connectionSpec.id}.`, ctx.requestId);
		}
		const problem = authParamsProblem(authSpec, auth!.params);
		if (problem) throw flowError('mandatoryField', problem, ctx.requestId);
		const connection = makeConnection(ctx, {
			name: request.name,
			...(typeof request.description === 'string' ? { description: request.description } : {}),
			connectionSpec: { id: file.connectionSpec.id, version: typeof specRef?.version === 'string' ? specRef.version : file.connectionSpec.version },
			auth: { specName: authSpec.name, ...(typeof auth!.type === 'string' ? { type: auth!.type } : {}), params: auth!.params as Record<string, string> },
		}, this.clock.now());
		this.store.put(connection);
		return connection;
	}

	list(ctx: RequestContext, query: URLSearchParams, rawQuery: string): unknown {
		checkParameters('/connections', query, ctx.requestId);
		const all = this.pager.listed([...this.store.bucket(ctx.org, ctx.sandbox).values()], (c) => c.createdAt);
		const items = orderItems(filterItems(all, readFilters(query, ctx.requestId)), query.get('orderby'), ctx.requestId);
		const page = this.pager.page('/connections', items, query, rawQuery, ctx.requestId);
		return 'items' in page ? { ...page, items: page.items.map(publicView) } : page;
	}

	update(ctx: RequestContext, id: string, ifMatch: string | undefined, operations: unknown): StoredConnection {
		const connection = this.find(ctx, id);
		if (!ifMatch) throw flowError('ifMatchMissing', "The header 'If-Match' is missing in the request. Please provide the header and try again.", ctx.requestId);
		if (!sameEtag(ifMatch, connection.etag)) {
			throw flowError('versionMismatch', `The supplied version '${ifMatch}' does not match the current version on entity '${connection.etag}'. Please ensure that the supplied version matches the current version on entity and try again.`, ctx.requestId);
		}
		const authSpec = authSpecFile(connection.connectionSpec.id, connection.auth.specName);
		const next = applyPatch(connection, operations, ctx.requestId, (params) => (authSpec ? authParamsProblem(authSpec, params) : undefined));
		next.etag = newEtag();
		next.version = next.etag;
		next.updatedAt = this.clock.now();
		next.updatedBy = `${ctx.clientId}@AdobeID`;
		next.updatedClient = ctx.clientId;
		this.store.put(next);
		return next;
	}

	delete(ctx: RequestContext, id: string): void {
		this.find(ctx, id);
		if (this.store.inUse.has(id) || this.store.usedByFlow(ctx.org, ctx.sandbox, id)) {
			throw flowError('inUse', `The base connection with the ID ${id} cannot be deleted because the base connection is being used in one or more flows. Please ensure that corresponding flows are deleted before deleting a base connection.`, ctx.requestId);
		}
		this.store.bucket(ctx.org, ctx.sandbox).delete(id);
	}

	async test(ctx: RequestContext, id: string): Promise<{ result: boolean }> {
		const connection = this.find(ctx, id);
		let result = false;
		try {
			result = await testConnection(targetOf(connection), this.databaseAccess);
		} catch {
			result = false;
		}
		return { result };
	}

	/** `objectType` in either spelling Adobe uses: lower case in the tutorials, upper case in the OpenAPI enum. */
	async explore(ctx: RequestContext, id: string, query: URLSearchParams): Promise<unknown> {
		const connection = this.find(ctx, id);
		const objectType = (query.get('objectType') ?? '').toUpperCase();
		if (!['ROOT', 'TABLE', 'FOLDER', 'FILE', 'REST'].includes(objectType)) {
			throw flowError('badObjectType', "The provided param 'objectType' is invalid. Please provide a valid objectType and try again.", ctx.requestId);
		}
		if (!authSpecFile(connection.connectionSpec.id, connection.auth.specName)?.explore || objectType === 'FILE' || objectType === 'REST') {
			throw flowError('exploreUnsupported', `Explore connection is not supported for connection spec ID: ${connection.connectionSpec.id}. Please provide supported connection spec id and try again.`, ctx.requestId);
		}
		try {
			const target = targetOf(connection);
			if (objectType === 'ROOT') return await listTables(target, this.databaseAccess);
			const object = query.get('object');
			if (!object) {
				throw flowError('exploreParamMissing', `The object cannot be empty for objectType=${query.get('objectType')}. Please provide valid object and try again.`, ctx.requestId);
			}
			if (objectType === 'FOLDER') return [];
			return await describeTable(target, object, query.get('preview') === 'true', this.databaseAccess);
		} catch (error) {
			if (!(error instanceof SourceError)) throw error;
			if (error.kind === 'notFound') throw flowError('noColumns', error.message, ctx.requestId);
			throw flowError('sourceFailed', `Source connection failed: ${error.message}`, ctx.requestId);
		}
	}
}
