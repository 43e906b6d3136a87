import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { majorOf, REFERENCE_NODE_MAJOR } from './bench-report.js';

/** A Node.js binary the service runs on in the benchmark, and the version it says it is. */
export interface NodeBinary {
  binary: string;
  version: string;
}

/** `<binary> --version`: the version the service process runs (the bench refuses a binary that does not run). */
export function nodeVersion(binary: string): string {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (result.status !== 0 || !/^v\d+\./.test(result.stdout)) {
    throw new Error(`${binary}: not a working Node.js binary (${result.error?.message ?? result.stderr.trim()})`);
  }
  return result.stdout.trim();
}

/** Where the bench keeps npm's `node@<major>` package (node_modules/.cache: `npm ci` starts it afresh). */
export const npmNodeDir = (root: string, major: number) => join(root, 'node_modules', '.cache', `bench-node${major}`);

const npmNodeBinary = (root: string, major: number) => join(npmNodeDir(root, major), 'node_modules', '.bin', 'node');

/**
 * npm's `node@<major>` package under node_modules/.cache/bench-node<major>: its binary when already there,
 * otherwise installed there with npm (the npm registry only) when `install`, otherwise null.
 */
export function npmNode(root: string, major: number, install: boolean, say: (line: string) => void): string | null {
  const binary = npmNodeBinary(root, major);
  if (existsSync(binary)) return binary;
  if (!install) return null;
  const dir = npmNodeDir(root, major);
  say(`installing npm's node@${major} into ${dir} (once)…`);
  mkdirSync(dir, { recursive: true });
  // Its own package.json, so that npm installs here and not into the project (the package's install script
  // fetches the platform's binary package from the npm registry).
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ private: true, description: `Node.js ${major} for npm run bench`, allowScripts: { node: true } }, null, 2)}\n`,
  );
  const result = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', `node@${major}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0 || !existsSync(binary)) {
    say(`  npm install node@${major} failed: the service is not measured on Node.js ${major}`);
    return null;
  }
  return binary;
}

/**
 * The Node.js binaries the service runs on. Each `--node` is a path, or a major version meaning npm's
 * `node@<major>` (installed when absent). Without `--node`: the Node.js running the bench and Node.js 24 — in a
 * full run installed when absent, in a quick run only if already installed.
 */
export function serviceNodes(
  specs: string[],
  { root, quick, say }: { root: string; quick: boolean; say: (line: string) => void },
): NodeBinary[] {
  const binaries: string[] = [];
  if (specs.length > 0) {
    for (const spec of specs) {
      if (/^\d+$/.test(spec)) {
        const binary = npmNode(root, Number(spec), true, say);
        if (!binary) throw new Error(`--node ${spec}: npm's node@${spec} could not be installed`);
        binaries.push(binary);
      } else {
        binaries.push(spec);
      }
    }
  } else {
    binaries.push(process.execPath);
    if (majorOf(process.version) !== REFERENCE_NODE_MAJOR) {
      const reference = npmNode(root, REFERENCE_NODE_MAJOR, !quick, say);
      if (reference) binaries.push(reference);
      else if (quick) say(`Node.js ${REFERENCE_NODE_MAJOR} not installed: quick run on ${process.version} only (--node ${REFERENCE_NODE_MAJOR} installs it)`);
    }
  }
  const nodes = binaries.map((binary) => ({ binary, version: nodeVersion(binary) }));
  const versions = nodes.map((node) => node.version);
  const twice = versions.find((version, i) => versions.indexOf(version) !== i);
  if (twice) throw new Error(`--node: Node.js ${twice} given twice (the report has one row per version)`);
  return nodes;
}
