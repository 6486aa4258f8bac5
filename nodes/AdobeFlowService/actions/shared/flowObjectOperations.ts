/**
 * The operations the pipeline's objects share — Get, Get Many, Delete — and a create safe to run
 * again (createOnce.ts) for each kind; each operation file picks the one for its kind.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { exactFilter } from '../../helpers/filters';
import { readText } from '../../helpers/validation';
import type { Changes, Reusable } from './createOnce';
import { nameTaken, patchExisting } from './createOnce';
import { validated } from './fieldErrors';
import type { EntityKind } from './flowObjects';
import { entityLocator, fetchEntity, listByName, readEntityId } from './flowObjects';
import { readLimit, returnAllOrLimit } from './lists';
import type { ItemContext, Operation } from './operation';
import { forOperation } from './operation';

/** An operation's entry, its description for people and for an agent's model: which IDs it needs, what it returns. */
export function option(kind: EntityKind, value: string, name: string, action: string, description: string) {
	return { name, value, action, description };
}

export function getOperation(kind: EntityKind): Operation {
	return {
		option: option(kind, 'get', 'Get', `Get a ${kind.noun}`, `Get a ${kind.noun} by its ID; returns its name, state, the IDs it links and its settings`),
		description: forOperation(kind.resource, 'get', [entityLocator(kind, `The ${kind.noun} to get`)]),
		execute: async function (this: IExecuteFunctions, { itemIndex, client }: ItemContext) {
			return [kind.output(await fetchEntity(client, kind, readEntityId(this, itemIndex, kind), itemIndex))];
		},
	};
}

export function deleteOperation(kind: EntityKind): Operation {
	return {
		option: option(kind, 'delete', 'Delete', `Delete a ${kind.noun}`, `Delete a ${kind.noun} by its ID; returns deleted true and the ID`),
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
		option: option(kind, 'getMany', 'Get Many', `Get many ${kind.noun}s`, `List ${kind.noun}s, optionally by name; returns one item per ${kind.noun} with its ID, name and state`),
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
