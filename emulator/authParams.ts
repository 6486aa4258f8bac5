/**
 * Checks `auth.params` against the connector's auth spec: the JSON Schema from its data file,
 * and, for a connection string, that it can be read and holds every documented key.
 * Answers the problem in Adobe's words for 1304-400 ("The mandatory field … is not provided"), or undefined.
 */
import Ajv from 'ajv';

import { ConnectionStringProblem, readConnectionString } from './connectionString';
import type { AuthSpecFile } from './specs';
import { CONNECTOR_FILES } from './specs';

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('password', true);
const validators = new Map(CONNECTOR_FILES.flatMap((file) => file.authSpecs.map((auth) => [auth, ajv.compile(auth.schema)] as const)));

export function authParamsProblem(file: AuthSpecFile, params: unknown): string | undefined {
	const validate = validators.get(file)!;
	if (!validate(params ?? {})) {
		const errors = validate.errors ?? [];
		const missing = errors.filter((e) => e.keyword === 'required').map((e) => `auth.params.${(e.params as { missingProperty: string }).missingProperty}`);
		if (missing.length) return `The mandatory field ${missing.join(', ')} is not provided. Please provide the ${missing.join(', ')} and try again.`;
		const unknown = errors.filter((e) => e.keyword === 'additionalProperties').map((e) => `auth.params.${(e.params as { additionalProperty: string }).additionalProperty}`);
		if (unknown.length) return `The field ${unknown.join(', ')} is not part of the auth spec ${file.name}.`;
		return `Invalid auth params: ${errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`;
	}
	const layout = file.connectionString;
	if (!layout) return undefined;
	let pairs: Record<string, string>;
	try {
		pairs = readConnectionString((params as Record<string, string>)[layout.param], layout.family);
	} catch (error) {
		if (error instanceof ConnectionStringProblem) return `The auth.params.${layout.param} cannot be read: ${error.message}. The pattern is ${layout.pattern}.`;
		throw error;
	}
	const missing = layout.required.filter((key) => !pairs[key]);
	if (missing.length) return `The mandatory field ${missing.join(', ')} of auth.params.${layout.param} is not provided. The pattern is ${layout.pattern}.`;
	return undefined;
}
