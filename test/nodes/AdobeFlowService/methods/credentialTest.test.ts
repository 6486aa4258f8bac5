import type { ICredentialDataDecryptedObject, ICredentialTestFunctions } from 'n8n-workflow';

import { testDatabaseLogin } from '../../../../nodes/AdobeFlowService/methods/credentialTest';

const LOGIN = { loginInput: 'fields', host: 'db.example.com', port: '', database: 'sales', username: 'reader', password: 'pw' };

const test_ = async (data: ICredentialDataDecryptedObject) => await testDatabaseLogin.call({} as ICredentialTestFunctions, { id: '1', name: 'login', type: 'flowServiceDatabaseApi', data });

test('a complete login fits every connector, and the message says who checks the sign-in', async () => {
	const result = await test_(LOGIN);
	expect(result.status).toBe('OK');
	expect(result.message).toMatch(/^Complete for IBM DB2, GreenPlum, Amazon Redshift, .*PostgreSQL.*\. Adobe signs in to the database when a connection is created: run Connection → Test to see it reach the data\.$/);
	// Token-based connectors need their token: a login of host and password is not complete for them.
	expect(result.message).not.toContain('Azure Databricks');
});

test('a key or token alone fits the connectors that take it', async () => {
	expect((await test_({ loginInput: 'accessToken', accessToken: 'dapi-token', database: 'delta' })).message).toMatch(/^Complete for Azure Databricks\. /);
	// What is missing is said for the connector nearest to what was filled in.
	expect(await test_({ loginInput: 'accessToken', accessToken: 'dapi-token' })).toEqual({ status: 'Error', message: 'Database in the Database Login credential is required' });
});

test('a missing password or a bad port fails, naming the field in the credential', async () => {
	expect(await test_({ ...LOGIN, password: '' })).toEqual({ status: 'Error', message: 'Password in the Database Login credential is required' });
	expect(await test_({ ...LOGIN, port: 'abc' })).toEqual({ status: 'Error', message: 'Port in the Database Login credential must be a whole number between 1 and 65535' });
	expect((await test_({ ...LOGIN, host: 'https://db.example.com/x' })).status).toBe('Error');
});

test('a connection string fits only the connectors that take one, and must name their keys', async () => {
	const whole = await test_({ loginInput: 'connectionString', connectionString: 'HOST=h;PORT=5432;DB=d;UID=u;PWD={p;w}' });
	expect(whole).toEqual({ status: 'OK', message: expect.stringMatching(/^Complete for GreenPlum\. Taken as given by .*Apache Hive on Azure HDInsights/) });
	const mysql = await test_({ loginInput: 'connectionString', connectionString: 'Server=h;Port=3306;Database=d;UID=u;PWD=p' });
	expect(mysql.message).toMatch(/^Complete for HP Vertica, MariaDB, MySQL\. /);
	const jdbc = await test_({ loginInput: 'connectionString', connectionString: 'jdbc:hive2://hive.example.com:443/default' });
	expect(jdbc).toEqual({ status: 'OK', message: expect.stringMatching(/^Taken as given by /) });
	const lacking = await test_({ loginInput: 'connectionString', connectionString: 'HOST=h;PORT=5432' });
	expect(lacking).toEqual({ status: 'Error', message: 'Connection String in the Database Login credential lacks DB, UID, PWD' });
});

test('the password is never in the answer', async () => {
	const result = await test_({ loginInput: 'connectionString', connectionString: 'HOST=h;PORT=1;DB=d;UID=u;PWD={secret-pw' });
	expect(result.status).toBe('Error');
	expect(result.message).not.toContain('secret-pw');
});
