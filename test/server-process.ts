import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The built server (`npm start` runs dist/src/main.js) and scripts, as real processes over real HTTP. */
export const MAIN = path.resolve(__dirname, '../dist/src/main.js');

/**
 * Root as file permissions see it: without the capabilities that let it write or read whatever the
 * permission bits say (Linux's `setpriv`, from util-linux), so that a file it made read-only is read-only
 * to it too. Still root, so it reaches the checkout wherever it lies (another user, `nobody` say, may
 * not: a clone under a private directory answers it `Cannot find module`).
 */
export const ROOT_WITHOUT_OVERRIDES = [
  'setpriv',
  '--inh-caps=-dac_override,-dac_read_search,-fowner',
  '--bounding-set=-dac_override,-dac_read_search,-fowner',
  '--',
];

/** Starts the built server with this environment (under `wrapper`, a command that runs the rest); resolves once it logs its URL. */
export function startServer(env: NodeJS.ProcessEnv, wrapper: string[] = []): Promise<{ child: ChildProcess; url: string; logs: string[] }> {
  const [command, ...args] = [...wrapper, process.execPath, MAIN];
  const child = spawn(command, args, { env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        logs.push(line);
        const entry = JSON.parse(line);
        if (entry.url) resolve({ child, url: entry.url, logs });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${logs.join('\n')}`)));
  });
}

export function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

export async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { response, body: (await response.json()) as any };
}

/** Runs a built script (dist/scripts/NAME.js) to completion. */
export function runScript(name: string, args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [path.resolve(__dirname, `../dist/scripts/${name}.js`), ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

/**
 * The same without blocking the event loop: a test that also talks to an in-process server must
 * use this one (while spawnSync blocks, the server's and the client's keep-alive timers both fall
 * due, and a request can go out on a socket the server is closing: ECONNRESET).
 */
export function runScriptAsync(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve(__dirname, `../dist/scripts/${name}.js`), ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
