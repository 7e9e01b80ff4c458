// Prints "N passed, N failed" from vitest's JSON report, the line CI reads.
import { readFileSync, existsSync } from 'node:fs';

const file = process.argv[2] ?? '.test-report.json';
if (!existsSync(file)) {
  console.log('0 passed, 0 failed');
  console.error(`test-summary: no test report at ${file} (did the build or vitest fail before running tests?)`);
  process.exit(0);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
