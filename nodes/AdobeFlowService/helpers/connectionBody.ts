/**
 * Turns what the user typed into `auth.params` (Create and Update) and the `POST /connections` body, from the
 * connector's entry in connectors/. Validates everything first; throws FieldError.
 */
import type { AuthLayout, Connector, FieldKey, ValueSource } from '../connectors';
import { FIELDS } from '../connectors';
import { ConnectionStringError, connectionStringHint, encodeTemplateValue, formatConnectionString, parseConnectionString, unwritable } from './connectionString';
import { MASK } from './mask';
import { FieldError, LIMITS, readBoolean, readHost, readPort, readSecret, readText } from './validation';

export interface ConnectionInput extends AuthInput {
	name: unknown;
	description: unknown;
}

export type ParamValue = string | number | boolean;

export interface ConnectionBody {
	name: string;
	description?: string;
	auth: { specName: string; type?: string; params: Record<string, ParamValue> };
	connectionSpec: { id: string; version: string };
}

export interface BuiltConnection {
	body: ConnectionBody;
	/** The same body with every secret replaced by MASK: safe to show. */
	maskedBody: ConnectionBody;
	/** Every secret value in the body, so that no message can ever echo one. */
	secrets: string[];
}

/** Where the user gives a value: its field's name, and the credential's where it came from there. */
function label(displayName: string, fromCredential: boolean | undefined): string {
	return fromCredential ? `${displayName} in the Database Login credential` : displayName;
}

function isRequired(connector: Connector, key: FieldKey): boolean {
	return !(connector.optional ?? []).includes(key) && FIELDS[key].default === undefined;
}

/** One field's value, read and checked as its kind says; the error names the field (and the credential, where it came from). */
export function readField(connector: Connector, key: FieldKey, raw: unknown, fromCredential?: boolean): string | boolean {
	const spec = FIELDS[key];
	const required = isRequired(connector, key);
	const field = label(spec.displayName, fromCredential && spec.login);
	switch (spec.kind) {
		case 'host':
			return readHost(field, raw);
		case 'port':
			return readPort(field, raw, { required });
		case 'secret':
			return readSecret(field, raw, { required });
		case 'boolean':
			return readBoolean(field, raw);
		default:
			return readText(field, raw, { required }) || spec.default || '';
	}
}

/** A whole connection string: for a `KEY=value` one, readable in its family's grammar and holding the connector's keys. */
function readWholeConnectionString(connector: Connector, raw: unknown, fromCredential?: boolean): { value: string; masked: string } {
	const field = label('Connection String', fromCredential);
	const value = readText(field, raw, { max: LIMITS.connectionString, trim: false });
	if (connector.layout.type !== 'connectionString') return { value, masked: MASK };
	const { keys, family } = connector.layout;
	let pairs = new Map<string, string>();
	let unreadable: string | undefined;
	try {
		pairs = parseConnectionString(value, family);
	} catch (error) {
		unreadable = (error as ConnectionStringError).message;
	}
	if (unreadable !== undefined) {
		throw new FieldError(field, `cannot be read: ${unreadable}`, connectionStringHint(family));
	}
	const names = keys.filter(([, source]) => typeof source === 'string' || !('value' in source)).map(([key]) => key);
	const missing = names.filter((key) => !pairs.get(key.toUpperCase()));
	if (missing.length > 0) {
		throw new FieldError(field, `lacks ${missing.join(', ')}`, `A ${connector.displayName} connection string has ${names.join(', ')}`);
	}
	// Shown: the keys known not to be secret. Masked: secrets, and any key the connector does not define.
	const shown = new Set(keys.filter(([, source]) => !isSecretSource(source)).map(([key]) => key.toUpperCase()));
	const masked = formatConnectionString(
		[...pairs].map(([key, v]): [string, string] => [key, shown.has(key) ? v : MASK]),
		family,
	);
	return { value, masked };
}

function isSecretSource(source: ValueSource): boolean {
	return typeof source === 'string' ? FIELDS[source].kind === 'secret' : 'field' in source && FIELDS[source.field].kind === 'secret';
}

export interface AuthInput {
	/** Raw values keyed by FieldKey, as read from the node's parameters. */
	values: Partial<Record<FieldKey, unknown>>;
	/** A whole connection string, when the connector accepts one and the user chose to give it. */
	connectionString?: unknown;
	/** Whether the login came from the Database Login credential: errors then point there. */
	fromCredential?: boolean;
}

export interface BuiltAuthParams {
	params: Record<string, ParamValue>;
	/** The same params with every secret replaced by MASK: safe to show. */
	masked: Record<string, ParamValue>;
	/** Every secret value in the params, so that no message can ever echo one. */
	secrets: string[];
}

/** One value of the body from the fields' values; undefined for an optional field left empty. */
function valueOf(source: ValueSource, values: Record<FieldKey, string | boolean>): ParamValue | undefined {
	if (typeof source === 'string') return values[source] === '' ? undefined : values[source];
	if ('value' in source) return source.value;
	if ('hostPort' in source) {
		const [host, port] = source.hostPort;
		return `${source.prefix ?? ''}${values[host]}${values[port] ? `${source.separator ?? ':'}${values[port]}` : ''}`;
	}
	const value = values[source.field];
	if (value === '') return undefined;
	return source.as === 'number' ? Number(value) : value === true || value === 'true';
}

/** A template connection string, its `<field>` placeholders filled in as its family writes a value. */
function fillTemplate(connector: Connector, layout: Extract<AuthLayout, { type: 'template' }>, values: Record<FieldKey, string | boolean>, fromCredential?: boolean, mask = false): string {
	return layout.template.replace(/<([A-Za-z]+)>/g, (_, key: FieldKey) => {
		const value = String(values[key]);
		const refused = unwritable(value, layout.family);
		if (refused) {
			throw new FieldError(label(FIELDS[key].displayName, fromCredential && FIELDS[key].login), `contains ${refused}, which a ${connector.displayName} connection string cannot hold`);
		}
		return mask && FIELDS[key].kind === 'secret' ? MASK : encodeTemplateValue(value, layout.family);
	});
}

/** The connector's `auth.params` from what the user typed: for a Create, and for an Update of credentials. */
export function buildAuthParams(connector: Connector, input: AuthInput): BuiltAuthParams {
	const secrets: string[] = [];
	const params: Record<string, ParamValue> = {};
	const masked: Record<string, ParamValue> = {};
	const { layout } = connector;
	if (layout.type !== 'params' && (input.connectionString !== undefined || layout.type === 'whole')) {
		const whole = readWholeConnectionString(connector, input.connectionString, input.fromCredential);
		params[layout.param] = whole.value;
		masked[layout.param] = whole.masked;
		secrets.push(whole.value);
		return { params, masked, secrets };
	}
	const values = {} as Record<FieldKey, string | boolean>;
	for (const key of connector.fields) {
		values[key] = readField(connector, key, input.values[key], input.fromCredential);
		if (FIELDS[key].kind === 'secret') secrets.push(String(values[key]));
	}
	if (layout.type === 'params') {
		for (const [param, source] of Object.entries(layout.params)) {
			const value = valueOf(source, values);
			if (value === undefined) continue;
			params[param] = value;
			masked[param] = isSecretSource(source) ? MASK : value;
		}
	} else if (layout.type === 'connectionString') {
		// Every value was checked for control characters above, the only thing braces or quotes cannot write.
		const pairs = (mask: boolean) =>
			layout.keys.map(([key, source]): [string, string] => [key, mask && isSecretSource(source) ? MASK : String(valueOf(source, values) ?? '')]);
		params[layout.param] = formatConnectionString(pairs(false), layout.family);
		masked[layout.param] = formatConnectionString(pairs(true), layout.family);
		secrets.push(params[layout.param] as string);
	} else if (layout.type === 'template') {
		params[layout.param] = fillTemplate(connector, layout, values, input.fromCredential);
		masked[layout.param] = fillTemplate(connector, layout, values, input.fromCredential, true);
		secrets.push(params[layout.param] as string);
	}
	return { params, masked, secrets: secrets.filter((s) => s !== '') };
}

/** A new connection's name and description, as the body has them: no `description` when there is none. */
export function readHead(input: { name: unknown; description: unknown }): { name: string; description?: string } {
	const name = readText('Name', input.name, { max: LIMITS.name });
	const description = readText('Description', input.description, { required: false, max: LIMITS.description });
	return description ? { name, description } : { name };
}

/** `auth`: the params already built from the same login (see create.operation.ts); built here otherwise. */
export function buildConnection(connector: Connector, input: ConnectionInput, auth: BuiltAuthParams = buildAuthParams(connector, input)): BuiltConnection {
	const head = readHead(input);
	const connectionSpec = { id: connector.connectionSpecId, version: connector.connectionSpecVersion };
	const authHead = connector.authType ? { specName: connector.authSpecName, type: connector.authType } : { specName: connector.authSpecName };
	return {
		body: { ...head, auth: { ...authHead, params: auth.params }, connectionSpec },
		maskedBody: { ...head, auth: { ...authHead, params: auth.masked }, connectionSpec },
		secrets: auth.secrets.filter((s) => s !== ''),
	};
}
