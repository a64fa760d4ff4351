import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './cli.js';
import { freePort } from './postgres-server.js';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Starts `src/server/main.ts` (or another server script) as its own process and waits until ready.
 * A `.js` script (the build, as `npm start` runs it) is run by plain Node, without the TypeScript loader.
 */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 90_000,
  script = path.join(REPO_ROOT, 'src/server/main.ts'),
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, script.endsWith('.js') ? [script] : ['--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, LIAISON_TEST_BACKEND: '', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}): ${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, child, output: () => output, exited };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server not ready after ${timeoutMs} ms: ${output}`);
}

/** Signs in over real HTTP; returns the cookie and CSRF token. */
export async function signInOverHttp(url: string, email: string, password: string) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken, me } = (await response.json()) as { csrfToken: string; me: { organisation: { id: string } } };
  return { cookie, csrfToken, organisationId: me.organisation.id };
}
