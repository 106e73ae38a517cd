/**
 * `npm start` opens a browser that trusts the sample server's certificate and no other, and keeps
 * Chromium's sandbox unless it runs as root. The server's key hash is checked against one computed
 * here from its certificate alone; the launch options are built by the same functions npm start uses.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/browsers/chromium';
import { certOverrideFile, firefoxLaunchOptions } from '../../../scripts/browsers/firefox';
import { startChromiumOptions, startFirefoxOptions } from '../../../scripts/start-browsers';
import { HOSTS } from '../../server/scenarios';
import { type RunningServer, startServer } from '../../server/server';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, httpsPort: 0 });
});

afterAll(async () => {
  await server?.close();
});

/** Base64 SHA-256 of the certificate's SubjectPublicKeyInfo (DER), from the PEM alone. */
function spkiOfCertificate(pem: string): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

describe('the sample server', () => {
  it('exposes its certificate and the SHA-256 of its public key, which match', () => {
    expect(server.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(server.spkiSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(server.spkiSha256).toBe(spkiOfCertificate(server.certificate));
  });

  it('makes a new key at every start', async () => {
    const second = await startServer({ port: 0, httpsPort: 0 });
    try {
      expect(second.spkiSha256).toBe(spkiOfCertificate(second.certificate));
      expect(second.spkiSha256).not.toBe(server.spkiSha256);
    } finally {
      await second.close();
    }
  });
});

describe('npm start in Chromium', () => {
  const spkiFlag = () => `--ignore-certificate-errors-spki-list=${spkiOfCertificate(server.certificate)}`;

  it.each([
    ['a user', 1000],
    ['a system without user ids', undefined],
  ])('as %s: trusts only the sample server key, keeps the sandbox', (_who, uid) => {
    const options = chromiumLaunchOptions(startChromiumOptions(server, false), uid);
    expect(options.args).toContain(spkiFlag());
    expect(options.args).not.toContain('--ignore-certificate-errors');
    expect(options.args?.filter((a) => a.startsWith('--ignore-certificate-errors'))).toEqual([spkiFlag()]);
    expect(options.args).not.toContain('--no-sandbox');
    expect(options.acceptInsecureCerts).toBe(false);
    expect(options.headless).toBe(false);
  });

  it('as root: trusts only the sample server key, without the sandbox Chromium refuses to run as root', () => {
    const options = chromiumLaunchOptions(startChromiumOptions(server, false), 0);
    expect(options.args).toContain(spkiFlag());
    expect(options.args).not.toContain('--ignore-certificate-errors');
    expect(options.args).toContain('--no-sandbox');
    expect(options.acceptInsecureCerts).toBe(false);
  });

  it('while the tests’ throwaway browsers, given no key, accept any certificate', () => {
    const options = chromiumLaunchOptions({}, 1000);
    expect(options.args).toContain('--ignore-certificate-errors');
    expect(options.acceptInsecureCerts).toBe(true);
    expect(options.headless).toBe(true);
  });
});

describe('npm start in Firefox', () => {
  it('does not accept any certificate, but has an exception for the sample server on each of its hosts', () => {
    const options = startFirefoxOptions(server, false);
    const launch = firefoxLaunchOptions(options, '/tmp/profile');
    expect(launch.acceptInsecureCerts).toBe(false);
    expect(launch.userDataDir).toBe('/tmp/profile');
    expect(launch.headless).toBe(false);

    const digest = createHash('sha256').update(new X509Certificate(server.certificate).raw).digest('hex');
    const fingerprint = (digest.toUpperCase().match(/../g) ?? []).join(':');
    const entries = certOverrideFile(options.trust ?? [])
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.split('\t'));
    expect(entries.map(([hostPort]) => hostPort)).toEqual(HOSTS.map((h) => `${h}:${server.httpsPort}:`));
    for (const [, algorithm, print, oldBits, key] of entries) {
      expect(algorithm).toBe('OID.2.16.840.1.101.3.4.2.1');
      expect(print).toBe(fingerprint);
      expect(oldBits).toBe('');
      expect(key).not.toBe('');
    }
  });

  it('while the tests’ throwaway browsers, given no certificate, accept any', () => {
    const launch = firefoxLaunchOptions({}, undefined);
    expect(launch.acceptInsecureCerts).toBe(true);
    expect(launch.userDataDir).toBeUndefined();
  });
});
