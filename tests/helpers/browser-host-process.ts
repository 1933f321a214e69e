import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');

/** A browser host started by `launchBrowserHost`: its URL (with the token), and how to stop it. */
export type HostProcess = {
  url: string;
  port: number;
  token: string;
  /** Null while the process runs; its exit code (or signal name) once it has ended. */
  exited(): number | string | null;
  /** Everything it printed (stdout and stderr) so far. */
  output(): string;
  /** Ends it at once, as a crash would (no cleanup). */
  kill(): Promise<void>;
  stop(): Promise<void>;
};

export type LaunchOptions = {
  /** A fixed port (default 0: a free one). */
  port?: number;
  /** The renderer files to serve (default: out/renderer, which `npm run build` makes). */
  staticDir?: string;
};

/**
 * Starts `npm run serve`'s program on `vault` with its own data folder (index cache, recovery
 * snapshots), on a free port, and waits until it prints its URL.
 */
export async function launchBrowserHost(
  vault: string,
  dataDir: string,
  timeoutMs: number,
  options: LaunchOptions = {},
): Promise<HostProcess> {
  const args = ['--vault', vault, '--port', String(options.port ?? 0), '--data-dir', dataDir];
  if (options.staticDir) args.push('--static-dir', options.staticDir);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'vault/host/main.ts', ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exit: number | string | null = null;
  const ended = new Promise<void>((r) =>
    child.once('exit', (code, signal) => {
      exit = code ?? signal ?? 'unknown';
      r();
    }),
  );
  const onData = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), timeoutMs);
    const check = () => {
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    void ended.then(() => reject(new Error(`browser host exited with ${exit}:\n${output}`)));
  });
  const parsed = new URL(url);
  const end = async (signal: NodeJS.Signals) => {
    if (exit !== null) return;
    child.kill(signal);
    await ended;
  };
  return {
    url,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    exited: () => exit,
    output: () => output,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
