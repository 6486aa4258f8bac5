/**
 * A small JSON Schema reader for the Platform's auth specs (`authSpec[].spec` of a connection spec):
 * the keywords those specs use — type, properties, required, additionalProperties, enum, minLength,
 * maxLength, pattern, minimum, maximum, exclusiveMinimum, exclusiveMaximum, default, format — and no
 * more. A keyword it does not know is not checked (the Platform checks everything again). Messages
 * name the property, never its value: the value may be a secret.
 */

export interface SchemaProperty {
	type?: string | string[];
	title?: string;
	description?: string;
	format?: string;
	enum?: unknown[];
	default?: unknown;
	minLength?: number;
	maxLength?: number;
	pattern?: string;
	minimum?: number;
	maximum?: number;
	exclusiveMinimum?: number;
	exclusiveMaximum?: number;
}

export interface AuthSchema {
	type?: string;
	description?: string;
	properties?: Record<string, SchemaProperty>;
	required?: string[];
	additionalProperties?: boolean | object;
}

export interface SchemaProblem {
	/** The property the problem is with. */
	key: string;
	problem: string;
}

/** A property whose value is a secret: `format: password`, as Adobe's auth specs mark them. */
export function isSecretProperty(property: SchemaProperty | undefined): boolean {
	return property?.format === 'password';
}

function types(property: SchemaProperty): string[] {
	return property.type === undefined ? [] : [property.type].flat();
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

function fitsType(value: unknown, expected: string): boolean {
	const actual = typeOf(value);
	return actual === expected || (expected === 'number' && actual === 'integer');
}

function propertyProblem(property: SchemaProperty, value: unknown): string | undefined {
	const expected = types(property);
	if (expected.length > 0 && !expected.some((t) => fitsType(value, t))) return `must be ${expected.map((t) => (t === 'integer' ? 'a whole number' : `a ${t}`)).join(' or ')}`;
	if (property.enum && !property.enum.some((option) => option === value)) return `must be one of ${property.enum.map((o) => JSON.stringify(o)).join(', ')}`;
	if (typeof value === 'string') {
		const length = [...value].length;
		if (property.minLength !== undefined && length < property.minLength) return property.minLength === 1 ? 'must not be empty' : `must be at least ${property.minLength} characters long`;
		if (property.maxLength !== undefined && length > property.maxLength) return `must be at most ${property.maxLength} characters long`;
		if (property.pattern !== undefined) {
			let pattern: RegExp | undefined;
			try {
				pattern = new RegExp(property.pattern, 'u');
			} catch {
				pattern = undefined; // A pattern JavaScript cannot read is left to the Platform.
			}
			if (pattern && !pattern.test(value)) return `does not have the form the connection spec asks for (${property.pattern})`;
		}
	}
	if (typeof value === 'number') {
		if (property.minimum !== undefined && value < property.minimum) return `must be at least ${property.minimum}`;
		if (property.maximum !== undefined && value > property.maximum) return `must be at most ${property.maximum}`;
		if (property.exclusiveMinimum !== undefined && value <= property.exclusiveMinimum) return `must be more than ${property.exclusiveMinimum}`;
		if (property.exclusiveMaximum !== undefined && value >= property.exclusiveMaximum) return `must be less than ${property.exclusiveMaximum}`;
	}
	return undefined;
}

/** Every problem of `value` against the auth spec's schema, in the schema's order of properties. */
export function schemaProblems(schema: AuthSchema, value: Record<string, unknown>): SchemaProblem[] {
	const properties = schema.properties ?? {};
	const problems: SchemaProblem[] = [];
	for (const key of schema.required ?? []) {
		if (value[key] === undefined) problems.push({ key, problem: 'is required by the auth spec' });
	}
	for (const [key, item] of Object.entries(value)) {
		const property = properties[key];
		if (!property) {
			if (schema.additionalProperties === false) problems.push({ key, problem: 'is not a field of the auth spec' });
			continue;
		}
		const problem = propertyProblem(property, item);
		if (problem) problems.push({ key, problem });
	}
	return problems;
}

/**
 * A value as typed in n8n (often text, from an expression or a form field) turned into the type the
 * property asks for: "5432" into 5432 for an integer, "true" into true for a boolean. What cannot be
 * turned is left as it is, for schemaProblems to name.
 */
export function coerce(property: SchemaProperty | undefined, value: unknown): unknown {
	const expected = property ? types(property) : [];
	if (typeof value !== 'string' || expected.includes('string') || expected.length === 0) return value;
	const text = value.trim();
	if ((expected.includes('integer') || expected.includes('number')) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
	if (expected.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
	return value;
}
