// A FolderBlobStore in a process of its own that writes 8 MB blobs until it is killed, so that a test can kill it
// in the middle of a write. Jest's TypeScript transform does not reach child processes, hence the hook.
const { randomBytes } = require('node:crypto');
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
const { FolderBlobStore } = require('../folder/folder-blob-store.ts');

const store = new FolderBlobStore(process.argv[2]);
(async () => {
  for (;;) {
    await store.put(randomBytes(8 * 1024 * 1024));
    process.send('stored');
  }
})();
