/**
 * The connection specs the emulator serves, read from one data file per connector in
 * connectors/ — each transcribed from Adobe's tutorial for it, naming the page it came from.
 * Adding a connector to the emulator is adding a file there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ConnectorFile {
	source: { repo: string; path: string; commit: string };
	connectionSpec: { id: string; version: string; name: string; beta: boolean };
	authSpec: { name: string; schema: JsonSchema };
	/** For connectors whose auth params hold one connection string. */
	connectionString?: { param: string; pattern: string; required: string[] };
	/** Where the database behind a connection is: auth param names, or connection-string keys. */
	explore: { host: string; port?: string; database: string; user: string; password: string; defaultPort: number };
	silent: string[];
}

export interface JsonSchema {
	type: 'object';
	description?: string;
	properties: Record<string, { type: string; minLength?: number; format?: string; description?: string }>;
	required: string[];
	additionalProperties?: boolean;
}

export interface ConnectionSpec {
	id: string;
	name: string;
	providerId: string;
	version: string;
	authSpec: Array<{ name: string; type: string; spec: JsonSchema }>;
	exploreSpec: { name: string; type: string };
	attributes: Record<string, unknown>;
}

const DATABASE_PROVIDER = '0ed90a81-07f4-4586-8190-b40eccef1c5a';
const DIRECTORY = join(__dirname, 'connectors');

export const CONNECTOR_FILES: ConnectorFile[] = readdirSync(DIRECTORY)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => JSON.parse(readFileSync(join(DIRECTORY, file), 'utf8')) as ConnectorFile);

export const CONNECTION_SPECS: ConnectionSpec[] = CONNECTOR_FILES.map((file) => ({
	id: file.connectionSpec.id,
	name: file.connectionSpec.name,
	providerId: DATABASE_PROVIDER,
	version: file.connectionSpec.version,
	authSpec: [{ name: file.authSpec.name, type: file.authSpec.name, spec: file.authSpec.schema }],
	exploreSpec: { name: 'Resource', type: 'Resource' },
	attributes: { category: 'database', isSource: true, isBeta: file.connectionSpec.beta },
}));

export function connectorFile(specId: string): ConnectorFile | undefined {
	return CONNECTOR_FILES.find((file) => file.connectionSpec.id === specId);
}

/** Auth params marked `format: password` in the auth spec: masked whenever a connection is read. */
export function secretParams(specId: string): string[] | undefined {
	const file = connectorFile(specId);
	if (!file) return undefined;
	return Object.entries(file.authSpec.schema.properties)
		.filter(([, property]) => property.format === 'password')
		.map(([name]) => name);
}
