/**
 * The pipeline's Flow Service objects — source connections, target connections, dataflows — as
 * data: each kind's path, names and one output shape; reading their ids, reading one, listing by name.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { exactFilter } from '../../helpers/filters';
import { UUID } from '../../helpers/validation';
import type { FlowServiceClient } from '../../transport';
import { idLocator, readId } from './locators';
import { isoTime } from './outputs';

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

export const first = (value: unknown) => (Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null);

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
export const number = (value: unknown) => (value === undefined || value === null || value === '' || Number.isNaN(Number(value)) ? null : Number(value));

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

/**
 * A dataflow's error diagnostics and partial ingestion, from its `options`
 * (help/ingestion/batch-ingestion/partial.md); without them, as the flow spec's defaults: both off.
 */
export function flowOptions(item: IDataObject): { errorDiagnostics: boolean; partialIngestionPercent: number | null } {
	const options = (item.options ?? {}) as IDataObject;
	return {
		errorDiagnostics: options.errorDiagnosticsEnabled === true || options.errorDiagnosticsEnabled === 'true',
		partialIngestionPercent: number(options.partialIngestionPercent),
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
			mappingVersion: number(params('Mapping').mappingVersion),
			incrementalColumn: text((params('Copy').deltaColumn as IDataObject | undefined)?.name),
			schedule: {
				startTime: startTime === null ? null : new Date(startTime * 1000).toISOString(),
				frequency: text(schedule.frequency),
				interval: number(schedule.interval),
				backfill: schedule.backfill === undefined ? null : schedule.backfill === true || schedule.backfill === 'true',
			},
			...flowOptions(item),
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
	return readId(context, itemIndex, { parameter: kind.parameter, label: kind.label, noun: kind.noun, pattern: UUID, invalidHint: 'An ID looks like 2edc08ac-4df5-4fe6-936f-81a19ce92f5c' });
}

export async function fetchEntity(client: FlowServiceClient, kind: EntityKind, id: string, itemIndex?: number): Promise<IDataObject> {
	const { body } = await client.request<{ items?: IDataObject[] }>({ method: 'GET', path: `${kind.path}/${encodeURIComponent(id)}`, itemIndex });
	const item = body?.items?.[0];
	if (!item) throw new Error(`The Platform returned no ${kind.noun} for ${id}`);
	return item;
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
