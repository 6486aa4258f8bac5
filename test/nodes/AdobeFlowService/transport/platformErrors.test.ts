import { describeFailure, failureDescription, failureMessage, redact } from '../../../../nodes/AdobeFlowService/transport/platformErrors';

describe('error mapping', () => {
	test('gateway body: the code and its hint', () => {
		const f = describeFailure({ status: 403, body: { error_code: '403010', message: 'Oauth token is missing.' }, headers: { 'x-request-id': 'r1' } });
		expect(failureMessage(f)).toBe('Oauth token is missing. [403 403010]');
		expect(failureDescription(f)).toBe('Add an access token to the credential. Request ID: r1');
	});

	test('Flow Service body: FLOW code from the type, message and request id from the report', () => {
		const f = describeFailure({
			status: 404,
			body: { type: 'https://ns.adobe.com/aep/errors/FLOW-1101-404', title: 'Resource not found', status: 404, report: { 'detailed-message': 'The requested connection resource x is not found.', 'request-id': 'r2' } },
		});
		expect(f).toMatchObject({ status: 404, code: 'FLOW-1101-404', message: 'The requested connection resource x is not found.', requestId: 'r2' });
		expect(f.hint).toMatch(/Check the ID: nothing with it exists/);
	});

	test('the content-type error body', () => {
		const f = describeFailure({ status: 400, body: { type: '/placeholder/type/uri', status: 400, title: 'BadRequestError', detail: 'A valid content-type must be specified' } });
		expect(failureMessage(f)).toBe('A valid content-type must be specified [400]');
	});

	test('IMS body', () => {
		const f = describeFailure({ status: 400, body: { error: 'invalid_client', error_description: 'invalid client_id parameter' } });
		expect(failureMessage(f)).toBe('invalid client_id parameter [400 invalid_client]');
	});

	test('an HTML page says what it is without quoting it', () => {
		const f = describeFailure({ status: 502, body: '<html>secret-ish</html>', headers: { 'content-type': 'text/html' } });
		expect(failureMessage(f)).toBe('The Platform answered HTTP 502 with a body that is not a Platform error (text/html) [502]');
	});

	test('redact replaces every occurrence of every secret', () => {
		expect(redact('a hunter2 b hunter2', ['hunter2'])).toBe('a ********** b **********');
	});
});
