import type { ConnectorEntry } from '../../../../nodes/AdobeFlowService/connectors';
import {
	AUTH_CHOICES,
	authParameterName,
	CONNECTORS,
	connectorOptions,
	connectorsUsing,
	FIELDS,
	findConnector,
	findConnectorBySpecId,
	findEntry,
	loginFields,
	resolveConnector,
	shownParamNames,
} from '../../../../nodes/AdobeFlowService/connectors';

const entry = (key: string) => findEntry(key)!;

test('each connector picks its auth method with a parameter of its own', () => {
	expect(authParameterName(entry('snowflake'))).toBe('auth_snowflake');
	expect(authParameterName(entry('bigQuery'))).toBe('auth_bigQuery');
});

test('a connector entry and one of its auth methods make one connector: what the entry says, what the method sends', () => {
	const bigQuery = entry('bigQuery');
	const [oauth, serviceAccount] = bigQuery.auths;
	expect(resolveConnector(bigQuery, serviceAccount)).toEqual({
		key: 'bigQuery',
		displayName: 'Google BigQuery',
		summary: bigQuery.summary,
		connectionSpecId: '3c9b37f8-13a6-43d8-bad3-b863b941fedd',
		connectionSpecVersion: '1.0',
		beta: undefined,
		doc: 'bigquery.md',
		notice: undefined,
		fields: serviceAccount.fields,
		optional: serviceAccount.optional,
		defaults: undefined,
		hints: undefined,
		layout: serviceAccount.layout,
		acceptsWholeConnectionString: undefined,
		authType: undefined,
		authKey: 'serviceAccount',
		authSpecName: 'Service Authentication',
		entry: bigQuery,
	});
	const first = resolveConnector(bigQuery);
	expect([first.authKey, first.authSpecName, first.authType, first.fields]).toEqual(['oauth', 'Basic Authentication', 'OAuth2.0', oauth.fields]);
	const db2 = resolveConnector(entry('ibmDb2'));
	expect([db2.beta, db2.notice, db2.defaults]).toEqual([true, 'The IBM DB2 source is in beta at Adobe', { port: 50000 }]);
});

test('every auth method of every connector is a choice, in the order the connectors are listed', () => {
	expect(AUTH_CHOICES.map((c) => `${c.key}/${c.authKey}`)).toEqual(CONNECTORS.flatMap((e) => e.auths.map((m) => `${e.key}/${m.key}`)));
});

describe('finding a connector', () => {
	test('by its key: the entry, or nothing for a key no connector has', () => {
		expect(findEntry('oracle')?.displayName).toBe('Oracle DB');
		expect(findEntry('nosuch')).toBeUndefined();
		expect(findEntry('')).toBeUndefined();
	});

	test('with no auth method named, its first one; with one named, that one', () => {
		expect(findConnector('bigQuery')?.authKey).toBe('oauth');
		expect(findConnector('bigQuery', 'serviceAccount')?.authSpecName).toBe('Service Authentication');
		expect(findConnector('snowflake', 'basic')?.displayName).toBe('Snowflake');
		expect(findConnector('snowflake', 'basic')?.authKey).toBe('basic');
	});

	test('the same connector object for every item: resolved once, when the node loads', () => {
		const found = findConnector('bigQuery', 'serviceAccount');
		expect(found).toBe(AUTH_CHOICES.find((c) => c.key === 'bigQuery' && c.authKey === 'serviceAccount'));
		expect(findConnector('bigQuery')).toBe(findConnector('bigQuery', 'oauth'));
		// Two connectors with an auth method of the same key stay apart.
		expect(findConnector('mariaDb', 'basic')?.key).toBe('mariaDb');
		expect(findConnector('mySql', 'basic')?.key).toBe('mySql');
	});

	test('nothing for an unknown connector, or an auth method the connector does not have', () => {
		expect(findConnector('nosuch')).toBeUndefined();
		expect(findConnector('nosuch', 'basic')).toBeUndefined();
		expect(findConnector('bigQuery', 'basic')).toBeUndefined();
		expect(findConnector('bigQuery', '')).toBeUndefined();
	});

	test('by its connection spec id, as a connection read from the Platform names it', () => {
		expect(findConnectorBySpecId('09182899-b429-40c9-a15a-bf3ddbc8ced7')?.key).toBe('ibmDb2');
		expect(findConnectorBySpecId('3c9b37f8-13a6-43d8-bad3-b863b941fedd')?.key).toBe('bigQuery');
		expect(findConnectorBySpecId('00000000-0000-0000-0000-000000000000')).toBeUndefined();
	});
});

test('the connectors as options: sorted by display name, the value as asked, the summary as description', () => {
	const options = connectorOptions((c) => `spec:${c.connectionSpecId}`);
	const names = options.map((o) => o.name);
	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	expect(names).toHaveLength(CONNECTORS.length);
	expect(names.slice(0, 3)).toEqual(['Amazon Redshift', 'Apache Cassandra', 'Apache Hive on Azure HDInsights']);
	expect(names.at(-1)).toBe('Teradata Vantage');
	const db2 = entry('ibmDb2');
	expect(options.find((o) => o.name === 'IBM DB2')).toEqual({ name: 'IBM DB2', value: `spec:${db2.connectionSpecId}`, description: db2.summary });
	// The list the node keeps is left in its own order.
	expect(CONNECTORS[0].key).toBe('ibmDb2');
});

test('the Database Login credential asks for the login fields some connector uses, in catalogue order', () => {
	const fields = loginFields();
	expect(fields.every((key) => FIELDS[key].login)).toBe(true);
	expect(fields.slice(0, 4)).toEqual(['host', 'port', 'database', 'username']);
	expect(fields).toContain('accountKey');
	expect(fields).toContain('password');
	// A field no connector is told apart from: not a login field.
	expect(fields).not.toContain('authenticationType');
	expect(fields).not.toContain('sid');
	const order = Object.keys(FIELDS);
	expect(fields.map((key) => order.indexOf(key))).toEqual([...fields.map((key) => order.indexOf(key))].sort((a, b) => a - b));
});

test('the connectors that use a field, each named once, by name', () => {
	expect(connectorsUsing('sid')).toEqual(['Oracle DB']);
	expect(connectorsUsing('warehouse')).toEqual(['Snowflake', 'Snowflake Streaming']);
	const password = connectorsUsing('password');
	expect(password).toEqual([...new Set(password)]);
	expect(password).toEqual([...password].sort((a, b) => a.localeCompare(b)));
	expect(password.slice(0, 2)).toEqual(['Amazon Redshift', 'Apache Cassandra']);
});

describe('the auth params shown when a connection is read', () => {
	test('fixed values, host and port, and fields that hold no secret; never a secret', () => {
		expect(shownParamNames(entry('ibmDb2'), 'Basic Authentication')).toEqual(['server', 'database', 'authenticationType', 'username']);
		expect(shownParamNames(entry('phoenix'), 'Basic Authentication')).toEqual(['host', 'username', 'port', 'httpPath', 'enableSsl']);
		expect(shownParamNames(entry('bigQuery'), 'Basic Authentication')).toEqual(['project', 'clientId', 'largeResultsDataSetId']);
		expect(shownParamNames(entry('bigQuery'), 'Service Authentication')).toEqual(['projectId', 'largeResultsDataSetId', 'datasetId']);
	});

	test('a fixed value is shown, and a value from a secret field is not, whatever way it is sent', () => {
		const custom: ConnectorEntry = {
			...entry('ibmDb2'),
			auths: [
				{
					...entry('ibmDb2').auths[0],
					specName: 'Custom',
					layout: { type: 'params', params: { mode: { value: 'fixed' }, secretNumber: { field: 'password', as: 'number' }, flag: { field: 'enableSsl', as: 'boolean' } } },
				},
			],
		};
		expect(shownParamNames(custom, 'Custom')).toEqual(['mode', 'flag']);
	});

	test('nothing for a connection string, or an auth spec the connector does not have', () => {
		expect(shownParamNames(entry('greenplum'), 'Basic Authentication')).toEqual([]);
		expect(shownParamNames(entry('hive'), 'HDInsights Basic Authentication')).toEqual([]);
		expect(shownParamNames(entry('couchbase'), entry('couchbase').auths[0].specName)).toEqual([]);
		expect(shownParamNames(entry('ibmDb2'), 'Other Authentication')).toEqual([]);
		expect(shownParamNames(entry('ibmDb2'), undefined)).toEqual([]);
	});
});
