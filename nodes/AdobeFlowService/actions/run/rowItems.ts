/**
 * Run → Explain Failure's row items: the rows a run's batch rejected, from its error diagnostics
 * (`/meta?path=row_errors`: every file listed, downloaded one by one until enough rows are read), or,
 * where those have nothing, from the failed files of a failed batch (`/failed`). Each file is kept
 * as bytes, so that Attach Files can add it to the first item read from it.
 */
import type { IDataObject } from 'n8n-workflow';

import { parseRecords, rowFacts } from '../../helpers/rowErrors';
import type { FlowServiceClient } from '../../transport';
import type { DiagnosticsFile } from '../shared/diagnostics';
import { downloadDiagnosticsFile, listDiagnosticsFiles } from '../shared/diagnostics';
import { fullCode } from '../shared/errorCodes';
import type { ExplanationFields } from '../shared/explanation';

export interface RowItem {
	fields: ExplanationFields;
	/** The file it was read from, the first time a row of that file is met: to attach. */
	newFile?: { name: string; bytes: Buffer };
}

export interface RowRead {
	/** Null where the listing is not found (404): diagnostics off or expired. */
	rows: RowItem[] | null;
}

interface Where {
	where: 'meta' | 'failed';
	/** The listing's path (`row_errors`) and the prefix of each file's path. */
	path?: string;
	source: 'rowErrors' | 'failedFile';
}

export const ROW_ERRORS: Where = { where: 'meta', path: 'row_errors', source: 'rowErrors' };
export const FAILED_FILES: Where = { where: 'failed', source: 'failedFile' };

/**
 * The rows of one kind of file, at most `max`. `knownCodes` are the codes of the run and its batch,
 * so that a file's bare code is named as they name it; `counts` gives the number of rows per code.
 */
export async function readRows(client: FlowServiceClient, batchId: string, kind: Where, max: number, knownCodes: string[], counts: Map<string, number>, itemIndex: number): Promise<RowRead> {
	const listed = await listDiagnosticsFiles(client, batchId, kind.where, kind.path, itemIndex);
	if (listed === null) return { rows: null };
	// Empty markers (`_SUCCESS`, length "0") hold no rows.
	const files = listed.filter((f: DiagnosticsFile) => f.length !== 0 && !f.name.startsWith('_'));
	const rows: RowItem[] = [];
	for (const file of files) {
		if (rows.length >= max) break;
		const bytes = await downloadDiagnosticsFile(client, batchId, kind.where, kind.path ? `${kind.path}/${file.name}` : file.name, itemIndex);
		if (!bytes) continue;
		let first = true;
		for (const record of parseRecords(bytes.toString('utf8'))) {
			for (const fact of rowFacts(record as IDataObject)) {
				if (rows.length >= max) break;
				const code = fullCode(fact.code, knownCodes);
				rows.push({
					fields: { kind: 'rowError', source: kind.source, ...fact, code, countForCode: code === null ? null : (counts.get(code) ?? null), file: file.name },
					...(first ? { newFile: { name: file.name, bytes } } : {}),
				});
				first = false;
			}
		}
	}
	// Where Catalog gave no count for a code, the rows read of it are counted.
	const read = new Map<string, number>();
	for (const row of rows) if (row.fields.code) read.set(row.fields.code, (read.get(row.fields.code) ?? 0) + 1);
	for (const row of rows) if (row.fields.countForCode === null && row.fields.code) row.fields.countForCode = read.get(row.fields.code) ?? null;
	return { rows };
}
