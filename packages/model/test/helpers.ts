// Test helpers: the minimal valid report as text and as a plain value to change per case.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The path of a fixture file. */
export const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** The minimal valid report as YAML text. */
export const minimalText = readFileSync(fixture('valid/minimal.yaml'), 'utf8');

/** A fresh plain copy of the minimal report. */
export const minimal = (): any => parse(minimalText, { version: '1.2', schema: 'core' });
