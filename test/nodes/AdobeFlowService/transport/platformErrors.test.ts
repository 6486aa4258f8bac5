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

	test('an empty body, or none, is said to be empty; a 5xx is worth running again later, a 4xx not', () => {
		expect(describeFailure({ status: 500, body: '' })).toEqual({ status: 500, message: 'The Platform answered HTTP 500 with an empty body', requestId: undefined, hint: 'Run the workflow again later' });
		expect(describeFailure({ status: 499 }).message).toBe('The Platform answered HTTP 499 with an empty body');
		expect(describeFailure({ status: 499 }).hint).toBeUndefined();
		expect(describeFailure({ status: 500, body: 'x' }).message).toBe('The Platform answered HTTP 500 with a body that is not a Platform error (no content type)');
	});

	test('a body that is a list, or null, is not read as an error body', () => {
		expect(describeFailure({ status: 400, body: [{ error_code: '400003' }] }).code).toBeUndefined();
		expect(describeFailure({ status: 400, body: null }).message).toBe('The Platform answered HTTP 400 with a body that is not a Platform error (no content type)');
	});

	test('texts are trimmed, blank ones skipped, numbers read as text; headers are found whatever their case, the first of a list', () => {
		const f = describeFailure({ status: 429, body: { error_code: 429050, message: '  Too many requests  ' }, headers: { 'X-Request-Id': ['r7', 'r8'] } });
		expect(f).toMatchObject({ code: '429050', message: 'Too many requests', requestId: 'r7' });
		expect(describeFailure({ status: 403, body: { error_code: '   ', error: 'invalid_scope' } }).code).toBe('invalid_scope');
		expect(describeFailure({ status: 400, body: { title: '  ', type: '', error: 'e' } }).code).toBe('e');
	});

	test('a Flow Service body with a title only; its code from the end of the type, else from body.code', () => {
		expect(describeFailure({ status: 400, body: { title: 'Bad' } })).toMatchObject({ message: 'Bad', code: undefined });
		expect(describeFailure({ status: 400, body: { type: 'https://x/FLOW-1101-404/more', title: 'Bad', code: 'C1' } }).code).toBe('C1');
		expect(describeFailure({ status: 400, body: { type: 'FLOW-1101-404', title: 'Bad' } }).hint).toMatch(/^Check the ID/);
	});

	test('a hint is found by the code without its FLOW- prefix only when the prefix starts it', () => {
		expect(describeFailure({ status: 404, body: { title: 't', code: 'FLOW-1101-404' } }).hint).toMatch(/^Check the ID/);
		expect(describeFailure({ status: 404, body: { title: 't', code: 'XFLOW-1101-404' } }).hint).toBeUndefined();
	});

	test('redact leaves secrets shorter than 3 characters alone (they would mask ordinary words)', () => {
		expect(redact('an ab abc', ['ab', 'abc'])).toBe('an ab **********');
	});
});
