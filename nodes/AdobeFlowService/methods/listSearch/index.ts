/** The node's searchable lists (resource locators' From List), by the names its parameters give. */
export { searchConnections, searchConnectionSpecs, searchSourceConnectionSpecs, searchTables } from './connections';
export { searchColumns, searchMappingSets } from './dataflowParts';
export { searchDataflows, searchDatasets, searchRunnableDataflows, searchSchemas, searchSourceConnections, searchTargetConnections } from './pipeline';
