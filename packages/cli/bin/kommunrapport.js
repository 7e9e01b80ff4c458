#!/usr/bin/env node
// Thin wrapper so the workspace can link the bin before dist/ exists.
import { main } from '../dist/index.js';

process.exitCode = await main(process.argv.slice(2));
