/** Connection → Create: builds the connector's `POST /connections` body and returns the new id and etag. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { OTHER_CONNECTOR } from '../../connectors';
import { buildConnection } from '../../helpers/connectionBody';
import { FieldError } from '../../helpers/validation';
import type { ItemContext } from '../common';
import { fieldError, forOperation, validated } from '../common';
import { connectorProperties, readConnectionInput, readConnector } from './connectorFields';
import { findByNameAndSpec } from './lookup';
import type { PreparedConnection } from './otherConnector';
import { otherConnectorProperties, prepareOther } from './otherConnector';

export const option = { name: 'Create', value: 'create', action: 'Create a connection', description: 'Create a source connection for a database' };

// The connector comes first, with its notice (a beta label) under it: it decides which fields follow.
const [connectorSelector, ...connectorRest] = connectorProperties();
const notices = connectorRest.filter((p) => p.type === 'notice');
const connectorFields = connectorRest.filter((p) => p.type !== 'notice');

const properties: INodeProperties[] = [
	connectorSelector,
	...notices,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Sales warehouse',
		description: 'Name of the new connection, as shown in the Platform',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Description of the new connection',
	},
	...otherConnectorProperties,
	...connectorFields,
];

export const description = forOperation('connection', 'create', properties);

/**
 * Create's one output shape, whether it created or reused: every key is there each time
 * (`description` null when there is none), so expressions written against one run hold on the next.
 */
function output(connector: PreparedConnection['connector'], found: IDataObject, outcome: { created: boolean; recovered?: boolean }): IDataObject {
	return {
		id: String(found.id),
		etag: String(found.etag),
		name: String(found.name),
		description: typeof found.description === 'string' && found.description !== '' ? found.description : null,
		connector: connector.displayName,
		connectionSpecId: connector.connectionSpecId,
		connectionSpecVersion: connector.connectionSpecVersion,
		created: outcome.created,
		reused: !outcome.created,
		recoveredAfterLostAnswer: outcome.recovered === true,
	};
}

/** A connector of connectors.ts: its fields read and checked, its body built. */
async function prepareKnown(context: IExecuteFunctions, itemIndex: number): Promise<PreparedConnection> {
	const connector = readConnector(context, itemIndex);
	const input = await readConnectionInput(context, connector, itemIndex);
	return { built: validated(context, itemIndex, () => buildConnection(connector, input)), connector };
}

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const { built, connector } = this.getNodeParameter('connector', itemIndex) === OTHER_CONNECTOR ? await prepareOther(this, client, itemIndex) : await prepareKnown(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { dryRun?: boolean; ifExists?: string };

	if (options.dryRun) {
		return [{ dryRun: true, connector: connector.displayName, method: 'POST', path: '/connections', body: built.maskedBody as unknown as IDataObject }];
	}

	const ifExists = options.ifExists ?? 'reuse';
	if (ifExists !== 'create') {
		const existing = await findByNameAndSpec(client, built.body.name, connector.connectionSpecId, itemIndex);
		if (existing && ifExists === 'reuse') {
			return [output(connector, existing, { created: false })];
		}
		if (existing) {
			throw fieldError(
				this,
				new FieldError('Name', `is already used by connection ${String(existing.id)} of the same connector`, 'Choose another name, or set If It Exists to Reuse It'),
				itemIndex,
			);
		}
	}
	const startedAt = Date.now();
	const { body, recovered } = await client.request<{ id: string; etag: string }>({
		method: 'POST',
		path: '/connections',
		body: built.body,
		idempotent: false,
		secrets: built.secrets,
		itemIndex,
		// A create whose answer was lost may have gone through: a connection of this name and connector made since is it.
		recovery: {
			lookup: async () => {
				const existing = await findByNameAndSpec(client, built.body.name, connector.connectionSpecId, itemIndex, startedAt);
				return existing && { id: String(existing.id), etag: String(existing.etag) };
			},
		},
	});
	return [output(connector, { ...built.body, id: body.id, etag: body.etag }, { created: true, recovered })];
}
