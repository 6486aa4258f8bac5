// Prints one plain closing line, "N passed, N failed", that any CI can read. A test file that failed
// to run (it did not compile, or under CI=true it needs a server that does not answer) counts as one
// failure: jest counts no test of it.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		const skipped = results.numPendingTests + results.numTodoTests;
		process.stdout.write(`\nTests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
	}
}

module.exports = SummaryReporter;
