import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { buildContext } from '../src/context.js';
import type { Infrastructure, ServerFeature } from '../src/feature.js';
import { features } from '../src/features.js';

test('each feature is a folder of src/ with its feature.ts, and the OpenAPI tags are declared once', () => {
  for (const { name } of features) assert.ok(existsSync(new URL(`../src/${name}/feature.ts`, import.meta.url)), name);
  assert.equal(new Set(features.map(({ name }) => name)).size, features.length);
  const tags = features.flatMap((feature) => feature.tags ?? []).map(({ name }) => name);
  assert.equal(new Set(tags).size, tags.length);
});

test('services are built in the order of the list, each from those before it', () => {
  const infrastructure = { config: {}, clock: {} } as unknown as Infrastructure;
  const early: ServerFeature = { name: 'early', services: () => ({ greeting: 'здравствуйте' }) };
  const late: ServerFeature = {
    name: 'late',
    services: (deps) => ({ reply: `${(deps as unknown as { greeting: string }).greeting}!` }),
  };
  assert.deepEqual({ ...buildContext([early, late], infrastructure) }, { config: {}, clock: {}, greeting: 'здравствуйте', reply: 'здравствуйте!' });
  assert.throws(() => buildContext([late, early], infrastructure), /the late feature uses greeting, which no feature listed before it/);
});
