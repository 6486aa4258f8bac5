/** A connection spec's auth specs, read from the Platform: their names, and their fields for the resource mapper. */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import type { AuthSchema, SchemaProperty } from '../../helpers/jsonSchema';
import { isSecretProperty } from '../../helpers/jsonSchema';
import type { FlowServiceClient } from '../../transport';

export interface AuthSpecEntry {
	name: string;
	type?: string;
	spec: AuthSchema;
}

export interface LoadedSpec {
	id: string;
	name: string;
	version: string;
	authSpecs: AuthSpecEntry[];
}

function toLoadedSpec(item: IDataObject | undefined, id: string): LoadedSpec {
	const authSpecs = (Array.isArray(item?.authSpec) ? (item.authSpec as IDataObject[]) : [])
		.filter((a) => typeof a.name === 'string')
		.map((a) => ({
			name: String(a.name),
			...(typeof a.type === 'string' ? { type: a.type } : {}),
			spec: (a.spec ?? {}) as AuthSchema,
		}));
	return {
		id,
		name: String(item?.name ?? id),
		version: String(item?.version ?? '1.0'),
		authSpecs,
	};
}

export async function loadConnectionSpec(client: FlowServiceClient, id: string, itemIndex?: number): Promise<LoadedSpec> {
	const { body } = await client.request<{ items?: IDataObject[] }>({
		method: 'GET',
		path: `/connectionSpecs/${id}`,
		itemIndex,
	});
	return toLoadedSpec(body?.items?.[0], id);
}

/** The chosen auth spec, the first where none is chosen; undefined when the spec has no such one. */
export function chooseAuthSpec(spec: LoadedSpec, chosen: string): AuthSpecEntry | undefined {
	return chosen ? spec.authSpecs.find((a) => a.name === chosen) : spec.authSpecs[0];
}

/** Secrets come from the credential unless the login is typed into the node. */
export const secretFromCredential = (databaseLogin: unknown, property: SchemaProperty | undefined) => databaseLogin !== 'node' && isSecretProperty(property);

// ---- What the editor loads ----

export async function authSpecNames(this: ILoadOptionsFunctions, client: FlowServiceClient): Promise<INodePropertyOptions[]> {
	const id = String(this.getNodeParameter('otherConnectionSpec', '', { extractValue: true }) ?? '').trim();
	if (!id) return [];
	const spec = await loadConnectionSpec(client, id);
	return spec.authSpecs.map((a) => ({
		name: a.name,
		value: a.name,
		description: a.spec.description ?? `${Object.keys(a.spec.properties ?? {}).length} fields`,
	}));
}

function fieldType(property: SchemaProperty): ResourceMapperField['type'] {
	if (property.enum) return 'options';
	const types = [property.type ?? 'string'].flat();
	if (types.includes('boolean')) return 'boolean';
	if (types.includes('integer') || types.includes('number')) return 'number';
	return 'string';
}

/** The auth spec's fields for the resource mapper: required ones marked, secrets left to the credential. */
export async function authSpecFields(this: ILoadOptionsFunctions, client: FlowServiceClient): Promise<ResourceMapperFields> {
	const id = String(this.getNodeParameter('otherConnectionSpec', '', { extractValue: true }) ?? '').trim();
	if (!id) return { fields: [], emptyFieldsNotice: 'Choose a connection spec first' };
	const spec = await loadConnectionSpec(client, id);
	const auth = chooseAuthSpec(spec, String(this.getNodeParameter('otherAuthSpec', '') ?? ''));
	if (!auth)
		return {
			fields: [],
			emptyFieldsNotice: 'The connection spec has no such auth spec',
		};
	const databaseLogin = this.getNodeParameter('databaseLogin', 'credential');
	const required = new Set(auth.spec.required ?? []);
	const fields = Object.entries(auth.spec.properties ?? {})
		.filter(([, property]) => !secretFromCredential(databaseLogin, property))
		.map(([name, property]): ResourceMapperField => {
			const field: ResourceMapperField = {
				id: name,
				displayName: isSecretProperty(property) ? `${name} (secret)` : name,
				required: required.has(name),
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
				type: fieldType(property),
			};
			if (property.enum)
				field.options = property.enum.map((option) => ({
					name: String(option),
					value: option as string,
				}));
			if (['string', 'number', 'boolean'].includes(typeof property.default)) field.defaultValue = property.default as string | number | boolean;
			return field;
		});
	return fields.length > 0
		? { fields }
		: {
				fields,
				emptyFieldsNotice: 'Every field of this auth spec comes from the Database Login credential',
			};
}

// ---- What Create sends ----
