/**
 * A raw HTTP/1.1 server over `net` and `tls` that writes every response byte for byte: Node's `http`
 * module refuses control characters in a header, and the differential tests must send headers such
 * as `id=a<TAB>b` or `id=a<0x01>b` exactly as written.
 *
 * Routes are registered by path (query included). `/echo...` answers with the Cookie request header
 * the browser sent, as text (`(none)` when it sent none). One request per connection.
 */
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { generate } from 'selfsigned';

export interface RawResponse {
  /** Each Set-Cookie header value, sent as its UTF-8 bytes. */
  setCookies?: readonly string[];
  /** HTML body; defaults to a short page. */
  body?: string;
}

export interface RawServer {
  httpPort: number;
  httpsPort: number;
  route(path: string, response: RawResponse): void;
  /** Every Cookie header /echo received, by path. */
  echoes: Map<string, string | null>;
  close(): Promise<void>;
}

/** The response bytes: status line, headers, then the body. */
export function responseBytes(response: RawResponse): Buffer {
  const body = Buffer.from(response.body ?? '<!doctype html><title>truth</title><p>ok</p>', 'utf8');
  const lines = [
    Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n', 'latin1'),
  ];
  for (const header of response.setCookies ?? []) {
    lines.push(Buffer.from('Set-Cookie: ', 'latin1'), Buffer.from(header, 'utf8'), Buffer.from('\r\n', 'latin1'));
  }
  lines.push(Buffer.from(`Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`, 'latin1'), body);
  return Buffer.concat(lines);
}

async function certificate(): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: 'commonName', value: 'Cookie Lens truth server' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 2 * 24 * 3600 * 1000),
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2 as const, value: 'localhost' },
          { type: 2 as const, value: '*.cookielens.test' },
          { type: 2 as const, value: '*.site.cookielens.test' },
          { type: 7 as const, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

export interface RawServerOptions {
  /** Which request targets answer with their Cookie header; default: those starting with `/echo`. */
  echo?: (target: string) => boolean;
}

export async function startRawServer(options: RawServerOptions = {}): Promise<RawServer> {
  const isEcho = options.echo ?? ((target: string) => target.startsWith('/echo'));
  const routes = new Map<string, Buffer>();
  const echoes = new Map<string, string | null>();
  const sockets = new Set<Socket>();

  const handle = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.removeAllListeners('data');
      const head = received.subarray(0, end).toString('latin1').split('\r\n');
      const target = head[0]?.split(' ')[1] ?? '/';
      const cookieLine = head.find((l) => l.toLowerCase().startsWith('cookie:'));
      let bytes: Buffer;
      if (isEcho(target)) {
        // The raw bytes as UTF-8 text: the browsers send back what they stored.
        const cookie = cookieLine === undefined ? null : Buffer.from(cookieLine.slice(7), 'latin1').toString('utf8').trim();
        echoes.set(target, cookie);
        bytes = responseBytes({ body: cookie ?? '(none)' });
      } else {
        bytes = routes.get(target) ?? Buffer.from('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      }
      socket.end(bytes);
    });
  };

  const { key, cert } = await certificate();
  const plain = createNetServer(handle);
  const secure = createTlsServer({ key, cert }, handle);
  const listen = (server: Server) =>
    new Promise<number>((done, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port));
    });
  const [httpPort, httpsPort] = [await listen(plain), await listen(secure)];
  return {
    httpPort,
    httpsPort,
    echoes,
    route: (path, response) => routes.set(path, responseBytes(response)),
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([plain, secure].map((s) => new Promise((done) => s.close(done))));
    },
  };
}
