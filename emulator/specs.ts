/**
 * The connection specs the emulator serves, read from one data file per connector in
 * connectors/ — each transcribed from Adobe's tutorial for it, naming the page it came from
 * (one, emulator-warehouse, exists only here). Adding a connector to the emulator is adding a file there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the database behind a connection is: auth param names, or connection-string keys (upper case). */
export interface ExploreMap {
	/** The database's wire protocol; PostgreSQL's when absent. */
	protocol?: 'postgresql' | 'mysql';
	host: string;
	port?: string;
	database: string;
	user: string;
	password: string;
	defaultPort: number;
}

export interface AuthSpecFile {
	name: string;
	/** `auth.type`, where the doc's body sends one next to specName. */
	type?: string;
	schema: JsonSchema;
	/** For auth specs whose params hold one ODBC-style connection string. */
	connectionString?: { param: string; pattern: string; required: string[] };
	/** Absent where the auth spec names no database login: such connections are not explored here. */
	explore?: ExploreMap;
}

export interface ConnectorFile {
	source?: { repo: string; path: string; commit?: string; id?: string };
	connectionSpec: { id: string; version: string; name: string; beta: boolean };
	authSpecs: AuthSpecFile[];
	silent: string[];
}

export interface JsonSchema {
	type: 'object';
	description?: string;
	properties: Record<string, { type: string; minLength?: number; format?: string; description?: string; [keyword: string]: unknown }>;
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
	authSpec: file.authSpecs.map((auth) => ({ name: auth.name, type: auth.type ?? auth.name, spec: auth.schema })),
	exploreSpec: { name: 'Resource', type: 'Resource' },
	attributes: { category: 'database', isSource: true, isBeta: file.connectionSpec.beta },
}));

export function connectorFile(specId: string): ConnectorFile | undefined {
	return CONNECTOR_FILES.find((file) => file.connectionSpec.id === specId);
}

export function authSpecFile(specId: string, specName: unknown): AuthSpecFile | undefined {
	return connectorFile(specId)?.authSpecs.find((auth) => auth.name === specName);
}

/** Auth params marked `format: password` in the connection's auth spec: masked whenever a connection is read. */
export function secretParams(specId: string, specName: unknown): string[] | undefined {
	const auth = authSpecFile(specId, specName);
	if (!auth) return undefined;
	return Object.entries(auth.schema.properties)
		.filter(([, property]) => property.format === 'password')
		.map(([name]) => name);
}
