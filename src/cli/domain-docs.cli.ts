import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/project-root.js';
import { renderStateMachines, withStateMachines } from './domain-docs.js';

/** Writes the state machines' section of docs/domain.md from the transition tables (`npm run docs:domain`). */
const file = join(projectRoot(), 'docs/domain.md');
const text = existsSync(file) ? readFileSync(file, 'utf8') : '# The domain, as the product implements it\n';
writeFileSync(file, withStateMachines(text, renderStateMachines()));
process.stdout.write(`${file} écrit\n`);
