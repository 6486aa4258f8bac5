/**
 * The connection specs the emulator serves. Adobe does not publish the DB2 and GreenPlum
 * auth specs; they are reconstructed from the documented request bodies, from the same
 * connectors.ts the node uses, so that a connector added there is served here too.
 */
import { CONNECTORS, FIELDS } from '../nodes/AdobeFlowService/connectors';

export interface AuthSpec {
	name: string;
	type: string;
	spec: { $schema: string; type: 'object'; description: string; properties: Record<string, Record<string, unknown>>; required: string[] };
}

export interface ConnectionSpec {
	id: string;
	name: string;
	providerId: string;
	version: string;
	authSpec: AuthSpec[];
	exploreSpec: { name: string; type: string };
	attributes: Record<string, unknown>;
}

const DB_PROVIDER = '0ed90a81-07f4-4586-8190-b40eccef1c5a';

export const CONNECTION_SPECS: ConnectionSpec[] = CONNECTORS.map((connector) => {
	const properties: Record<string, Record<string, unknown>> = {};
	if (connector.auth.type === 'connectionString') {
		properties[connector.auth.param] = {
			type: 'string',
			format: 'password',
			description: `Connection string: ${connector.auth.keys.map(([key]) => `${key}=…`).join(';')}`,
			minLength: 1,
		};
	} else {
		for (const [param, source] of Object.entries(connector.auth.params)) {
			const secret = typeof source === 'string' && FIELDS[source].kind === 'secret';
			properties[param] = {
				type: 'string',
				minLength: 1,
				description: typeof source === 'string' ? FIELDS[source].description : 'Server host, optionally with :port',
				...(secret ? { format: 'password' } : {}),
			};
		}
	}
	return {
		id: connector.connectionSpecId,
		name: connector.key.toLowerCase(),
		providerId: DB_PROVIDER,
		version: connector.connectionSpecVersion,
		authSpec: [
			{
				name: connector.authSpecName,
				type: connector.authSpecName,
				spec: {
					$schema: 'http://json-schema.org/draft-07/schema#',
					type: 'object',
					description: `${connector.displayName} credentials`,
					properties,
					required: Object.keys(properties),
				},
			},
		],
		exploreSpec: { name: 'Resource', type: 'Resource' },
		attributes: { category: 'database', isSource: true },
	};
});

export function secretParams(spec: ConnectionSpec, authSpecName: string): string[] {
	const auth = spec.authSpec.find((a) => a.name === authSpecName);
	return Object.entries(auth?.spec.properties ?? {})
		.filter(([, schema]) => schema.format === 'password')
		.map(([name]) => name);
}
