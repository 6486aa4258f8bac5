/** Everything after a base connection: datasets and schemas, mapping sets, source and target connections, dataflows and runs. */
import type { Clock } from '../clock';
import type { DatabaseAccess } from '../explore';
import type { Pager } from '../listing';
import type { ConnectionStore } from '../store';
import { DataLake } from './dataLake';
import { FlowConnections } from './flowConnections';
import { Flows } from './flows';
import { MappingSets } from './mappingSets';
import { Runs } from './runs';

export class Pipeline {
	readonly dataLake: DataLake;
	readonly mappingSets: MappingSets;
	readonly connections: FlowConnections;
	readonly flows: Flows;
	readonly runs: Runs;

	constructor(baseConnections: ConnectionStore, pager: Pager, options: { runDurationMs: number; clock: Clock; databaseAccess?: DatabaseAccess }) {
		const { clock } = options;
		this.dataLake = new DataLake(clock);
		this.mappingSets = new MappingSets(this.dataLake, clock, pager);
		this.connections = new FlowConnections(baseConnections, this.dataLake, pager, clock);
		this.flows = new Flows(this.connections, this.mappingSets, pager, clock);
		this.runs = new Runs(this.flows, this.connections, baseConnections, this.mappingSets, this.dataLake, pager, { durationMs: options.runDurationMs, clock, databaseAccess: options.databaseAccess });
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
