/** What the editor loads for Create with "Other (by Connection Spec)": the spec's auth specs and their fields. */
import type { ILoadOptionsFunctions, INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';

import { authSpecFields, authSpecNames } from '../actions/connection/authSpecs';
import { client } from './listSearch/shared';

export async function getAuthSpecNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await authSpecNames.call(this, client(this));
}

export async function getAuthSpecFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await authSpecFields.call(this, client(this));
}
