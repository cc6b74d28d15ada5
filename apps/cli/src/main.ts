import { runCli } from './cli-program';
import { processIo } from './cli-io';

runCli(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
});
