/** The transport: every request of the node goes through FlowServiceClient. */
export type { ClientOptions, FlowServiceRequest, FlowServiceResponse, Recovery } from './client';
export { FlowServiceClient } from './client';
export { FlowServiceError } from './errors';
export { CREDENTIAL_TYPES, credentialTypeFor, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_SECONDS, FLOW_SERVICE_PATH } from './http';
export { nextPageQuery } from './paging';
