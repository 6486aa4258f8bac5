/** Output shaping several operations share: times as ISO 8601, connections without their secrets. */
import type { IDataObject } from 'n8n-workflow';

import { findConnectorBySpecId, shownParamNames } from '../../connectors';

/**
 * A connection as the user sees it in output: what the Platform returned, minus anything secret,
 * with the same keys every time — `description` and `connector` (its name, null for a connector the
 * node has no entry for) are null rather than missing.
 */
/**
 * Every time in the node's output, one way: ISO 8601 in UTC. The Platform writes epoch milliseconds
 * (Flow Service), ISO strings or epoch seconds (Data Prep's examples differ); null when it gives none.
 */
export function isoTime(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return new Date(value < 1e11 ? value * 1000 : value).toISOString();
	if (typeof value === 'string' && value !== '') {
		const parsed = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
		return Number.isNaN(parsed) ? null : isoTime(parsed);
	}
	return null;
}

export function publicConnection(connection: IDataObject): IDataObject {
	const { auth, ...rest } = connection;
	const authObject = auth as { specName?: unknown; params?: IDataObject } | undefined;
	const connector = findConnectorBySpecId(String((connection.connectionSpec as IDataObject | undefined)?.id ?? ''));
	// Only the parameters of a known connector that are known not to be secret are shown.
	const shown = connector ? shownParamNames(connector, authObject?.specName) : [];
	const params = Object.fromEntries(Object.entries(authObject?.params ?? {}).filter(([key]) => shown.includes(key)));
	return {
		...rest,
		createdAt: isoTime(rest.createdAt),
		updatedAt: isoTime(rest.updatedAt),
		description: typeof rest.description === 'string' ? rest.description : null,
		connector: connector?.displayName ?? null,
		auth: { specName: authObject?.specName ?? null, params },
	};
}
