// Runs the command from its TypeScript sources, as the bin runs the built one; the tests
// spawn it with `node --conditions=@kommunrapport/source --import tsx`.
import { main } from '../src/index.js';

process.exitCode = await main(process.argv.slice(2));
