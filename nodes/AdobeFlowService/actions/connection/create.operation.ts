/** Connection → Create: builds the connector's `POST /connections` body and returns the new id and etag. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Connector } from '../../connectors';
import { findConnector } from '../../connectors';
import type { BuiltConnection } from '../../helpers/connectionBody';
import { buildConnection } from '../../helpers/connectionBody';
import { FieldError } from '../../helpers/validation';
import type { FlowServiceClient } from '../../transport';
import { FlowServiceError } from '../../transport';
import type { ItemContext } from '../common';
import { fieldError, forOperation, publicConnection, validated } from '../common';
import { connectorProperties, readConnectionInput } from './connectorFields';
import { findByNameAndSpec } from './lookup';

// The connector comes first: it decides which fields follow.
const [connectorSelector, ...connectorFields] = connectorProperties();

const properties: INodeProperties[] = [
	connectorSelector,
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
	...connectorFields,
];

export const description = forOperation('connection', 'create', properties);

function output(connector: Connector, built: BuiltConnection, id: string, etag: string, extra: IDataObject): IDataObject {
	return {
		id,
		etag,
		name: built.body.name,
		...(built.body.description ? { description: built.body.description } : {}),
		connector: connector.displayName,
		connectionSpecId: connector.connectionSpecId,
		connectionSpecVersion: connector.connectionSpecVersion,
		...extra,
	};
}

/**
 * Sends the create. When the answer is lost (reset, timeout, 5xx), the connection may exist
 * all the same: wait, then look for it before creating again, so that a create that went
 * through is not made twice.
 */
async function createOnce(client: FlowServiceClient, connector: Connector, built: BuiltConnection, itemIndex: number, startedAt: number) {
	const { createAttempts, createSettleMs } = client.policy;
	for (let attempt = 1; ; attempt++) {
		const outcome = await client
			.request<{ id: string; etag: string }>({
				method: 'POST',
				path: '/connections',
				body: built.body,
				idempotent: false,
				secrets: built.secrets,
				itemIndex,
			})
			.then(
				({ body }) => ({ created: body }),
				(error: unknown) => ({ error }),
			);
		if ('created' in outcome) return { id: outcome.created.id, etag: outcome.created.etag, recovered: false };
		const { error } = outcome;
		if (!(error instanceof FlowServiceError) || !error.mayHaveBeenProcessed || attempt >= createAttempts) throw error;
		// Give a create that is still being processed the time to finish, then look before creating again.
		await client.sleep(createSettleMs * attempt);
		const existing = await findByNameAndSpec(client, built.body.name, connector.connectionSpecId, itemIndex, startedAt);
		if (existing) return { id: String(existing.id), etag: String(existing.etag), recovered: true };
	}
}

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const connectorKey = this.getNodeParameter('connector', itemIndex) as string;
	const connector = findConnector(connectorKey);
	if (!connector) throw fieldError(this, new FieldError('Connector', 'is not one this node knows'), itemIndex);
	const input = readConnectionInput(this, connector, itemIndex);
	const built = validated(this, itemIndex, () => buildConnection(connector, input));
	const options = this.getNodeParameter('options', itemIndex, {}) as { dryRun?: boolean; ifExists?: string };

	if (options.dryRun) {
		return [{ dryRun: true, connector: connector.displayName, method: 'POST', path: '/connections', body: built.maskedBody as unknown as IDataObject }];
	}

	const ifExists = options.ifExists ?? 'reuse';
	if (ifExists !== 'create') {
		const existing = await findByNameAndSpec(client, built.body.name, connector.connectionSpecId, itemIndex);
		if (existing && ifExists === 'reuse') {
			return [{ ...output(connector, built, String(existing.id), String(existing.etag), { created: false, reused: true }), connection: publicConnection(existing) }];
		}
		if (existing) {
			throw fieldError(
				this,
				new FieldError('Name', `is already used by connection ${String(existing.id)} of the same connector`, 'Choose another name, or set If Connection Exists to Reuse It'),
				itemIndex,
			);
		}
	}
	const startedAt = Date.now();
	const created = await createOnce(client, connector, built, itemIndex, startedAt);
	return [output(connector, built, created.id, created.etag, { created: true, ...(created.recovered ? { recoveredAfterLostAnswer: true } : {}) })];
}
