/**
 * What the error codes of runs and batches mean, and what to do, where Adobe says so: the flow run
 * notifications page (help/sources/notifications.md: CONNECTOR-1001-500, CONNECTOR-2001-500, 133),
 * the monitoring tutorial (MAPPER-3700-400) and the error diagnostics page
 * (help/ingestion/quality/error-diagnostics.md: INGEST-1211-400, -1212-400, -1401-400, -1555-400).
 * Adobe publishes no full catalog: an unknown code has no meaning or advice here (null), and its
 * message is shown as the Platform wrote it. `transient` is this node's reading, not Adobe's: a copy
 * from the source that failed may work when retried; data the Platform refused will not.
 */
export interface CodeInfo {
	meaning: string | null;
	advice: string | null;
	transient: boolean | null;
}

const CODES: Record<string, CodeInfo> = {
	'CONNECTOR-1001-500': { meaning: 'An error occurred while data was being copied from the source', advice: null, transient: true },
	'CONNECTOR-2001-500': { meaning: 'An error occurred while the copied data was being processed (parsing, validation or transformation)', advice: null, transient: false },
	'INGEST-1211-400': {
		meaning: 'Errors were found while parsing, converting or validating the data, but error diagnostics were not enabled',
		advice: 'Turn on Error Diagnostics for the dataflow (Dataflow → Update) and run it again to see which rows failed and why',
		transient: false,
	},
	'INGEST-1212-400': { meaning: 'Some rows failed; the others were ingested', advice: 'Review the diagnostic files for the failed rows', transient: false },
	'INGEST-1401-400': { meaning: 'The row has corrupted data and cannot be read or parsed', advice: 'Fix the corrupted data and try again', transient: false },
	'INGEST-1555-400': { meaning: 'A required field is either missing or has a value of null', advice: 'Add the required field to the input row and try again', transient: false },
	'MAPPER-3700-400': { meaning: 'Mapper Transform Error: the mapping could not turn a value into its field', advice: null, transient: false },
	'133': { meaning: 'No files were found for the batch', advice: 'Upload files to ingest', transient: false },
};

/** The code as Catalog names it: a row file's bare `1555` is `INGEST-1555-400` when the run or batch has that code. */
export function fullCode(code: string | null, known: Iterable<string>): string | null {
	if (code === null || !/^\d+$/.test(code)) return code;
	for (const candidate of [...known, ...Object.keys(CODES)]) if (candidate.split('-')[1] === code) return candidate;
	return code;
}

export function codeInfo(code: string | null): CodeInfo {
	return (code !== null && CODES[code]) || { meaning: null, advice: null, transient: null };
}
