import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { TaskError, TaskWorker, workerModule } from '../src/workers/task-worker.js';
import type { SampleTasks } from './fixtures/sample-tasks.js';

const module = workerModule(import.meta.url, 'fixtures/sample-tasks');
const pools: TaskWorker<SampleTasks>[] = [];
function pool(options: { threads?: number; timeoutMs?: number; maxOldGenerationSizeMb?: number } = {}) {
  const { maxOldGenerationSizeMb, ...rest } = options;
  const made = new TaskWorker<SampleTasks>({
    module,
    timeoutMs: 30_000,
    ...rest,
    ...(maxOldGenerationSizeMb ? { resourceLimits: { maxOldGenerationSizeMb } } : {}),
  });
  pools.push(made);
  return made;
}
after(() => Promise.all(pools.map((made) => made.close())));

const failsWith = (code: TaskError['code']) => (error: unknown) => error instanceof TaskError && error.code === code;

test('a task gives its result, and a task that throws fails with task_failed and its message', async () => {
  const tasks = pool();
  assert.equal(await tasks.run('double', 21), 42);
  await assert.rejects(tasks.run('fail', 'не тот файл'), (error) => failsWith('task_failed')(error) && (error as Error).message === 'не тот файл');
  assert.equal(await tasks.run('double', 2), 4);
});

test('the event loop goes on while a task holds its thread, and tasks wait in order for a free one', async () => {
  const tasks = pool({ threads: 1 });
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const order: string[] = [];
  const held = tasks.run('waitFor', flag).then((value) => order.push(value));
  const queued = tasks.run('double', 5).then((value) => order.push(String(value)));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(tasks.waiting, 1, 'the second task waits while the only thread is held');
  order.push('event loop');
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  await Promise.all([held, queued]);
  assert.deepEqual(order, ['event loop', 'released', '10']);
});

test('a task over its time limit ends its thread with task_timeout, and the next task gets a new thread', async () => {
  const tasks = pool({ timeoutMs: 300 });
  const next = tasks.run('double', 4);
  await assert.rejects(Promise.all([tasks.run('spin', undefined as never), next]), failsWith('task_timeout'));
  assert.equal(await next.catch(() => 'lost'), 8, 'the task queued behind the stuck one still runs');
});

test('a task’s time counts from when its thread is ready: starting a thread (longer than the limit here) does not use it up', async () => {
  // A new thread loads tsx and its module first, which takes far longer than 20 ms.
  const tasks = pool({ timeoutMs: 20 });
  assert.equal(await tasks.run('double', 3), 6);
  await assert.rejects(tasks.run('spin', undefined as never), failsWith('task_timeout'));
  assert.equal(await tasks.run('double', 5), 10, 'a new thread again');
});

test('a thread that exits, or runs out of its memory, fails its task with task_crashed and the pool goes on', async () => {
  const tasks = pool({ maxOldGenerationSizeMb: 32 });
  await assert.rejects(tasks.run('exit', undefined as never), failsWith('task_crashed'));
  await assert.rejects(tasks.run('hog', undefined as never), failsWith('task_crashed'));
  assert.equal(await tasks.run('double', 8), 16);
});

test('a closed pool refuses new tasks', async () => {
  const tasks = pool();
  await tasks.close();
  await assert.rejects(tasks.run('double', 1), failsWith('task_failed'));
});
