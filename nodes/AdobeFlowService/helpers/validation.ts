/**
 * Checks on user input, made before any request is sent. Each failure names the field
 * (as the user sees it in the node) and says what is wrong, never the value itself:
 * the value may be a secret.
 */
import { hasControlCharacter } from './connectionString';

export class FieldError extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
		readonly hint?: string,
	) {
		super(`${field} ${problem}`);
		this.name = 'FieldError';
	}
}

export const LIMITS = {
	name: 256,
	description: 1024,
	text: 256,
	host: 253,
	secret: 1024,
	connectionString: 4096,
};

function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A required or optional text value: a string (or a number, from an expression), no control characters. */
export function readText(
	field: string,
	value: unknown,
	{ required = true, max = LIMITS.text, trim = true }: { required?: boolean; max?: number; trim?: boolean } = {},
): string {
	if (value === undefined || value === null || value === '') {
		if (required) throw new FieldError(field, 'is required', `Enter a value for ${field}`);
		return '';
	}
	if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
	if (typeof value !== 'string') {
		throw new FieldError(field, `must be text, but it is ${describeType(value)}`, 'If it comes from an expression, make the expression return text');
	}
	// Checked before trimming: a line break at the end is refused, not silently dropped.
	if (hasControlCharacter(value)) {
		throw new FieldError(field, 'contains a control character (such as a line break or tab)', 'Remove it; it cannot be sent to the Platform');
	}
	const text = trim ? value.trim() : value;
	if (text.trim() === '') {
		if (required) throw new FieldError(field, 'is blank', `Enter a value for ${field}`);
		return '';
	}
	if (text.length > max) throw new FieldError(field, `is longer than ${max} characters`);
	return text;
}

const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;
const IPV6_BRACKETED = /^\[[0-9A-Fa-f:.]+\]$/;

export function readHost(field: string, value: unknown): string {
	const host = readText(field, value, { max: LIMITS.host });
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) {
		throw new FieldError(field, 'must not start with a scheme such as jdbc:// or https://', 'Enter the host name only, e.g. db.example.com');
	}
	if (host.includes('/') || host.includes('?') || host.includes('#')) {
		throw new FieldError(field, 'must not contain a path', 'Enter the host name only, e.g. db.example.com');
	}
	if (IPV6_BRACKETED.test(host)) return host;
	if (host.includes(':')) {
		throw new FieldError(field, 'must not contain a port', 'Put the port in the Port field (write an IPv6 address in brackets)');
	}
	if (!HOSTNAME.test(host)) {
		throw new FieldError(field, 'is not a valid host name or IP address', 'Use letters, digits, dots and hyphens (an international name in its xn-- form)');
	}
	return host;
}

export function readPort(field: string, value: unknown, { required = true } = {}): string {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		if (required) throw new FieldError(field, 'is required', 'Enter a port between 1 and 65535');
		return '';
	}
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
	if (text === undefined) throw new FieldError(field, `must be a number, but it is ${describeType(value)}`);
	if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
		throw new FieldError(field, 'must be a whole number between 1 and 65535');
	}
	return String(Number(text));
}

/** A yes/no value: a boolean, or the text true/false (from an expression). */
export function readBoolean(field: string, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (value === undefined || value === null || value === '') return false;
	if (value === 'true' || value === 'false') return value === 'true';
	throw new FieldError(field, `must be true or false, but it is ${describeType(value)}`);
}

/** A secret keeps its surrounding white space: it is sent exactly as typed. */
export function readSecret(field: string, value: unknown, { required = true } = {}): string {
	return readText(field, value, { required, max: LIMITS.secret, trim: false });
}

/** A Platform id (a UUID), as a regular-expression source for the UI's own checks. */
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && new RegExp(`^${UUID}$`).test(value);
}

/** A required Platform id: trimmed, and a UUID. */
export function readId(field: string, value: unknown, hint?: string): string {
	const text = readText(field, value);
	if (!isUuid(text)) throw new FieldError(field, 'is not a valid ID', hint);
	return text;
}

/** A whole number of 1 or more (a limit, a number of rows). */
export function readPositiveInteger(field: string, value: unknown): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new FieldError(field, 'must be a whole number of 1 or more');
	return value;
}
