/**
 * A local stand-in for an OpenAI-compatible chat API, for running n8n's AI Agent offline: the OpenAI
 * Chat Model node's credential points its Base URL here. It plays a model that always uses a tool:
 * asked with no tool answer yet, it calls one of the tools it was offered, with arguments built from
 * that tool's JSON schema; given the tool's answer, it replies with a final text that quotes it.
 * Every request is kept, so a test can read which tools the agent offered and what came back.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_MODEL = 'gpt-4o-mini';
/** What the final answer starts with, before the tool's answer. */
export const FINAL_PREFIX = 'The tool answered: ';

interface ToolSchema {
	type: 'function';
	function: { name: string; description?: string; parameters?: { properties?: Record<string, { type?: string }>; required?: string[] } };
}

interface ChatMessage {
	role: string;
	content?: unknown;
	tool_call_id?: string;
}

export interface ChatRequest {
	model?: string;
	messages: ChatMessage[];
	tools?: ToolSchema[];
	stream?: boolean;
}

export interface FakeOpenAi {
	/** The Base URL for the OpenAI credential (ends in /v1). */
	url: string;
	/** Every chat completion request, in order. */
	requests: ChatRequest[];
	/** The arguments the next tool call uses, by parameter name; a parameter not named here gets a placeholder of its type. */
	setArguments(values: Record<string, unknown>): void;
	close(): Promise<void>;
}

const usage = { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 };

function placeholder(type: string | undefined): unknown {
	if (type === 'number' || type === 'integer') return 1;
	if (type === 'boolean') return false;
	return 'placeholder';
}

/** The arguments for a tool: the values given for its parameters, a placeholder for any other. */
function argumentsFor(tool: ToolSchema, values: Record<string, unknown>): Record<string, unknown> {
	const properties = tool.function.parameters?.properties ?? {};
	return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, name in values ? values[name] : placeholder(schema.type)]));
}

function text(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => (typeof part === 'object' && part && 'text' in part ? String((part as { text: unknown }).text) : '')).join('');
	return JSON.stringify(content ?? '');
}

/** The assistant's next message: a call of the first tool offered, or, once a tool has answered, the final text. */
function reply(request: ChatRequest, values: Record<string, unknown>, calls: number): { message: Record<string, unknown>; finish: string } {
	const toolAnswers = request.messages.filter((m) => m.role === 'tool');
	const tool = request.tools?.[0];
	if (toolAnswers.length > 0 || !tool) {
		const answer = toolAnswers.length > 0 ? text(toolAnswers[toolAnswers.length - 1].content) : 'no tool was offered';
		return { message: { role: 'assistant', content: FINAL_PREFIX + answer }, finish: 'stop' };
	}
	const call = { id: `call_${calls}`, type: 'function', function: { name: tool.function.name, arguments: JSON.stringify(argumentsFor(tool, values)) } };
	return { message: { role: 'assistant', content: null, tool_calls: [call] }, finish: 'tool_calls' };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const body = Buffer.concat(chunks).toString('utf8');
	return body === '' ? {} : JSON.parse(body);
}

function send(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

/** A streamed answer (stream: true): the same message as server-sent chunks, usage in the last. */
function stream(res: ServerResponse, id: string, message: Record<string, unknown>, finish: string): void {
	res.writeHead(200, { 'content-type': 'text/event-stream' });
	const chunk = (delta: Record<string, unknown>, finishReason: string | null, extra: object = {}) =>
		res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1_700_000_000, model: FAKE_MODEL, choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra })}\n\n`);
	const calls = (message.tool_calls as Array<Record<string, unknown>> | undefined)?.map((call, index) => ({ index, ...call }));
	chunk({ role: 'assistant', ...(calls ? { tool_calls: calls } : { content: message.content }) }, null);
	chunk({}, finish, { usage });
	res.end('data: [DONE]\n\n');
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
	const requests: ChatRequest[] = [];
	let values: Record<string, unknown> = {};
	const server: Server = createServer(async (req, res) => {
		const path = new URL(req.url ?? '/', 'http://fake.local').pathname;
		try {
			if (req.method === 'GET' && path === '/v1/models') {
				send(res, 200, { object: 'list', data: [{ id: FAKE_MODEL, object: 'model', created: 1_700_000_000, owned_by: 'fake' }] });
				return;
			}
			if (req.method === 'POST' && path === '/v1/chat/completions') {
				const request = (await readJson(req)) as ChatRequest;
				requests.push(request);
				const id = `chatcmpl-fake-${requests.length}`;
				const { message, finish } = reply(request, values, requests.length);
				if (request.stream) {
					stream(res, id, message, finish);
					return;
				}
				send(res, 200, { id, object: 'chat.completion', created: 1_700_000_000, model: FAKE_MODEL, choices: [{ index: 0, message, finish_reason: finish }], usage });
				return;
			}
			send(res, 404, { error: { message: `${req.method} ${path} is not part of this fake`, type: 'invalid_request_error' } });
		} catch (error) {
			send(res, 500, { error: { message: String(error), type: 'server_error' } });
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		setArguments: (next) => {
			values = next;
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
