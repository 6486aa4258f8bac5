/**
 * What the pipeline's Flow Service objects — source connections, target connections, dataflows —
 * share: a locator, reading an id, Get, Get Many, Delete, finding one by name, and a create that is
 * safe to run again. Each kind is data (its path, names and output); each operation file picks the
 * generic operation for its kind.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { exactFilter } from '../helpers/filters';
import { FieldError, isUuid, readText } from '../helpers/validation';
import type { FlowServiceClient } from '../transport';
import type { ItemContext, Operation } from './common';
import type { Changes, Reusable } from './createOnce';
import { nameTaken, patchExisting } from './createOnce';
import { fieldError, forOperation, idLocator, isoTime, readLimit, returnAllOrLimit, validated } from './common';

export interface EntityKind {
	/** The node's resource value, e.g. `sourceConnection`. */
	resource: string;
	/** The Flow Service collection, e.g. `/sourceConnections`. */
	path: string;
	/** As a user reads it: `source connection`. */
	noun: string;
	/** The locator parameter's name and label. */
	parameter: string;
	label: string;
	searchListMethod: string;
	/** One output shape for every operation of the kind. */
	output(item: IDataObject): IDataObject;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
const first = (value: unknown) => (Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null);

export const SOURCE_CONNECTION: EntityKind = {
	resource: 'sourceConnection',
	path: '/sourceConnections',
	noun: 'source connection',
	parameter: 'sourceConnection',
	label: 'Source Connection',
	searchListMethod: 'searchSourceConnections',
	output: (item) => {
		const params = (item.params ?? {}) as IDataObject;
		return {
			id: String(item.id),
			name: text(item.name),
			description: text(item.description),
			baseConnectionId: text(item.baseConnectionId),
			table: text(params.tableName),
			columns: Array.isArray(params.columns) ? params.columns : [],
			connectionSpecId: text((item.connectionSpec as IDataObject | undefined)?.id),
			state: text(item.state),
			etag: text(item.etag),
			createdAt: isoTime(item.createdAt),
			updatedAt: isoTime(item.updatedAt),
		};
	},
};

export const TARGET_CONNECTION: EntityKind = {
	resource: 'targetConnection',
	path: '/targetConnections',
	noun: 'target connection',
	parameter: 'targetConnection',
	label: 'Target Connection',
	searchListMethod: 'searchTargetConnections',
	output: (item) => {
		const schema = ((item.data ?? {}) as IDataObject).schema as IDataObject | undefined;
		return {
			id: String(item.id),
			name: text(item.name),
			description: text(item.description),
			dataSetId: text((item.params as IDataObject | undefined)?.dataSetId),
			schemaId: text(schema?.id),
			schemaVersion: text(schema?.version),
			connectionSpecId: text((item.connectionSpec as IDataObject | undefined)?.id),
			state: text(item.state),
			etag: text(item.etag),
			createdAt: isoTime(item.createdAt),
			updatedAt: isoTime(item.updatedAt),
		};
	},
};

/** A number from a schedule, which Adobe writes as a string in its examples and as an integer in the flow spec. */
const number = (value: unknown) => (value === undefined || value === null || value === '' || Number.isNaN(Number(value)) ? null : Number(value));

/** A dataflow's last run (`lastRunDetails`), in the words and shape of Run's output: status, ISO times. */
function lastRunOutput(details: unknown): IDataObject | null {
	if (typeof details !== 'object' || details === null) return null;
	const run = details as IDataObject;
	return {
		id: text(run.id),
		status: text(run.state ?? run.status),
		startedAt: isoTime(run.startedAtUTC),
		completedAt: isoTime(run.completedAtUTC),
	};
}

export const DATAFLOW: EntityKind = {
	resource: 'dataflow',
	path: '/flows',
	noun: 'dataflow',
	parameter: 'dataflow',
	label: 'Dataflow',
	searchListMethod: 'searchDataflows',
	output: (item) => {
		const transformations = (Array.isArray(item.transformations) ? item.transformations : []) as IDataObject[];
		const params = (name: string) => (transformations.find((t) => t.name === name)?.params ?? {}) as IDataObject;
		const schedule = (item.scheduleParams ?? {}) as IDataObject;
		const startTime = number(schedule.startTime);
		return {
			id: String(item.id),
			name: text(item.name),
			description: text(item.description),
			state: text(item.state),
			sourceConnectionId: first(item.sourceConnectionIds),
			targetConnectionId: first(item.targetConnectionIds),
			mappingId: text(params('Mapping').mappingId),
			incrementalColumn: text((params('Copy').deltaColumn as IDataObject | undefined)?.name),
			schedule: {
				startTime: startTime === null ? null : new Date(startTime * 1000).toISOString(),
				frequency: text(schedule.frequency),
				interval: number(schedule.interval),
				backfill: schedule.backfill === undefined ? null : schedule.backfill === true || schedule.backfill === 'true',
			},
			lastRun: lastRunOutput(item.lastRunDetails),
			etag: text(item.etag),
			createdAt: isoTime(item.createdAt),
			updatedAt: isoTime(item.updatedAt),
		};
	},
};

export function entityLocator(kind: EntityKind, description: string): INodeProperties {
	return idLocator({ displayName: kind.label, name: kind.parameter, description, searchListMethod: kind.searchListMethod, example: '2edc08ac-4df5-4fe6-936f-81a19ce92f5c' });
}

export function readEntityId(context: IExecuteFunctions, itemIndex: number, kind: EntityKind): string {
	const raw = context.getNodeParameter(kind.parameter, itemIndex, '', { extractValue: true }) as unknown;
	const value = typeof raw === 'string' ? raw.trim() : raw;
	if (value === '' || value === undefined || value === null) {
		throw fieldError(context, new FieldError(kind.label, 'is required', `Pick a ${kind.noun} from the list, or give its ID, e.g. {{ $json.id }}`), itemIndex);
	}
	if (!isUuid(value)) throw fieldError(context, new FieldError(kind.label, `is not a valid ${kind.noun} ID`, 'An ID looks like 2edc08ac-4df5-4fe6-936f-81a19ce92f5c'), itemIndex);
	return value;
}

export async function fetchEntity(client: FlowServiceClient, kind: EntityKind, id: string, itemIndex?: number): Promise<IDataObject> {
	const { body } = await client.request<{ items?: IDataObject[] }>({ method: 'GET', path: `${kind.path}/${encodeURIComponent(id)}`, itemIndex });
	const item = body?.items?.[0];
	if (!item) throw new Error(`The Platform returned no ${kind.noun} for ${id}`);
	return item;
}

function option(kind: EntityKind, value: string, name: string, action: string) {
	return { name, value, action };
}

export function getOperation(kind: EntityKind): Operation {
	return {
		option: option(kind, 'get', 'Get', `Get a ${kind.noun}`),
		description: forOperation(kind.resource, 'get', [entityLocator(kind, `The ${kind.noun} to get`)]),
		execute: async function (this: IExecuteFunctions, { itemIndex, client }: ItemContext) {
			return [kind.output(await fetchEntity(client, kind, readEntityId(this, itemIndex, kind), itemIndex))];
		},
	};
}

export function deleteOperation(kind: EntityKind): Operation {
	return {
		option: option(kind, 'delete', 'Delete', `Delete a ${kind.noun}`),
		description: forOperation(kind.resource, 'delete', [entityLocator(kind, `The ${kind.noun} to delete`)]),
		execute: async function (this: IExecuteFunctions, { itemIndex, client }: ItemContext) {
			const id = readEntityId(this, itemIndex, kind);
			// A delete sent again after a lost answer that meets 404: the first one deleted it.
			await client.request({ method: 'DELETE', path: `${kind.path}/${encodeURIComponent(id)}`, itemIndex, recovery: { resentStatuses: [404], lookup: async () => ({}) } });
			return [{ deleted: true, id }];
		},
	};
}

/** Get Many with Return All / Limit and a Name filter, plus the kind's own `property` filters. */
export function getManyOperation(kind: EntityKind, filters: INodeProperties[] = [], readFilters: (filters: IDataObject) => string[] = () => []): Operation {
	const properties: INodeProperties[] = [
		...returnAllOrLimit(['getMany'], kind.resource),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [{ displayName: 'Name', name: 'name', type: 'string', default: '', description: `Only ${kind.noun}s with exactly this name` }, ...filters],
		},
	];
	return {
		option: option(kind, 'getMany', 'Get Many', `Get many ${kind.noun}s`),
		concurrent: false,
		description: forOperation(kind.resource, 'getMany', properties),
		execute: async function (this: IExecuteFunctions, { itemIndex, client }: ItemContext) {
			const limit = readLimit(this, itemIndex);
			const given = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const property = validated(this, itemIndex, () => readFilters(given));
			const name = validated(this, itemIndex, () => readText('Name', given.name, { required: false, max: 256 }));
			const byName = name ? exactFilter('name', name) : undefined;
			if (byName) property.push(byName);
			// A name the filter cannot express: read them all, keep the exact name, then apply the limit.
			const exactAfter = name !== '' && byName === undefined;
			const items = await client.getPaged<IDataObject>(kind.path, property.length ? { property } : {}, { limit: exactAfter ? undefined : limit, itemIndex });
			const kept = exactAfter ? items.filter((item) => item.name === name).slice(0, limit) : items;
			return kept.map(kind.output);
		},
	};
}

/**
 * Every object of the kind with exactly this name that also meets `property`. Names are compared
 * exactly after filtering, since the Platform's filter may not be; a name the filter cannot express
 * is found by reading every object of the kind.
 */
export async function listByName(client: FlowServiceClient, kind: EntityKind, name: string, property: string[], itemIndex: number): Promise<IDataObject[]> {
	const byName = exactFilter('name', name);
	const found = await client.getPaged<IDataObject>(kind.path, { property: byName ? [...property, byName] : property }, { limit: byName ? 100 : undefined, itemIndex });
	return found.filter((item) => item.name === name);
}

/**
 * A source connection, target connection or dataflow for createOnce: found by its name and
 * `property` filters, made by POST, removed by DELETE, updated by the JSON Patch `update` finds.
 */
export function reusableEntity(
	{ itemIndex, client }: ItemContext,
	kind: EntityKind,
	body: IDataObject & { name: string },
	property: string[],
	conflict?: (existing: IDataObject) => string | undefined,
	update?: (existing: IDataObject) => Changes,
): Reusable {
	return {
		noun: kind.noun,
		key: JSON.stringify([kind.path, body.name, ...property]),
		list: async () => await listByName(client, kind, body.name, property, itemIndex),
		post: async (recover) => {
			const { body: answer, recovered } = await client.request<{ id: string; etag?: string }>({
				method: 'POST',
				path: kind.path,
				body,
				idempotent: false,
				itemIndex,
				recovery: { lookup: async () => (await recover()) as { id: string } | undefined },
			});
			return { item: { ...body, id: answer.id, etag: answer.etag, state: 'enabled' }, recovered };
		},
		read: async (id) => await fetchEntity(client, kind, id, itemIndex),
		remove: async (id) => {
			await client.request({ method: 'DELETE', path: `${kind.path}/${encodeURIComponent(id)}`, itemIndex, recovery: { resentStatuses: [404], lookup: async () => ({}) } });
		},
		conflict,
		update: async (existing) => {
			const { ops, changes } = update?.(existing) ?? { ops: [], changes: [] };
			if (ops.length === 0) return { item: existing, changes: [] };
			await patchExisting(client, kind.path, existing, ops, itemIndex);
			return { item: await fetchEntity(client, kind, String(existing.id), itemIndex), changes };
		},
		taken: nameTaken(kind.noun),
	};
}
