/**
 * How `npm start` launches its browser for the sample server it started: the browser accepts that
 * server's self-signed certificate and checks every other one as usual (Chromium by the
 * certificate's public key, Firefox by per-site exceptions for the hosts the server answers to).
 * Chromium keeps its sandbox unless it runs as root (the launcher's default).
 */
import { HOSTS } from '../test/server/scenarios';
import type { RunningServer } from '../test/server/server';
import type { ChromiumOptions } from './browsers/chromium';
import type { FirefoxOptions } from './browsers/firefox';

export function startChromiumOptions(server: Pick<RunningServer, 'spkiSha256'>, headless: boolean): ChromiumOptions {
  return { headless, trustSpki: [server.spkiSha256] };
}

export function startFirefoxOptions(
  server: Pick<RunningServer, 'certificate' | 'httpsPort'>,
  headless: boolean,
): FirefoxOptions {
  return {
    headless,
    trust: [{ certificate: server.certificate, hostPorts: HOSTS.map((host) => `${host}:${server.httpsPort}`) }],
  };
}
