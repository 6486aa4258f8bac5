/** Finding connections by name and connector: for re-run safe creates and lost answers. */
import type { IDataObject } from 'n8n-workflow';

import { anyOf, exactFilter } from '../../helpers/filters';
import type { FlowServiceClient } from '../../transport';

/**
 * Every connection with exactly this name and spec. Names are compared exactly after filtering, since
 * the Platform's filter may not be; a name the filter cannot express is found by reading every
 * connection of the spec.
 */
export async function listByNameAndSpec(client: FlowServiceClient, name: string, specId: string, itemIndex: number): Promise<IDataObject[]> {
	const byName = exactFilter('name', name);
	const property = byName ? [anyOf('connectionSpec.id', [specId]), byName] : [anyOf('connectionSpec.id', [specId])];
	const found = await client.getPaged<IDataObject>('/connections', { property }, { limit: byName ? 100 : undefined, itemIndex });
	return found.filter((c) => c.name === name);
}
