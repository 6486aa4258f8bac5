/** Everything after a base connection: datasets and schemas, mapping sets, source and target connections, dataflows and runs. */
import type { DatabaseAccess } from '../explore';
import type { Pager } from '../listing';
import type { ConnectionStore } from '../store';
import { DataLake } from './dataLake';
import { FlowConnections } from './flowConnections';
import { Flows } from './flows';
import { MappingSets } from './mappingSets';
import { Runs } from './runs';

export class Pipeline {
	readonly dataLake = new DataLake();
	readonly mappingSets = new MappingSets(this.dataLake);
	readonly connections: FlowConnections;
	readonly flows: Flows;
	readonly runs: Runs;

	constructor(baseConnections: ConnectionStore, pager: Pager, options: { runDurationMs: number; databaseAccess?: DatabaseAccess }) {
		this.connections = new FlowConnections(baseConnections, this.dataLake, pager);
		this.flows = new Flows(this.connections, this.mappingSets, pager);
		this.runs = new Runs(this.flows, this.connections, baseConnections, this.mappingSets, this.dataLake, pager, { durationMs: options.runDurationMs, databaseAccess: options.databaseAccess });
		baseConnections.usedByFlow = (org, sandbox, id) => this.flows.usesBaseConnection(org, sandbox, id);
	}

	clear(): void {
		this.dataLake.clear();
		this.mappingSets.sets.clear();
		this.connections.clear();
		this.flows.clear();
		this.runs.clear();
	}
}
