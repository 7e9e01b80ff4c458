#!/usr/bin/env node
// Thin wrapper so the workspace can run the generator from its built dist/.
import { main } from '../dist/index.js';

process.exitCode = main(process.argv.slice(2));
