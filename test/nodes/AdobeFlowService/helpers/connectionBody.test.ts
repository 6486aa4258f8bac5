import { findConnector } from '../../../../nodes/AdobeFlowService/connectors';
import { buildAuthParams, buildConnection } from '../../../../nodes/AdobeFlowService/helpers/connectionBody';
import { MASK } from '../../../../nodes/AdobeFlowService/helpers/mask';
import { FieldError } from '../../../../nodes/AdobeFlowService/helpers/validation';

const db2 = findConnector('ibmDb2')!;
const greenplum = findConnector('greenplum')!;
const values = { host: 'db.example.com', port: 5432, database: 'sales', username: 'analyst', password: 'p;w=d}', authenticationType: '' };

test('DB2: one auth param per value, server as host:port, authenticationType defaulting to Basic', () => {
	const built = buildConnection(db2, { name: ' DB2 ', description: 'Sales', values: { ...values, port: 50000 } });
	expect(built.body).toEqual({
		name: 'DB2',
		description: 'Sales',
		auth: { specName: 'Basic Authentication', params: { server: 'db.example.com:50000', database: 'sales', authenticationType: 'Basic', username: 'analyst', password: 'p;w=d}' } },
		connectionSpec: { id: '09182899-b429-40c9-a15a-bf3ddbc8ced7', version: '1.0' },
	});
	expect(built.maskedBody.auth.params).toEqual({ ...built.body.auth.params, password: MASK });
	expect(built.secrets).toEqual(['p;w=d}']);
});

test('DB2 without a port: server is the host alone; no description, no description key', () => {
	const built = buildConnection(db2, { name: 'x', description: '', values: { ...values, port: '' } });
	expect(built.body.auth.params.server).toBe('db.example.com');
	expect(built.body).not.toHaveProperty('description');
});

test('GreenPlum: one connection string with the keys in order, a value that needs it in braces', () => {
	const built = buildConnection(greenplum, { name: 'gp', description: '', values });
	expect(built.body.auth.params).toEqual({ connectionString: 'HOST=db.example.com;PORT=5432;DB=sales;UID=analyst;PWD={p;w=d}}}' });
	expect(built.maskedBody.auth.params).toEqual({ connectionString: `HOST=db.example.com;PORT=5432;DB=sales;UID=analyst;PWD=${MASK}` });
	expect(built.secrets).toEqual(['p;w=d}', built.body.auth.params.connectionString]);
});

test('GreenPlum, a whole connection string: sent as given; masked except the keys known not to be secret', () => {
	const whole = 'HOST=h;PORT=1;DB=d;UID=u;PWD={a;b};SSLMODE=require';
	const auth = buildAuthParams(greenplum, { values: {}, connectionString: whole });
	expect(auth.params).toEqual({ connectionString: whole });
	expect(auth.masked.connectionString).toBe(`HOST=h;PORT=1;DB=d;UID=u;PWD=${MASK};SSLMODE=${MASK}`);
	expect(auth.secrets).toEqual([whole]);
});

test.each([
	['HOST=h;PORT=1;DB=d;UID=u', 'Connection String lacks PWD'],
	['HOST=h;PORT=1;DB=d;UID=u;PWD={open', 'Connection String cannot be read: The value for PWD has an unclosed "{"'],
])('a whole connection string that is not complete or readable: %s', (whole, message) => {
	expect(() => buildAuthParams(greenplum, { values: {}, connectionString: whole })).toThrow(message);
});

test('auth params alone (Update) need no name; every field is checked as on Create', () => {
	expect(buildAuthParams(db2, { values }).params.server).toBe('db.example.com:5432');
	expect(() => buildAuthParams(db2, { values: { ...values, host: 'https://db' } })).toThrow(FieldError);
	expect(() => buildAuthParams(greenplum, { values: { ...values, password: '' } })).toThrow('Password is required');
	expect(() => buildAuthParams(greenplum, { values: { ...values, port: '' } })).toThrow('Port is required');
});

test('the name is required and the description limited', () => {
	expect(() => buildConnection(greenplum, { name: '', description: '', values })).toThrow('Name is required');
	expect(() => buildConnection(greenplum, { name: 'x', description: 'd'.repeat(1025), values })).toThrow('Description is longer than 1024 characters');
});
