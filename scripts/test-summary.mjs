// Prints "N passed, N failed" from vitest's JSON report, the line CI reads. A second
// argument adds checks that failed before the tests (type check, generated files) to the failed count.
import { readFileSync, existsSync } from 'node:fs';

const file = process.argv[2] ?? '.test-report.json';
const checksFailed = Number(process.argv[3] ?? 0) || 0;
if (!existsSync(file)) {
  console.log(`0 passed, ${checksFailed} failed`);
  console.error(`test-summary: no test report at ${file} (did the build or vitest fail before running tests?)`);
  process.exit(0);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`${r.numPassedTests} passed, ${r.numFailedTests + checksFailed} failed${skipped ? `, ${skipped} skipped` : ''}`);
