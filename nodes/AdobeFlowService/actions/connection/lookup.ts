/** Finding an existing connection by name and connector: for re-run safe creates and lost answers. */
import type { IDataObject } from 'n8n-workflow';

import { anyOf, exactFilter } from '../../helpers/filters';
import type { FlowServiceClient } from '../../transport';

/**
 * The newest connection with exactly this name and spec, created at or after `since` when given.
 * Names are compared exactly after filtering, since the Platform's filter may not be; a name the
 * filter cannot express is found by reading every connection of the spec.
 */
export async function findByNameAndSpec(
	client: FlowServiceClient,
	name: string,
	specId: string,
	itemIndex: number,
	since?: number,
): Promise<IDataObject | undefined> {
	const byName = exactFilter('name', name);
	const property = byName ? [anyOf('connectionSpec.id', [specId]), byName] : [anyOf('connectionSpec.id', [specId])];
	const found = await client.getPaged<IDataObject>('/connections', { property }, { limit: byName ? 100 : undefined, itemIndex });
	const matches = found
		.filter((c) => c.name === name)
		.filter((c) => since === undefined || typeof c.createdAt !== 'number' || c.createdAt >= since - 60_000)
		.sort((a, b) => Number(b.createdAt ?? 0) - Number(a.createdAt ?? 0));
	return matches[0];
}
