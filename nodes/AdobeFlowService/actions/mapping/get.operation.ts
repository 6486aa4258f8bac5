/** Mapping → Get: a mapping set by id, in either dialect the Platform returns it. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemContext } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { fetchMappingSet, mappingIdProperty, mappingOutput, readMappingId } from './mappingSets';

export const option = { name: 'Get', value: 'get', action: 'Get a mapping', description: 'Get a mapping set by its ID; returns its version, schema ID and the column-to-field pairs' };
export const readsOnly = true;

export const description = forOperation('mapping', 'get', [mappingIdProperty]);

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	return [mappingOutput(await fetchMappingSet(client, readMappingId(this, itemIndex), itemIndex))];
}
