// A SqliteEventStore in its own thread, with its own connection to the file, so that a test can race appends
// from several connections at once. Jest's TypeScript transform does not reach worker threads, hence the hook.
const { parentPort, workerData } = require('node:worker_threads');
const { randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const compilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
  };
  module._compile(
    ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions }).outputText,
    filename,
  );
};
const { SqliteEventStore } = require('../sqlite-event-store.ts');

const store = new SqliteEventStore(workerData.filePath);
const metadata = {
  actor: { userId: 'u-worker', role: 'system' },
  correlationId: 'c',
  causationId: 'c',
  occurredAt: '',
};
const newEvent = () => ({ id: randomUUID(), type: 'RaceRun', data: { worker: workerData.worker }, metadata });

async function attempt(streamId, expected) {
  try {
    const { position } = await store.append(streamId, [newEvent()], expected);
    return { won: true, position: Number(position) };
  } catch (error) {
    return { won: false, error: error.name, message: error.message };
  }
}

/** Appends `count` events to one stream, each at the revision it last read, retrying when it lost the race. */
async function appendMany(streamId, count) {
  let conflicts = 0;
  for (let appended = 0; appended < count;) {
    const events = await store.readStream(streamId);
    const result = await attempt(streamId, events.length === 0 ? 'no_stream' : events.length - 1);
    if (result.won) appended++;
    else if (result.error === 'WrongExpectedRevisionError') conflicts++;
    else throw new Error(result.message);
  }
  return { conflicts };
}

parentPort.on('message', async (task) => {
  try {
    if (task.kind === 'attempt') parentPort.postMessage(await attempt(task.streamId, task.expected));
    if (task.kind === 'appendMany') parentPort.postMessage(await appendMany(task.streamId, task.count));
    if (task.kind === 'close') {
      await store.close();
      parentPort.close();
    }
  } catch (error) {
    parentPort.postMessage({ failed: error.message });
  }
});
parentPort.postMessage({ ready: true });
