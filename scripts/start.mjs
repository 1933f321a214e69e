// `npm start`: the desktop app where Electron is installed, else the browser host, said in one line.
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
const binary = electronBinary();
const [command, commandArgs] = binary
  ? [binary, ['.', ...args]]
  : [process.execPath, ['--import', 'tsx', 'vault/host/main.ts', ...args]];
if (!binary) {
  console.log(
    "Electron's binary is not installed (`node node_modules/electron/install.js` fetches it where its host is reachable), so Plexus starts in the browser host instead: open the address below.",
  );
}
const child = spawn(command, commandArgs, { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
