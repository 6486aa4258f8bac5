/**
 * Turns what the user typed into `auth.params` (Create and Update) and the `POST /connections` body, from the
 * connector's entry in connectors.ts. Validates everything first; throws FieldError.
 */
import type { Connector, FieldKey } from '../connectors';
import { FIELDS } from '../connectors';
import { ConnectionStringError, formatConnectionString, parseConnectionString } from './connectionString';
import { MASK } from './mask';
import { FieldError, LIMITS, readHost, readPort, readSecret, readText } from './validation';

export interface ConnectionInput extends AuthInput {
	name: unknown;
	description: unknown;
}

export interface ConnectionBody {
	name: string;
	description?: string;
	auth: { specName: string; params: Record<string, string> };
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

function readField(connector: Connector, key: FieldKey, raw: unknown, fromCredential?: boolean): string {
	const spec = FIELDS[key];
	const required = !(connector.optional ?? []).includes(key) && spec.default === undefined;
	const field = label(spec.displayName, fromCredential && spec.login);
	switch (spec.kind) {
		case 'host':
			return readHost(field, raw);
		case 'port':
			return readPort(field, raw, { required });
		case 'secret':
			return readSecret(field, raw, { required });
		default:
			return readText(field, raw, { required }) || spec.default || '';
	}
}

function readWholeConnectionString(connector: Connector, raw: unknown, fromCredential?: boolean): { value: string; masked: string } {
	if (connector.auth.type !== 'connectionString') throw new Error('connector takes no connection string');
	const { keys } = connector.auth;
	const field = label('Connection String', fromCredential);
	const value = readText(field, raw, { max: LIMITS.connectionString, trim: false });
	let pairs = new Map<string, string>();
	let unreadable: string | undefined;
	try {
		pairs = parseConnectionString(value);
	} catch (error) {
		unreadable = (error as ConnectionStringError).message;
	}
	if (unreadable !== undefined) {
		throw new FieldError(field, `cannot be read: ${unreadable}`, 'Write it as KEY=value;KEY=value, with a value that holds ; = { or } in braces, e.g. PWD={a;b}');
	}
	const missing = keys.map(([key]) => key).filter((key) => !pairs.get(key));
	if (missing.length > 0) {
		throw new FieldError(field, `lacks ${missing.join(', ')}`, `A ${connector.displayName} connection string has ${keys.map(([key]) => key).join(', ')}`);
	}
	// Shown: the keys known not to be secret. Masked: secrets, and any key the connector does not define.
	const shown = new Set(keys.filter(([, source]) => FIELDS[source].kind !== 'secret').map(([key]) => key));
	const masked = formatConnectionString([...pairs].map(([key, v]): [string, string] => [key, shown.has(key) ? v : MASK]));
	return { value, masked };
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
	params: Record<string, string>;
	/** The same params with every secret replaced by MASK: safe to show. */
	masked: Record<string, string>;
	/** Every secret value in the params, so that no message can ever echo one. */
	secrets: string[];
}

/** The connector's `auth.params` from what the user typed: for a Create, and for an Update of credentials. */
export function buildAuthParams(connector: Connector, input: AuthInput): BuiltAuthParams {
	const secrets: string[] = [];
	const params: Record<string, string> = {};
	const masked: Record<string, string> = {};
	if (connector.auth.type === 'connectionString' && input.connectionString !== undefined) {
		const whole = readWholeConnectionString(connector, input.connectionString, input.fromCredential);
		params[connector.auth.param] = whole.value;
		masked[connector.auth.param] = whole.masked;
		secrets.push(whole.value);
		return { params, masked, secrets };
	}
	const values = {} as Record<FieldKey, string>;
	for (const key of connector.fields) {
		values[key] = readField(connector, key, input.values[key], input.fromCredential);
		if (FIELDS[key].kind === 'secret') secrets.push(values[key]);
	}
	const shown = (key: FieldKey) => (FIELDS[key].kind === 'secret' ? MASK : values[key]);
	if (connector.auth.type === 'params') {
		for (const [param, source] of Object.entries(connector.auth.params)) {
			if (typeof source === 'string') {
				params[param] = values[source];
				masked[param] = shown(source);
			} else {
				const [host, port] = source.hostPort;
				params[param] = values[port] ? `${values[host]}:${values[port]}` : values[host];
				masked[param] = params[param];
			}
		}
	} else {
		const { param, keys } = connector.auth;
		// Every value was checked for control characters above, the only thing braces cannot quote.
		params[param] = formatConnectionString(keys.map(([key, source]) => [key, values[source]]));
		masked[param] = formatConnectionString(keys.map(([key, source]) => [key, shown(source)]));
		secrets.push(params[param]);
	}
	return { params, masked, secrets: secrets.filter((s) => s !== '') };
}

export function buildConnection(connector: Connector, input: ConnectionInput): BuiltConnection {
	const name = readText('Name', input.name, { max: LIMITS.name });
	const description = readText('Description', input.description, { required: false, max: LIMITS.description });
	const auth = buildAuthParams(connector, input);
	const connectionSpec = { id: connector.connectionSpecId, version: connector.connectionSpecVersion };
	const head = description ? { name, description } : { name };
	return {
		body: { ...head, auth: { specName: connector.authSpecName, params: auth.params }, connectionSpec },
		maskedBody: { ...head, auth: { specName: connector.authSpecName, params: auth.masked }, connectionSpec },
		secrets: auth.secrets.filter((s) => s !== ''),
	};
}
