/** Finding an existing connection by name and connector: for re-run safe creates. */
import type { IDataObject } from 'n8n-workflow';

import type { FlowServiceClient } from '../../transport';

/** Quotes a value for a `property=` filter. Names with a comma cannot be filtered exactly (a comma is an OR-list). */
function filterable(name: string): boolean {
	return !name.includes(',');
}

/**
 * The newest connection with exactly this name and spec, created at or after `since` when given.
 * Names are compared exactly after filtering, since the Platform's filter may not be.
 */
export async function findByNameAndSpec(
	client: FlowServiceClient,
	name: string,
	specId: string,
	itemIndex: number,
	since?: number,
): Promise<IDataObject | undefined> {
	const property = [`connectionSpec.id==${specId}`];
	if (filterable(name)) property.push(`name==${name}`);
	const found = await client.getPaged<IDataObject>('/connections', { property }, filterable(name) ? 100 : undefined, itemIndex);
	const matches = found
		.filter((c) => c.name === name)
		.filter((c) => since === undefined || typeof c.createdAt !== 'number' || c.createdAt >= since - 60_000)
		.sort((a, b) => Number(b.createdAt ?? 0) - Number(a.createdAt ?? 0));
	return matches[0];
}
