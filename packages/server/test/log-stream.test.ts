import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { BatchedLines, flushAfterMs, flushAtLength } from '../src/http/log-stream.js';

function recording() {
  const writes: string[] = [];
  return { writes, stream: new BatchedLines({ write: (text: string) => writes.push(text) }) };
}

test('log lines go out together, in order, once the first has waited its while', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { writes, stream } = recording();
    stream.write('{"msg":"one"}\n');
    stream.write('{"msg":"two"}\n');
    assert.deepEqual(writes, []);
    mock.timers.tick(flushAfterMs);
    assert.deepEqual(writes, ['{"msg":"one"}\n{"msg":"two"}\n']);
    stream.write('{"msg":"three"}\n');
    mock.timers.tick(flushAfterMs);
    assert.deepEqual(writes, ['{"msg":"one"}\n{"msg":"two"}\n', '{"msg":"three"}\n']);
  } finally {
    mock.timers.reset();
  }
});

test('many lines are written at once, and flush() writes what waits', () => {
  const { writes, stream } = recording();
  const line = `${'x'.repeat(1023)}\n`;
  for (let i = 0; i < flushAtLength / line.length; i++) stream.write(line);
  assert.equal(writes.length, 1);
  assert.equal(writes[0], line.repeat(flushAtLength / line.length));
  stream.write('{"msg":"last"}\n');
  stream.flush();
  assert.deepEqual(writes.slice(1), ['{"msg":"last"}\n']);
  stream.flush();
  assert.equal(writes.length, 2, 'nothing waits: nothing is written');
});
