/**
 * One HTTP exchange with the Platform through n8n's request helper: the credential (read once per
 * execution), the base URL, headers, JSON and the timeout. HTTP errors come back as answers, never
 * thrown, so that status, headers and body reach the retry loop whole.
 */
import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

export const FLOW_SERVICE_PATH = '/data/foundation/flowservice';

/**
 * The Platform services the node calls, by their base path: Flow Service, for the pipeline Data Prep,
 * Catalog and the Schema Registry, and for a run's error diagnostics Data Access.
 */
export const SERVICE_PATHS = {
	flowservice: FLOW_SERVICE_PATH,
	conversion: '/data/foundation/conversion',
	catalog: '/data/foundation/catalog',
	schemaregistry: '/data/foundation/schemaregistry',
	dataaccess: '/data/foundation/export',
} as const;

export type PlatformService = keyof typeof SERVICE_PATHS;
export const DEFAULT_BASE_URL = 'https://platform.adobe.io';
export const DEFAULT_TIMEOUT_SECONDS = 60;

export const CREDENTIAL_TYPES = {
	accessToken: 'flowServiceApi',
	serverToServer: 'flowServiceServerToServerApi',
} as const;

/** The credential type for the node's Authentication parameter. */
export function credentialTypeFor(authentication: unknown): string {
	return typeof authentication === 'string' && Object.hasOwn(CREDENTIAL_TYPES, authentication) ? CREDENTIAL_TYPES[authentication as keyof typeof CREDENTIAL_TYPES] : CREDENTIAL_TYPES.accessToken;
}

/** What the transport needs of n8n: the node, its credentials and the HTTP helper, which every one of these has. */
export type Context = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface RawResponse<T> {
	statusCode: number;
	headers: Record<string, unknown>;
	body: T;
}

export interface Exchange {
	method: IHttpRequestMethods;
	/** Path below the service's base, e.g. `/connections`; may carry a query of its own. */
	path: string;
	/** The service; Flow Service when absent. */
	service?: PlatformService;
	qs?: IDataObject;
	body?: unknown;
	headers?: Record<string, string>;
	/** A file to download: its body comes back as bytes (a Buffer), not read as JSON. */
	download?: boolean;
}

function plainHeaders(headers: unknown): Record<string, unknown> {
	if (!headers || typeof headers !== 'object') return {};
	const maybe = headers as { toJSON?: () => Record<string, unknown> };
	return typeof maybe.toJSON === 'function' ? maybe.toJSON() : (headers as Record<string, unknown>);
}

export class PlatformHttp {
	private credentials?: Promise<ICredentialsDecrypted>;

	constructor(
		private readonly context: Context,
		readonly credentialType: string,
		private readonly timeoutMs: number,
	) {}

	/** Whether the credential gets its own token, which n8n renews after a 401. */
	get renewable(): boolean {
		return this.credentialType === CREDENTIAL_TYPES.serverToServer;
	}

	/**
	 * The credential, read once per execution instead of once per request. n8n's helper renews a
	 * token into this same object, so every later request uses the new one.
	 */
	async credentialsOnce(): Promise<ICredentialsDecrypted> {
		this.credentials ??= this.context.getCredentials(this.credentialType).then((data) => ({
			id: this.context.getNode().credentials?.[this.credentialType]?.id ?? this.credentialType,
			name: this.credentialType,
			type: this.credentialType,
			data,
		}));
		return await this.credentials;
	}

	async currentToken(): Promise<unknown> {
		return (await this.credentialsOnce()).data?.accessToken;
	}

	async options(exchange: Exchange): Promise<IHttpRequestOptions> {
		const data = (await this.credentialsOnce()).data ?? {};
		const base = typeof data.baseUrl === 'string' && data.baseUrl.trim() ? data.baseUrl.trim() : DEFAULT_BASE_URL;
		const headers: Record<string, string> = { Accept: 'application/json', ...exchange.headers };
		if (exchange.body !== undefined) headers['Content-Type'] = 'application/json';
		const options: IHttpRequestOptions = {
			method: exchange.method,
			url: base.replace(/\/+$/, '') + SERVICE_PATHS[exchange.service ?? 'flowservice'] + exchange.path,
			qs: exchange.qs,
			headers,
			json: true,
			returnFullResponse: true,
			timeout: this.timeoutMs,
			arrayFormat: 'repeat',
		};
		if (exchange.download) {
			options.json = false;
			options.encoding = 'arraybuffer';
		}
		if (exchange.body !== undefined) options.body = exchange.body as IDataObject;
		return options;
	}

	/** Sends once. With `throwHttpErrors`, n8n's helper throws on an HTTP error — and renews a token on a 401. */
	async send<T>(options: IHttpRequestOptions, throwHttpErrors = false): Promise<RawResponse<T>> {
		const credentialsDecrypted = await this.credentialsOnce();
		const sent = { ...options, ...(throwHttpErrors ? {} : { ignoreHttpStatusErrors: true }) };
		const response = (await this.context.helpers.httpRequestWithAuthentication.call(this.context, this.credentialType, sent, { credentialsDecrypted })) as RawResponse<T>;
		// A download that failed: its body is read as the Platform's error, as any other.
		const body = Buffer.isBuffer(response.body) && (response.statusCode < 200 || response.statusCode >= 300) ? (readBytes(response.body) as T) : response.body;
		return { statusCode: response.statusCode, headers: plainHeaders(response.headers), body };
	}
}

/** Bytes as JSON where they are, else as text. */
function readBytes(bytes: Buffer): unknown {
	const text = bytes.toString('utf8');
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}
