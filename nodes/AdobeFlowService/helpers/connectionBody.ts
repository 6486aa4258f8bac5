/**
 * Turns what the user typed on Create into the `POST /connections` body, from the
 * connector's entry in connectors.ts. Validates everything first; throws FieldError.
 */
import type { Connector, FieldKey } from '../connectors';
import { FIELDS } from '../connectors';
import { ConnectionStringError, formatConnectionString, parseConnectionString } from './connectionString';
import { FieldError, LIMITS, readHost, readPort, readSecret, readText } from './validation';

export const SECRET_MASK = '**********';

export interface ConnectionInput {
	name: unknown;
	description: unknown;
	/** Raw values keyed by FieldKey, as read from the node's parameters. */
	values: Partial<Record<FieldKey, unknown>>;
	/** A whole connection string, when the connector accepts one and the user chose to give it. */
	connectionString?: unknown;
}

export interface ConnectionBody {
	name: string;
	description?: string;
	auth: { specName: string; params: Record<string, string> };
	connectionSpec: { id: string; version: string };
}

export interface BuiltConnection {
	body: ConnectionBody;
	/** The same body with every secret replaced by SECRET_MASK: safe to show. */
	maskedBody: ConnectionBody;
	/** Every secret value in the body, so that no message can ever echo one. */
	secrets: string[];
}

function readField(connector: Connector, key: FieldKey, raw: unknown): string {
	const spec = FIELDS[key];
	const required = !(connector.optional ?? []).includes(key) && spec.default === undefined;
	switch (spec.kind) {
		case 'host':
			return readHost(spec.displayName, raw);
		case 'port':
			return readPort(spec.displayName, raw, { required });
		case 'secret':
			return readSecret(spec.displayName, raw, { required });
		default:
			return readText(spec.displayName, raw, { required }) || spec.default || '';
	}
}

function readWholeConnectionString(connector: Connector, raw: unknown): { value: string; masked: string } {
	if (connector.auth.type !== 'connectionString') throw new Error('connector takes no connection string');
	const { keys } = connector.auth;
	const field = 'Connection String';
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
	const shown = new Set(keys.filter(([, source]) => typeof source !== 'string' || FIELDS[source].kind !== 'secret').map(([key]) => key));
	const masked = formatConnectionString([...pairs].map(([key, v]): [string, string] => [key, shown.has(key) ? v : SECRET_MASK]));
	return { value, masked };
}

export function buildConnection(connector: Connector, input: ConnectionInput): BuiltConnection {
	const name = readText('Name', input.name, { max: LIMITS.name });
	const description = readText('Description', input.description, { required: false, max: LIMITS.description });
	const secrets: string[] = [];
	const params: Record<string, string> = {};
	const maskedParams: Record<string, string> = {};

	if (connector.auth.type === 'connectionString' && input.connectionString !== undefined) {
		const { value, masked } = readWholeConnectionString(connector, input.connectionString);
		params[connector.auth.param] = value;
		maskedParams[connector.auth.param] = masked;
		secrets.push(value);
	} else {
		const values = {} as Record<FieldKey, string>;
		for (const key of connector.fields) {
			values[key] = readField(connector, key, input.values[key]);
			if (FIELDS[key].kind === 'secret') secrets.push(values[key]);
		}
		const shown = (key: FieldKey) => (FIELDS[key].kind === 'secret' ? SECRET_MASK : values[key]);
		if (connector.auth.type === 'params') {
			for (const [param, source] of Object.entries(connector.auth.params)) {
				if (typeof source === 'string') {
					params[param] = values[source];
					maskedParams[param] = shown(source);
				} else {
					const [host, port] = source.hostPort;
					params[param] = values[port] ? `${values[host]}:${values[port]}` : values[host];
					maskedParams[param] = params[param];
				}
			}
		} else {
			const pairs = (show: (key: FieldKey) => string) =>
				connector.auth.type === 'connectionString'
					? connector.auth.keys.map(([key, source]): [string, string] => [key, typeof source === 'string' ? show(source) : source.literal])
					: [];
			// Every value was checked for control characters above, the only thing braces cannot quote.
			params[connector.auth.param] = formatConnectionString(pairs((key) => values[key]));
			maskedParams[connector.auth.param] = formatConnectionString(pairs(shown));
			secrets.push(params[connector.auth.param]);
		}
	}

	const connectionSpec = { id: connector.connectionSpecId, version: connector.connectionSpecVersion };
	const head = description ? { name, description } : { name };
	return {
		body: { ...head, auth: { specName: connector.authSpecName, params }, connectionSpec },
		maskedBody: { ...head, auth: { specName: connector.authSpecName, params: maskedParams }, connectionSpec },
		secrets: secrets.filter((s) => s !== ''),
	};
}
