/**
 * The command line: `tsx test/server/main.ts`, run as a real process. It prints its URLs, starts
 * quickly, and a taken port gives one line naming the port and the flag (exit code 1).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PortInUseError, startServer } from '../server/server';

const root = resolve(import.meta.dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');
const main = resolve(root, 'test/server/main.ts');

const children: ChildProcess[] = [];
const blockers: net.Server[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(blockers.splice(0).map((b) => new Promise<void>((r) => b.close(() => r()))));
});

/** Holds a port on 127.0.0.1 so the server cannot bind it. */
async function takePort(): Promise<number> {
  const blocker = net.createServer();
  blockers.push(blocker);
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  return (blocker.address() as net.AddressInfo).port;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(tsx, [main, ...args], { cwd: root });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

/** Starts the CLI and resolves with its output once it printed its URLs. */
function startCli(args: string[]): Promise<{ child: ChildProcess; stdout: string; ms: number }> {
  return new Promise((done, fail) => {
    const begin = Date.now();
    const child = spawn(tsx, [main, ...args], { cwd: root });
    children.push(child);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('https  ')) done({ child, stdout, ms: Date.now() - begin });
    });
    child.on('exit', (code) => fail(new Error(`exited with ${code}: ${stdout}`)));
  });
}

describe('tsx test/server/main.ts', () => {
  it('prints its URLs, is ready in under two seconds, and serves', async () => {
    const { child, stdout, ms } = await startCli(['--port', '0', '--https-port=0']);
    const http = /http {3}(http:\/\/localhost:(\d+)\/)/.exec(stdout);
    const https = /https {2}(https:\/\/localhost:(\d+)\/)/.exec(stdout);
    expect(http, stdout).not.toBeNull();
    expect(https, stdout).not.toBeNull();
    const ready = /ready in (\d+) ms/.exec(stdout);
    expect(Number(ready?.[1])).toBeLessThan(2000);
    // Whole process, tsx's TypeScript loading included.
    expect(ms).toBeLessThan(5000);
    const echo = await fetch(`http://127.0.0.1:${http?.[2]}/echo`, { headers: { cookie: 'a=1' } });
    expect(await echo.json()).toEqual({ cookie: 'a=1' });
    const stopped = new Promise((r) => child.on('exit', r));
    child.kill('SIGINT');
    expect(await stopped).toBe(0);
  });

  it('a taken --port: one line naming the port and the flag, exit code 1, no stack trace', async () => {
    const port = await takePort();
    const result = await run(['--port', String(port), '--https-port', '0']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      `cookie-lens server: Port ${port} on 127.0.0.1 is already in use; choose another with --port <number> (or --port 0 for any free port).`,
    ]);
  });

  it('a taken --https-port names --https-port', async () => {
    const port = await takePort();
    const result = await run(['--port', '0', '--https-port', String(port)]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Port ${port} `);
    expect(lines[0]).toContain('--https-port <number>');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad flag: one line, exit code 1', async () => {
    const result = await run(['--port', 'abc']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('cookie-lens server: --port needs a port number from 0 to 65535 (got "abc").');
    const unknown = await run(['--prot', '1']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('cookie-lens server: Unknown option --prot. Try --help.');
  });

  it('--help prints the flags and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--https-port');
    expect(result.stdout).toContain('default 8600');
  });
});

describe('startServer on a taken port', () => {
  it('rejects with PortInUseError and leaves nothing listening', async () => {
    const port = await takePort();
    const error = await startServer({ port: 0, httpsPort: port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as PortInUseError).port).toBe(port);
    expect((error as PortInUseError).flag).toBe('--https-port');
  });

  it('binds 127.0.0.1 when asked for localhost', async () => {
    const server = await startServer({ port: 0, httpsPort: 0, host: 'localhost' });
    try {
      const reply = await fetch(`http://127.0.0.1:${server.httpPort}/echo`);
      expect(reply.status).toBe(200);
      expect(server.httpUrl).toBe(`http://localhost:${server.httpPort}/`);
    } finally {
      await server.close();
    }
  });
});
