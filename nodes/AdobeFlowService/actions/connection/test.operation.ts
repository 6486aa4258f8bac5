/** Connection → Test: asks the Platform to reach the database behind a connection. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemContext } from '../shared/operation';
import { connectionLocator, readConnectionId } from '../shared/locators';
import { forOperation } from '../shared/operation';

export const option = { name: 'Test', value: 'test', action: 'Test a connection', description: 'Check that the Platform can reach the database behind a connection, by its ID; returns result true or false, with a hint when false' };
// Asks the Platform to reach the database and reports whether it could: nothing on the Platform changes.
export const readsOnly = true;

export const description = forOperation('connection', 'test', [connectionLocator('The connection to test')]);

export const FAILED_TEST_HINT =
	'The Platform could not reach the database with this connection. Check the host, port, database and credentials, and that the database accepts connections from Adobe Experience Platform (allow-list the IP addresses Adobe publishes for your region).';

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const id = readConnectionId(this, itemIndex);
	const { body } = await client.request<{ result?: boolean }>({ method: 'GET', path: `/connections/${encodeURIComponent(id)}/test`, itemIndex });
	const result = body?.result === true;
	return [{ id, result, message: result ? null : FAILED_TEST_HINT }];
}
