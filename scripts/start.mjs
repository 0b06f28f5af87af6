#!/usr/bin/env node
// `npm start`: builds whatever the demo serves that is missing or older than its sources,
// then starts the reference server in demo mode (seeded accounts, dev outbox) on
// http://localhost:8080 unless PORT/HOST say otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => join(root, path);

/** Newest modification time of a file or of any file below a folder. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => (name === 'node_modules' ? latest : Math.max(latest, newest(join(path, name)))), stat.mtimeMs);
}

const oldest = (paths) => Math.min(...paths.map((path) => (existsSync(at(path)) ? statSync(at(path)).mtimeMs : 0)));

const steps = [
  {
    what: 'TypeScript packages',
    script: 'build:ts',
    outputs: ['packages/core/dist/index.js', 'packages/widgets/dist/index.js', 'packages/server/dist/main.js'],
    sources: ['packages/core/src', 'packages/widgets/src', 'packages/server/src'],
  },
  {
    what: 'the browser bundle (mfc-cabinet.js)',
    script: 'build:bundle',
    outputs: ['packages/widgets/cdn/mfc-cabinet.js'],
    sources: ['packages/widgets/dist', 'packages/widgets/themes.css', 'rollup.config.mjs'],
  },
  {
    what: 'custom-elements.json',
    script: 'build:manifest',
    outputs: ['packages/widgets/custom-elements.json'],
    sources: ['packages/widgets/src'],
  },
  {
    what: 'Storybook',
    script: 'build:storybook',
    outputs: ['storybook-static/index.html'],
    sources: ['stories', '.storybook', 'packages/widgets/src', 'packages/widgets/custom-elements.json'],
  },
];

for (const step of steps) {
  const builtAt = oldest(step.outputs);
  if (builtAt > 0 && step.sources.every((source) => newest(at(source)) <= builtAt)) continue;
  console.log(`\n▸ Building ${step.what} (npm run ${step.script})…`);
  const result = spawnSync('npm', ['run', '--silent', step.script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nBuilding ${step.what} failed. Fix the error above, then run npm start again.`);
    process.exit(result.status ?? 1);
  }
}

const server = spawn(process.execPath, [at('packages/server/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, MFC_MODE: process.env.MFC_MODE ?? 'demo' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
