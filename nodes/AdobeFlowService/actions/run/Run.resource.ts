/** The Run resource: the runs of a dataflow, and waiting for one to finish. */
import type { Resource } from '../shared/operation';
import * as explainFailure from './explainFailure.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as retry from './retry.operation';
import * as wait from './wait.operation';

export const resource = {
	value: 'run',
	name: 'Run',
	description: 'A run of a dataflow, with its record counts',
	defaultOperation: 'wait',
	operations: { get, getMany, wait, explainFailure, retry },
} satisfies Resource;
