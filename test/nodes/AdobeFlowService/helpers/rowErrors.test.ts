/**
 * Reading an error diagnostics file of a failed batch: its records (JSON Lines or one document), and
 * what each error of a record says about the row — code, message, column, expected and actual type,
 * the value — from members of those names, else from the message or the corrupt record.
 */
import type { IDataObject } from 'n8n-workflow';

import { parseRecords, rowFacts } from '../../../../nodes/AdobeFlowService/helpers/rowErrors';

const only = (record: IDataObject) => {
	const facts = rowFacts(record);
	expect(facts).toHaveLength(1);
	return facts[0];
};

describe('parseRecords', () => {
	test('JSON Lines: one record a line, Windows line ends and blank lines included', () => {
		expect(parseRecords('{"a":1}\r\n\n  \n{"b":2}\n')).toEqual([{ a: 1 }, { b: 2 }]);
	});

	test('lines that are not objects (null, a list, a number, text) are no records', () => {
		expect(parseRecords('null\n[1]\n3\n"x"\n{"a":1}')).toEqual([{ a: 1 }]);
	});

	test('one JSON document over several lines: a list gives its object members, an object itself', () => {
		expect(parseRecords('[\n {"a":1},\n null,\n [2],\n {"b":2}\n]')).toEqual([{ a: 1 }, { b: 2 }]);
		expect(parseRecords('{\n "a": 1\n}')).toEqual([{ a: 1 }]);
		expect(parseRecords('[\n 1\n]')).toEqual([]);
	});

	test('a file that is not JSON has no records', () => {
		expect(parseRecords('not json\nat all')).toEqual([]);
		expect(parseRecords('')).toEqual([]);
	});
});

describe('rowFacts: a row error record', () => {
	test('the documented conversion error: column, types and value read from the message and the corrupt record', () => {
		const record = { _corrupt_record: '{"name":"Ann","age":"forty"}', _errors: [{ code: 'MAPPER-3700-400', message: 'Conversion failed: expected type: INTEGER, found: String' }], _filename: 'a.json' };
		expect(only(record)).toEqual({
			code: 'MAPPER-3700-400',
			message: 'Conversion failed: expected type: INTEGER, found: String',
			column: null,
			expectedType: 'integer',
			actualType: 'string',
			value: null,
			record: '{"name":"Ann","age":"forty"}',
		});
	});

	test('the type words may be hyphenated and spaced any way', () => {
		const fact = only({ _errors: [{ message: 'Expected Type:date-time,found:   big-int' }] });
		expect(fact.expectedType).toBe('date-time');
		expect(fact.actualType).toBe('big-int');
	});

	test('members named column, expectedType, actualType and value win over what the message says', () => {
		const fact = only({
			_corrupt_record: '{"age":"forty"}',
			_errors: [{ message: 'expected type: integer, found: string', column: 'age', expectedType: 'long', actualType: 'text', value: 'forty-one' }],
		});
		expect(fact).toMatchObject({ column: 'age', expectedType: 'long', actualType: 'text', value: 'forty-one' });
	});

	test('the column is the first of column, field, path, pointer and required key that the error has', () => {
		const error = { column: 'c', field: 'f', path: 'p', pointerToViolation: '#/ptr', message: 'required key [k] not found' };
		expect(only({ _errors: [error] }).column).toBe('c');
		expect(only({ _errors: [{ ...error, column: '' }] }).column).toBe('f');
		expect(only({ _errors: [{ ...error, column: undefined, field: undefined }] }).column).toBe('p');
		expect(only({ _errors: [{ message: error.message, pointerToViolation: '#/ptr' }] }).column).toBe('ptr');
		expect(only({ _errors: [{ message: error.message }] }).column).toBe('k');
		expect(only({ _errors: [{ message: 'something else' }] }).column).toBeNull();
	});

	test('a required key the row lacks: its column, and null as what was found', () => {
		const fact = only({ _corrupt_record: '{"name":"Ann"}', _errors: [{ code: 'INGEST-1555-400', message: 'Required Key [email] not found' }] });
		expect(fact).toMatchObject({ code: 'INGEST-1555-400', column: 'email', expectedType: null, actualType: 'null', value: null });
	});

	test('the value is read from the corrupt record at the column, nested columns by their dots', () => {
		const record = '{"person":{"age":"forty","zero":0,"none":null,"flag":false},"top":"t"}';
		const at = (column: string) => only({ _corrupt_record: record, _errors: [{ column }] }).value;
		expect(at('top')).toBe('t');
		expect(at('person.age')).toBe('forty');
		expect(at('person.zero')).toBe(0);
		expect(at('person.flag')).toBe(false);
		expect(at('person.none')).toBeNull();
		expect(at('person.missing')).toBeNull();
		expect(at('top.deeper')).toBeNull();
		expect(at('top.0')).toBeNull();
		expect(at('top.length')).toBeNull();
		expect(at('person.zero.toFixed')).toBeNull();
		expect(at('person.none.deeper')).toBeNull();
		expect(at('person')).toEqual({ age: 'forty', zero: 0, none: null, flag: false });
	});

	test('no value where the record is not JSON, is not text, or there is no column', () => {
		expect(only({ _corrupt_record: '{missingQuotes: 1}', _errors: [{ column: 'missingQuotes' }] })).toMatchObject({ value: null, record: '{missingQuotes: 1}' });
		expect(only({ _corrupt_record: { age: 1 }, _errors: [{ column: 'age' }] })).toMatchObject({ value: null, record: null });
		expect(only({ _corrupt_record: '{"age":1}', _errors: [{ message: 'bad' }] }).value).toBeNull();
	});

	test('a value member that is null or missing means null, even where the record has one', () => {
		expect(only({ _corrupt_record: '{"age":1}', _errors: [{ column: 'age', value: undefined }] }).value).toBeNull();
		expect(only({ _corrupt_record: '{"age":1}', _errors: [{ column: 'age', value: null }] }).value).toBeNull();
		expect(only({ _corrupt_record: '{"age":1}', _errors: [{ column: 'age', value: 0 }] }).value).toBe(0);
	});

	test('a numeric code or column is read as text; an empty or non-text one is not there', () => {
		expect(only({ _errors: [{ code: 1401, column: 7 }] })).toMatchObject({ code: '1401', column: '7' });
		expect(only({ _errors: [{ code: '', message: '' }] })).toMatchObject({ code: null, message: null });
		expect(only({ _errors: [{ code: true, message: { text: 'x' } }] })).toMatchObject({ code: null, message: null });
	});

	test('each error of a record is a fact of its own; members that are not errors are skipped', () => {
		const facts = rowFacts({ _corrupt_record: '{"a":1,"b":2}', _errors: [{ code: 'A', column: 'a' }, null, 'text', { code: 'B', column: 'b' }] });
		expect(facts.map((f) => [f.code, f.value])).toEqual([
			['A', 1],
			['B', 2],
		]);
	});
});

describe('rowFacts: a failed file record', () => {
	test('the documented validation error: keyword as code, column from the pointer', () => {
		const fact = only({ _validationErrors: [{ keyword: 'type', message: 'expected type: Integer, found: String', pointerToViolation: '#/person/age', schemaLocation: '#/properties/person' }] });
		expect(fact).toEqual({ code: 'validation:type', message: 'expected type: Integer, found: String', column: 'person.age', expectedType: 'integer', actualType: 'string', value: null, record: null });
	});

	test('pointers with or without # and leading slash, and with empty steps, read as dotted columns', () => {
		const column = (pointerToViolation: unknown) => only({ _validationErrors: [{ pointerToViolation }] }).column;
		expect(column('#/person/age')).toBe('person.age');
		expect(column('/person/age')).toBe('person.age');
		expect(column('#person/age')).toBe('person.age');
		expect(column('person//age/')).toBe('person.age');
		expect(column('#/')).toBeNull();
		expect(column('#')).toBeNull();
		expect(column('')).toBeNull();
		expect(column(5)).toBe('5');
	});

	test('a code member wins over the keyword; an empty keyword gives no code', () => {
		expect(only({ _validationErrors: [{ code: 'X-1', keyword: 'type' }] }).code).toBe('X-1');
		expect(only({ _validationErrors: [{ keyword: '' }] }).code).toBeNull();
	});
});

describe('rowFacts: which errors', () => {
	test('_errors is read before _validationErrors; one that is not a list is passed over', () => {
		expect(only({ _errors: [{ code: 'E' }], _validationErrors: [{ code: 'V' }] }).code).toBe('E');
		expect(only({ _errors: 'oops', _validationErrors: [{ code: 'V' }] }).code).toBe('V');
	});

	test('a record that says nothing of what was wrong still gives its row, with a message saying so', () => {
		const expected = { code: null, message: 'The file holds this row without saying what was wrong with it', column: null, expectedType: null, actualType: null, value: null, record: '{"a":1}' };
		expect(rowFacts({ _corrupt_record: '{"a":1}' })).toEqual([expected]);
		expect(rowFacts({ _corrupt_record: '{"a":1}', _errors: [] })).toEqual([expected]);
		expect(rowFacts({ _corrupt_record: '{"a":1}', _errors: {} })).toEqual([expected]);
	});
});
