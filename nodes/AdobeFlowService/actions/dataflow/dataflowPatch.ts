/**
 * A change of an existing dataflow (Update, Update Schedule): read it for its etag, build the JSON
 * Patch from what it holds now, send it with If-Match, read it back (help/sources/tutorials/api/update-dataflows.md).
 * And the patches Update builds: name and description, the Mapping at its own index.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { FieldError } from '../../helpers/validation';
import type { FlowServiceClient } from '../../transport';
import { FlowServiceError } from '../../transport';
import type { Changes } from '../shared/createOnce';
import { patchExisting } from '../shared/createOnce';
import { validated } from '../shared/fieldErrors';
import { DATAFLOW, fetchEntity } from '../shared/flowObjects';

/** The Platform's answer to an If-Match of an etag that is no longer the flow's: 1404-412, changed by someone else since it was read. */
export function isStaleEtag(error: unknown): boolean {
	return error instanceof FlowServiceError && error.failure.status === 412;
}

/**
 * Reads the dataflow, builds the patch from it (`build` may throw a FieldError about what the flow
 * holds) and sends it with the etag just read. A stale etag reads the flow again and builds again,
 * once: what is merged into the flow (its options) then keeps the other writer's change, and what the
 * first send already did (its answer lost) is found done. Nothing to change: no PATCH.
 * `changes` are those of every build: what this update set that the flow did not have.
 */
export async function patchDataflow(
	context: IExecuteFunctions,
	client: FlowServiceClient,
	id: string,
	build: (flow: IDataObject) => Changes,
	itemIndex: number,
): Promise<{ flow: IDataObject; changes: string[] }> {
	const changes = new Set<string>();
	for (let attempt = 1; ; attempt++) {
		const flow = await fetchEntity(client, DATAFLOW, id, itemIndex);
		const patch = validated(context, itemIndex, () => build(flow));
		for (const change of patch.changes) changes.add(change);
		if (patch.ops.length === 0) return { flow, changes: [...changes] };
		const stale = await patchExisting(client, DATAFLOW.path, flow, patch.ops, itemIndex).then(
			() => false,
			(error: unknown) => {
				if (attempt === 1 && isStaleEtag(error)) return true;
				throw error;
			},
		);
		if (stale) continue;
		return { flow: await fetchEntity(client, DATAFLOW, id, itemIndex), changes: [...changes] };
	}
}

/** Name and description where they differ: `replace`, or `add` for a description the flow does not have (RFC 6902's replace needs one). */
export function textChanges(flow: IDataObject, wanted: { name?: string; description?: string }): Changes {
	const ops: IDataObject[] = [];
	const changes: string[] = [];
	if (wanted.name !== undefined && wanted.name !== flow.name) {
		ops.push({ op: 'replace', path: '/name', value: wanted.name });
		changes.push('name');
	}
	if (wanted.description !== undefined && wanted.description !== (flow.description ?? '')) {
		ops.push({ op: typeof flow.description === 'string' ? 'replace' : 'add', path: '/description', value: wanted.description });
		changes.push('description');
	}
	return { ops, changes };
}

/**
 * The Mapping transformation replaced at its own index: Adobe's page writes `/transformations/0`, but
 * a database dataflow holds its Copy (the incremental column) there and its Mapping at 1.
 * `mappingId` undefined keeps the flow's set (a new version of it).
 */
export function mappingChange(flow: IDataObject, mappingId: string | undefined, mappingVersion: number): Changes {
	const transformations = (Array.isArray(flow.transformations) ? flow.transformations : []) as IDataObject[];
	const index = transformations.findIndex((t) => t.name === 'Mapping');
	if (index < 0) throw new FieldError('Mapping', `cannot be changed: dataflow ${String(flow.id)} has no Mapping transformation`);
	const current = (transformations[index].params ?? {}) as IDataObject;
	const id = mappingId ?? String(current.mappingId);
	if (String(current.mappingId) === id && String(current.mappingVersion) === String(mappingVersion)) return { ops: [], changes: [] };
	return { ops: [{ op: 'replace', path: `/transformations/${index}`, value: { name: 'Mapping', params: { mappingId: id, mappingVersion } } }], changes: ['mapping'] };
}

/** Several patches as one: their operations in order, their changes together. */
export function together(...parts: Changes[]): Changes {
	return { ops: parts.flatMap((p) => p.ops), changes: parts.flatMap((p) => p.changes) };
}
