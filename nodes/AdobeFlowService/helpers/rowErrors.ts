/**
 * Reading the records of a batch's error diagnostics files, pure. Two shapes are documented: a row
 * error record (help/ingestion/quality/error-diagnostics.md: `_corrupt_record`, `_errors[{code,
 * message}]`, `_filename`) and a failed file's record (help/ingestion/quality/retrieve-failed-batches.md:
 * `_validationErrors[{keyword, message, pointerToViolation, schemaLocation}]`). The column, the
 * expected and actual type and the value are read from members of those names where a record has
 * them, else from the message (`expected type: integer, found: string`, `required key [email] not
 * found`) or the corrupt record; what a record does not say is null.
 */
import type { IDataObject } from 'n8n-workflow';

export interface RowFact {
	code: string | null;
	message: string | null;
	column: string | null;
	expectedType: string | null;
	actualType: string | null;
	value: unknown;
	/** The row as the file holds it (`_corrupt_record`), where it does. */
	record: string | null;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);

/** The records of a file: JSON Lines, else one JSON document (an array's members, or the object). */
export function parseRecords(content: string): IDataObject[] {
	const objects = (values: unknown[]) => values.filter((v): v is IDataObject => v !== null && typeof v === 'object' && !Array.isArray(v));
	const lines = content.split(/\r?\n/).filter((line) => line.trim() !== '');
	try {
		return objects(lines.map((line) => JSON.parse(line) as unknown));
	} catch {
		try {
			const whole = JSON.parse(content) as unknown;
			return objects(Array.isArray(whole) ? whole : [whole]);
		} catch {
			return [];
		}
	}
}

/** `#/person/age` → `person.age`. */
function fromPointer(pointer: unknown): string | null {
	const path = text(pointer)?.replace(/^#?\/?/, '').split('/').filter(Boolean).join('.');
	return path ? path : null;
}

function valueIn(record: string | null, column: string | null): unknown {
	if (!record || !column) return null;
	try {
		let at: unknown = JSON.parse(record);
		for (const key of column.split('.')) at = at !== null && typeof at === 'object' ? (at as IDataObject)[key] : undefined;
		return at === undefined ? null : at;
	} catch {
		return null;
	}
}

function fact(error: IDataObject, record: string | null): RowFact {
	const message = text(error.message);
	const typed = /expected type:\s*([\w-]+),\s*found:\s*([\w-]+)/i.exec(message ?? '');
	const required = /required key \[([^\]]+)\]/i.exec(message ?? '');
	const column = text(error.column) ?? text(error.field) ?? text(error.path) ?? fromPointer(error.pointerToViolation) ?? required?.[1] ?? null;
	const keyword = text(error.keyword);
	return {
		code: text(error.code) ?? (keyword ? `validation:${keyword}` : null),
		message,
		column,
		expectedType: text(error.expectedType) ?? typed?.[1]?.toLowerCase() ?? null,
		actualType: text(error.actualType) ?? typed?.[2]?.toLowerCase() ?? (required ? 'null' : null),
		value: 'value' in error ? (error.value ?? null) : valueIn(record, column),
		record,
	};
}

/** What each error of a record says: one fact per member of `_errors` or `_validationErrors`. */
export function rowFacts(record: IDataObject): RowFact[] {
	const corrupt = typeof record._corrupt_record === 'string' ? record._corrupt_record : null;
	const errors = [record._errors, record._validationErrors].find(Array.isArray) as IDataObject[] | undefined;
	if (!errors || errors.length === 0) return [fact({ message: 'The file holds this row without saying what was wrong with it' }, corrupt)];
	return errors.filter((e) => e !== null && typeof e === 'object').map((e) => fact(e, corrupt));
}
