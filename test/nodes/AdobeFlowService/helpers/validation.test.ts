import { FieldError, isUuid, LIMITS, readBoolean, readHost, readId, readPort, readPositiveInteger, readSecret, readText } from '../../../../nodes/AdobeFlowService/helpers/validation';

const problem = (read: () => unknown) => {
	try {
		read();
	} catch (error) {
		expect(error).toBeInstanceOf(FieldError);
		return (error as FieldError).message;
	}
	throw new Error('expected a FieldError');
};

/** What the user is told to do about it. */
const hint = (read: () => unknown) => {
	try {
		read();
	} catch (error) {
		expect(error).toBeInstanceOf(FieldError);
		return (error as FieldError).hint;
	}
	throw new Error('expected a FieldError');
};

describe('readText', () => {
	test('trims, accepts a number from an expression, and keeps an optional empty value empty', () => {
		expect(readText('Name', '  Sales  ')).toBe('Sales');
		expect(readText('Name', 42)).toBe('42');
		expect(readText('Name', '', { required: false })).toBe('');
		expect(readText('Name', '   ', { required: false })).toBe('');
		expect(readText('Name', ' x ', { trim: false })).toBe(' x ');
	});

	test.each([
		[undefined, 'Name is required'],
		['', 'Name is required'],
		['   ', 'Name is blank'],
		[{}, 'Name must be text, but it is an object'],
		[[1], 'Name must be text, but it is a list'],
		[null, 'Name is required'],
		[true, 'Name must be text, but it is a boolean'],
		['a\nb', 'Name contains a control character (such as a line break or tab)'],
		['ok\n', 'Name contains a control character (such as a line break or tab)'],
		['x'.repeat(LIMITS.text + 1), `Name is longer than ${LIMITS.text} characters`],
	])('%j → %s', (value, message) => {
		expect(problem(() => readText('Name', value))).toBe(message);
	});

	test('each refusal says what to do, naming the field where it helps', () => {
		expect(hint(() => readText('Name', ''))).toBe('Enter a value for Name');
		expect(hint(() => readText('Name', '  '))).toBe('Enter a value for Name');
		expect(hint(() => readText('Name', {}))).toBe('If it comes from an expression, make the expression return text');
		expect(hint(() => readText('Name', 'a\tb'))).toBe('Remove it; it cannot be sent to the Platform');
	});

	test('a refusal is a FieldError by name, so n8n shows it as one', () => {
		let error: unknown;
		try {
			readText('Name', '');
		} catch (caught) {
			error = caught;
		}
		expect(error).toMatchObject({ name: 'FieldError', field: 'Name', problem: 'is required' });
	});

	test('a value of only white space is blank even where it is not trimmed', () => {
		expect(problem(() => readText('Name', '   ', { trim: false }))).toBe('Name is blank');
		expect(problem(() => readSecret('Password', '  '))).toBe('Password is blank');
	});

	test('the limit is the limit: exactly max characters pass', () => {
		expect(readText('Name', 'x'.repeat(LIMITS.text))).toHaveLength(LIMITS.text);
		expect(readText('Name', 'x'.repeat(10), { max: 10 })).toHaveLength(10);
	});
});

describe('readHost', () => {
	test.each(['db.example.com', '10.0.0.5', '[2001:db8::1]', 'db_1.example.com', 'localhost', 'xn--bcher-kva.example'])('%s is a host', (host) => {
		expect(readHost('Host', ` ${host} `)).toBe(host);
	});

	test.each([
		['jdbc://db.example.com', 'Host must not start with a scheme such as jdbc:// or https://'],
		['https://db', 'Host must not start with a scheme such as jdbc:// or https://'],
		['db.example.com/sales', 'Host must not contain a path'],
		['db?x', 'Host must not contain a path'],
		['db#x', 'Host must not contain a path'],
		['db.example.com:5432', 'Host must not contain a port'],
		['bad host', 'Host is not a valid host name or IP address'],
		['-db', 'Host is not a valid host name or IP address'],
		['dé.example.com', 'Host is not a valid host name or IP address'],
		['db/x://y', 'Host must not contain a path'],
		[`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, `Host is longer than ${LIMITS.host} characters`],
	])('%s → %s', (host, message) => {
		expect(problem(() => readHost('Host', host))).toBe(message);
	});

	test('each refusal says what to enter instead', () => {
		expect(hint(() => readHost('Host', 'https://db'))).toBe('Enter the host name only, e.g. db.example.com');
		expect(hint(() => readHost('Host', 'db/sales'))).toBe('Enter the host name only, e.g. db.example.com');
		expect(hint(() => readHost('Host', 'db:5432'))).toBe('Put the port in the Port field (write an IPv6 address in brackets)');
		expect(hint(() => readHost('Host', 'bad host'))).toBe('Use letters, digits, dots and hyphens (an international name in its xn-- form)');
	});
});

describe('readPort', () => {
	test.each([
		[5432, '5432'],
		['5432', '5432'],
		[' 50000 ', '50000'],
		[1, '1'],
		[65535, '65535'],
		['007', '7'],
	])('%j → %s', (value, port) => {
		expect(readPort('Port', value)).toBe(port);
	});

	test.each([0, 65536, -1, 1.5, '12a', '123456', 'NaN'])('%j is refused', (value) => {
		expect(problem(() => readPort('Port', value))).toBe('Port must be a whole number between 1 and 65535');
	});

	test('empty: required says so, optional gives empty; an object is named', () => {
		expect(problem(() => readPort('Port', ''))).toBe('Port is required');
		expect(problem(() => readPort('Port', null))).toBe('Port is required');
		expect(hint(() => readPort('Port', undefined))).toBe('Enter a port between 1 and 65535');
		expect(readPort('Port', undefined, { required: false })).toBe('');
		expect(readPort('Port', ' ', { required: false })).toBe('');
		expect(problem(() => readPort('Port', {}))).toBe('Port must be a number, but it is an object');
	});
});

test('readSecret keeps white space: a password is sent as typed', () => {
	expect(readSecret('Password', '  pw  ')).toBe('  pw  ');
	expect(problem(() => readSecret('Password', ''))).toBe('Password is required');
	expect(readSecret('Password', '', { required: false })).toBe('');
	expect(problem(() => readSecret('Password', 'x'.repeat(LIMITS.secret + 1)))).toBe(`Password is longer than ${LIMITS.secret} characters`);
});

test('ids: a UUID, trimmed; anything else named', () => {
	const id = '4cb0c374-d3bb-4557-b139-5712880adc55';
	expect(isUuid(id)).toBe(true);
	expect(isUuid(`${id}x`)).toBe(false);
	expect(isUuid(` ${id}`)).toBe(false);
	expect(isUuid(42)).toBe(false);
	expect(isUuid([id])).toBe(false);
	expect(readId('Connection Spec ID', ` ${id} `)).toBe(id);
	expect(problem(() => readId('Connection Spec ID', 'greenplum'))).toBe('Connection Spec ID is not a valid ID');
});

test('positive integers', () => {
	expect(readPositiveInteger('Limit', 1)).toBe(1);
	expect(readPositiveInteger('Limit', 500)).toBe(500);
	for (const value of [0, -3, 1.5, '5', undefined, Number.NaN]) expect(problem(() => readPositiveInteger('Limit', value))).toBe('Limit must be a whole number of 1 or more');
});

describe('readBoolean', () => {
	test('a yes/no, or the text true or false from an expression', () => {
		expect(readBoolean('SSL', true)).toBe(true);
		expect(readBoolean('SSL', false)).toBe(false);
		expect(readBoolean('SSL', 'true')).toBe(true);
		expect(readBoolean('SSL', 'false')).toBe(false);
	});

	test('no value is no', () => {
		expect(readBoolean('SSL', undefined)).toBe(false);
		expect(readBoolean('SSL', null)).toBe(false);
		expect(readBoolean('SSL', '')).toBe(false);
	});

	test.each([
		['yes', 'SSL must be true or false, but it is a string'],
		['TRUE', 'SSL must be true or false, but it is a string'],
		[1, 'SSL must be true or false, but it is a number'],
		[[true], 'SSL must be true or false, but it is a list'],
	])('%j is refused', (value, message) => {
		expect(problem(() => readBoolean('SSL', value))).toBe(message);
	});
});
