/** Searchable lists of what a connection is made from and shows: connections, connection specs, the tables behind one. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listRoot } from '../../actions/database/explore';
import { findConnectorBySpecId } from '../../connectors';
import { client, connectionEntry, matches, searchFlowService } from './shared';

export async function searchConnections(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchFlowService(this, '/connections', connectionEntry, filter, paginationToken);
}

export async function searchTables(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	let connectionId: unknown;
	try {
		connectionId = this.getCurrentNodeParameter('connection', { extractValue: true });
	} catch {
		connectionId = undefined;
	}
	if (typeof connectionId !== 'string' || connectionId.trim() === '') {
		throw new NodeOperationError(this.getNode(), 'Choose a connection first', { description: 'The tables listed here are those of the database behind the connection above.' });
	}
	const entries = await listRoot(client(this), connectionId);
	return {
		results: entries
			.filter((e) => e.type !== 'folder' && matches(filter, e.name, e.path))
			.map((e) => ({ name: String(e.name ?? e.path), value: String(e.path ?? e.name) })),
	};
}

export async function searchConnectionSpecs(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const specs = await client(this).getPaged<IDataObject>('/connectionSpecs', {}, { sendLimit: false });
	return {
		results: specs
			.filter((s) => matches(filter, s.name, s.id))
			.sort((a, b) => String(a.name).localeCompare(String(b.name)))
			.map((s) => ({ name: String(s.name ?? s.id), value: String(s.id) })),
	};
}

/** Connection specs of sources that take a base connection (an auth spec to sign in with): for Other. */
export async function searchSourceConnectionSpecs(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const specs = await client(this).getPaged<IDataObject>('/connectionSpecs', {}, { sendLimit: false });
	return {
		results: specs
			.filter((s) => Array.isArray(s.authSpec) && s.authSpec.length > 0 && (s.attributes as IDataObject | undefined)?.isSource !== false)
			.filter((s) => matches(filter, s.name, s.id))
			.sort((a, b) => String(a.name).localeCompare(String(b.name)))
			.map((s) => ({ name: `${String(s.name ?? s.id)}${findConnectorBySpecId(String(s.id)) ? ` (${findConnectorBySpecId(String(s.id))!.displayName})` : ''}`, value: String(s.id) })),
	};
}
