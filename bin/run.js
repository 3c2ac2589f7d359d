#!/usr/bin/env node
// `node bin/run.js script.ts args...`: runs a TypeScript script (eval, bench) through tsx.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

register();
const [script, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...rest];
await import(pathToFileURL(path.resolve(script)).href);
