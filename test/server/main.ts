/**
 * `tsx test/server/main.ts [--port 8600] [--https-port 8643] [--host 127.0.0.1]`
 * Starts the sample cookie server and prints its URLs. Errors are one line, exit code 1.
 */
import { performance } from 'node:perf_hooks';
import { MAPPED_HOSTS, scenarios } from './scenarios';
import { DEFAULT_HOST, DEFAULT_HTTP_PORT, DEFAULT_HTTPS_PORT, PortInUseError, startServer } from './server';

const USAGE = `Usage: tsx test/server/main.ts [--port <n>] [--https-port <n>] [--host <address>]
  --port        HTTP port (default ${DEFAULT_HTTP_PORT}; 0 = any free port)
  --https-port  HTTPS port (default ${DEFAULT_HTTPS_PORT}; 0 = any free port)
  --host        address to bind (default ${DEFAULT_HOST}; "localhost" binds 127.0.0.1)`;

class UsageError extends Error {}

interface Args {
  port: number;
  httpsPort: number;
  host: string;
  help: boolean;
}

function parsePort(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UsageError(
      `${flag} needs a port number from 0 to 65535 (got ${value === undefined ? 'nothing' : `"${value}"`}).`,
    );
  }
  return Number(value);
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { port: DEFAULT_HTTP_PORT, httpsPort: DEFAULT_HTTPS_PORT, host: DEFAULT_HOST, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--port':
        args.port = parsePort(flag, value());
        break;
      case '--https-port':
        args.httpsPort = parsePort(flag, value());
        break;
      case '--host': {
        const host = value();
        if (!host) throw new UsageError('--host needs an address, e.g. --host 127.0.0.1.');
        args.host = host;
        break;
      }
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new UsageError(`Unknown option ${arg}. Try --help.`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const begin = performance.now();
  const server = await startServer({ port: args.port, httpsPort: args.httpsPort, host: args.host });
  const ready = performance.now();
  const { httpUrl, httpsUrl, httpPort, httpsPort } = server;
  console.log(
    `Cookie Lens sample server: ${scenarios.length} scenarios, ready in ${Math.round(ready - begin)} ms (${Math.round(ready)} ms after process start)`,
  );
  console.log(`  http   ${httpUrl}`);
  console.log(`  https  ${httpsUrl}  (self-signed certificate, made at start)`);
  console.log(`  also   http://127.0.0.1:${httpPort}/  https://127.0.0.1:${httpsPort}/`);
  console.log(`  and    ${MAPPED_HOSTS.join(', ')} once mapped to 127.0.0.1:`);
  console.log(`         Chromium --host-resolver-rules="MAP *.cookielens.test 127.0.0.1"`);
  console.log(`         Firefox  network.dns.localDomains = ${MAPPED_HOSTS.join(',')}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof PortInUseError || error instanceof UsageError) {
    console.error(`cookie-lens server: ${error.message}`);
  } else {
    console.error(`cookie-lens server: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
