/**
 * Connection → Update: name, description and credentials, as a JSON Patch.
 * Reads the current etag itself and sends it as If-Match, so a concurrent change is refused (412).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findConnectorBySpecId } from '../../connectors';
import { buildAuthParams } from '../../helpers/connectionBody';
import { FieldError, LIMITS, readText } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { connectionLocator, readConnectionId } from '../shared/locators';
import { fieldError, validated } from '../shared/fieldErrors';
import { forOperation, updateFieldsCollection } from '../shared/operation';
import { connectorProperties, readAuthInput, readConnector } from './connectorFields';
import { fetchConnection } from './get.operation';

export const option = { name: 'Update', value: 'update', action: 'Update a connection', description: 'Rename a connection or replace its login, by its ID; returns its ID, new etag and what was updated' };

const credentialFields = connectorProperties({ other: false }).map((property) => ({
	...property,
	displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, updateCredentials: [true] } },
}));

const properties: INodeProperties[] = [
	connectionLocator('The connection to update'),
	updateFieldsCollection([
		{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'New description of the connection' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New name of the connection' },
	]),
	{
		displayName: 'Update Credentials',
		name: 'updateCredentials',
		type: 'boolean',
		default: false,
		description: 'Whether to replace the credentials of the connection (e.g. to rotate a password). All of them are needed: the Platform never returns the old ones.',
	},
	...credentialFields,
];

export const description = forOperation('connection', 'update', properties);

export async function execute(this: IExecuteFunctions, item: ItemContext): Promise<IDataObject[]> {
	const { itemIndex, client } = item;
	const id = readConnectionId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const patch: IDataObject[] = [];
	let secrets: string[] = [];
	validated(this, itemIndex, () => {
		if (fields.name !== undefined) patch.push({ op: 'replace', path: '/name', value: readText('Name', fields.name, { max: LIMITS.name }) });
		if (fields.description !== undefined) {
			// `add`, as in Adobe's update tutorial: a connection created without a description has no
			// such member, and JSON Patch's `replace` needs one; `add` sets it either way (RFC 6902 §4.1).
			patch.push({ op: 'add', path: '/description', value: readText('Description', fields.description, { required: false, max: LIMITS.description }) });
		}
	});
	const updateCredentials = this.getNodeParameter('updateCredentials', itemIndex, false) as boolean;
	let expectedSpec: string | undefined;
	let expectedAuth: { specName: string; displayName: string } | undefined;
	if (updateCredentials) {
		const connector = readConnector(this, itemIndex);
		const input = await readAuthInput(this, connector, itemIndex);
		const auth = validated(this, itemIndex, () => buildAuthParams(connector, input));
		patch.push({ op: 'replace', path: '/auth/params', value: auth.params });
		secrets = auth.secrets;
		expectedSpec = connector.connectionSpecId;
		expectedAuth = { specName: connector.authSpecName, displayName: connector.entry.auths.find((m) => m.key === connector.authKey)!.displayName };
	}
	if (patch.length === 0) {
		throw new NodeOperationError(this.getNode(), `Nothing to update [item ${itemIndex}]`, {
			description: 'Add a field under Update Fields, or turn on Update Credentials.',
			itemIndex,
		});
	}

	const current = await fetchConnection(this, item, id);
	const currentSpec = String((current.connectionSpec as IDataObject | undefined)?.id ?? '');
	if (expectedSpec && currentSpec && currentSpec !== expectedSpec) {
		const actual = findConnectorBySpecId(currentSpec)?.displayName ?? `spec ${currentSpec}`;
		throw fieldError(this, new FieldError('Connector', `does not match the connection, which is ${actual}`, 'Choose the connector of the existing connection'), itemIndex);
	}
	// The patch replaces the params only: they must be those of the auth spec the connection was made with.
	const currentAuth = (current.auth as IDataObject | undefined)?.specName;
	if (expectedAuth && typeof currentAuth === 'string' && currentAuth !== expectedAuth.specName) {
		const made = findConnectorBySpecId(currentSpec)?.auths.find((m) => m.specName === currentAuth)?.displayName ?? currentAuth;
		throw fieldError(this, new FieldError('Authentication', `is ${expectedAuth.displayName}, but the connection was made with ${made}`, `Choose ${made}, or create a new connection`), itemIndex);
	}
	const etag = String(current.etag ?? '');
	const updated = patch.map((p) => String(p.path).slice(1).replace('auth/params', 'credentials'));
	const applied = (now: IDataObject) =>
		patch.every((p) => (p.path === '/name' ? now.name === p.value : p.path === '/description' ? (now.description ?? '') === p.value : false));
	const { body } = await client.request<{ id?: string; etag?: string }>({
		method: 'PATCH',
		path: `/connections/${encodeURIComponent(id)}`,
		headers: { 'If-Match': etag },
		body: patch,
		// If-Match makes a second send harmless: it meets a new etag and is refused.
		idempotent: true,
		secrets,
		itemIndex,
		// A resend after a lost answer that meets 412: the first may have been applied. Credentials cannot
		// be compared (the Platform masks them), so that case is reported.
		recovery: updateCredentials
			? undefined
			: {
					resentStatuses: [412],
					lookup: async () => {
						const now = await fetchConnection(this, item, id);
						return applied(now) ? { id, etag: String(now.etag) } : undefined;
					},
				},
	});
	return [{ id: body.id ?? id, etag: body.etag, updated }];
}
