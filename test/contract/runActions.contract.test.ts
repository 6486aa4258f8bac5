/**
 * Re-triggering a run (retry-flows.md) and on-demand runs (on-demand-ingestion.md, create-flow-runs.md)
 * held to Adobe's documented examples, both ways: the emulator accepts the documented requests and
 * answers them in the documented shape; the node sends them in the documented shape (Run → Retry,
 * Dataflow → Run Now) and reads the documented answers. Shapes, not values.
 */
import type { IDataObject } from 'n8n-workflow';

import { CredentialStore, runNode } from '../../support/runNode';
import { useEmulatorStack } from '../emulator/client';
import type { Fixture } from './fixtures';
import { FIXTURES, missingShape, shapeOf } from './fixtures';
import type { Replay, Route } from './replay';
import { startReplay } from './replay';

const RETRIGGER = FIXTURES['retrigger-run'];
const CREATE_RUN = FIXTURES['create-run'];
const AD_HOC_RUN = FIXTURES['run-on-demand'];
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const documentedBody = (fixture: Fixture) => structuredClone(fixture.request!.body) as { flowId: string; params: Record<string, unknown> };

describe('the emulator', () => {
	const used = useEmulatorStack({ runDurationMs: 30 });

	/** The documented on-demand request for a dataflow of the emulator's, its column named as the sample table has it. */
	async function documentedRun(fixture: Fixture, plan?: 'fail'): Promise<{ flowId: string; answer: { status: number; body: any } }> {
		const flowId = await used.client.dataflow({ frequency: 'once', startTime: Math.floor(used.stack.emulator.clock.now() / 1000) + 3600 });
		if (plan) used.stack.emulator.pipeline.runs.planOutcome(flowId, plan);
		const body = documentedBody(fixture);
		body.flowId = flowId;
		body.params.deltaColumn = { name: 'created_at' };
		return { flowId, answer: await used.client.send('POST', '/runs', body) };
	}

	test('POST /runs: the on-demand page’s request, answered in its shape; the run then carries its params as the ad hoc page shows', async () => {
		const { answer } = await documentedRun(CREATE_RUN);
		expect(answer.status).toBe(CREATE_RUN.response.status);
		expect(missingShape(CREATE_RUN.response.body, answer.body)).toEqual([]);
		const run = (await used.client.get(`/runs/${answer.body.items[0].id}`)).items[0];
		expect(missingShape((AD_HOC_RUN.response.body as { items: unknown[] }).items[0], run)).toEqual([]);
		expect(run.params).toMatchObject({ windowStartTime: '1651584991', windowEndTime: '16515859567' });
		await used.client.finished(run.id);
	});

	test('the ad hoc page’s request (no startTime) is accepted too', async () => {
		const { answer } = await documentedRun(AD_HOC_RUN);
		expect(answer.status).toBe(201);
		await used.client.finished(answer.body.items[0].id);
	});

	test('POST /runs/{id}/action?op=re-trigger: the retry page’s request on a failed run, answered in its shape with a new run', async () => {
		const { answer } = await documentedRun(CREATE_RUN, 'fail');
		const failed = await used.client.finished(answer.body.items[0].id);
		expect(failed.metrics.statusSummary.status).toBe('failed');
		const path = RETRIGGER.request!.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, failed.id);
		const retried = await used.client.send(RETRIGGER.request!.method, `${path}?op=${String(RETRIGGER.request!.query!.op)}`);
		expect(retried.status).toBe(RETRIGGER.response.status);
		expect(shapeOf(retried.body)).toEqual(shapeOf(RETRIGGER.response.body));
		expect(retried.body.id).not.toBe(failed.id);
		await used.client.finished(retried.body.id);
	});
});

describe('the node', () => {
	let replay: Replay | undefined;
	afterEach(async () => {
		await replay?.close();
		replay = undefined;
	});

	async function against(routes: Route[], parameters: IDataObject) {
		replay = await startReplay(routes);
		const credentials = new CredentialStore();
		credentials.set('flowServiceApi', { accessToken: 'doc-token', apiKey: 'doc-client', imsOrgId: 'C0FFEE00000000000000000A@AdobeOrg', sandboxName: 'prod', baseUrl: replay.url });
		return { out: await runNode({ credentials, parameters }), requests: replay.requests };
	}

	/** The documented failed run (the failure notification's), as GET /runs/{id} answers. */
	const failedRun = () => FIXTURES['run-failed'].response;

	test('Run → Retry sends the retry page’s request, and follows the id of its answer', async () => {
		const runId = '4fb0418e-1804-45d6-8d56-dd51f05c0baf';
		const { out, requests } = await against(
			[
				{ method: 'GET', path: /^\/runs\/[^/]+$/, answers: [failedRun()] },
				{ method: 'POST', path: /^\/runs\/[^/]+\/action$/, answers: [RETRIGGER.response] },
			],
			{ resource: 'run', operation: 'retry', runId },
		);
		const post = requests.find((r) => r.method === 'POST')!;
		expect(post.path).toBe(RETRIGGER.request!.path);
		expect(Object.fromEntries(post.query)).toEqual(RETRIGGER.request!.query);
		for (const name of RETRIGGER.request!.headers!) expect(Object.keys(post.headers)).toContain(name.toLowerCase());
		expect(post.text).toBe('');
		// The documented failed run names no window: no retry of it can be told from other runs, so none is looked for.
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /runs/${runId}`, `POST /runs/${runId}/action`, `GET /runs/${String((RETRIGGER.response.body as IDataObject).id)}`]);
		expect(out[0].json).toMatchObject({ retriedRunId: runId, retried: true, alreadyRetried: false, windowStart: null, windowEnd: null });
	});

	test('Dataflow → Run Now sends the on-demand page’s body shape, and reads the id from its answer', async () => {
		const flow = structuredClone(FIXTURES['create-flow'].request!.body) as IDataObject;
		const flowId = documentedBody(CREATE_RUN).flowId;
		const answerFlow = { status: 200, body: { items: [{ ...flow, id: flowId, scheduleParams: { startTime: '1663735590', frequency: 'once' } }] } };
		const { out, requests } = await against(
			[
				{ method: 'GET', path: /^\/flows\/[^/]+$/, answers: [answerFlow] },
				{ method: 'POST', path: /^\/runs$/, answers: [CREATE_RUN.response] },
			],
			{ resource: 'dataflow', operation: 'runNow', dataflow: byId(flowId), windowStart: '2022-05-03T13:36:31Z', windowEnd: '2022-05-03T13:52:36Z', incrementalColumn: 'DOB' },
		);
		const post = requests.find((r) => r.method === 'POST')!;
		for (const name of CREATE_RUN.request!.headers!) expect(Object.keys(post.headers)).toContain(name.toLowerCase());
		expect(Object.keys(post.body as IDataObject).sort()).toEqual(['flowId', 'params']);
		expect(Object.keys((post.body as { params: IDataObject }).params).sort()).toEqual(Object.keys(documentedBody(CREATE_RUN).params).sort());
		expect(post.body).toMatchObject({ flowId, params: { windowStartTime: 1651584991, windowEndTime: 1651585956, deltaColumn: { name: 'DOB' } } });
		expect(out[0].json).toMatchObject({ runId: '3fb0418e-1804-45d6-8d56-dd51f05c0baf', etag: '"1100c53e-0000-0200-0000-627138980000"', flowId });
	});
});
