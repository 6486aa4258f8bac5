/**
 * The connection specs the emulator serves, read from one data file per connector in
 * connectors/ — each transcribed from Adobe's tutorial for it, naming the page it came from
 * (one, emulator-warehouse, exists only here). Adding a connector to the emulator is adding a file there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ConnectionStringFamily } from './connectionString';
import { FAMILIES } from './connectionString';

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
	/** For auth specs whose params hold one connection string of pairs: read as `family` says (see connectionString.ts). */
	connectionString?: ConnectionStringLayout;
	/** Absent where the auth spec names no database login: such connections are not explored here. */
	explore?: ExploreMap;
}

export interface ConnectionStringLayout {
	param: string;
	/** The grammar the Platform reads the string in; `familyEvidence` says which page or spec says so. */
	family: ConnectionStringFamily;
	familyEvidence: string;
	pattern: string;
	/** Keys (upper case) that must be there, with a value. */
	required: string[];
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

/** A data file, refused at start where a connection string names no family the emulator reads. */
function readConnectorFile(file: string): ConnectorFile {
	const parsed = JSON.parse(readFileSync(join(DIRECTORY, file), 'utf8')) as ConnectorFile;
	for (const auth of parsed.authSpecs) {
		const layout = auth.connectionString;
		if (layout && (!FAMILIES.includes(layout.family) || !layout.familyEvidence)) {
			throw new Error(`${file}: the connection string of ${auth.name} needs a family (one of ${FAMILIES.join(', ')}) and its familyEvidence`);
		}
	}
	return parsed;
}

export const CONNECTOR_FILES: ConnectorFile[] = readdirSync(DIRECTORY)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map(readConnectorFile);

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
