/**
 * README promises that `npm start` on a machine without a display prints the cookies the extension
 * listed and saves a screenshot of the popup. Run it the same way (minus the build, done already).
 */
import { execFile } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { root } from '../../scripts/browsers/paths';

const run = promisify(execFile);

describe('npm start without a display', () => {
  it.each([
    ['Chromium', [], 'artifacts/start-popup.png'],
    ['Firefox', ['--firefox'], 'artifacts/start-popup-firefox.png'],
  ])('in %s prints the listed cookies and names the popup screenshot', async (_name, extra, shot) => {
    const screenshot = resolve(root, shot);
    rmSync(screenshot, { force: true });
    const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
    const { stdout } = await run(
      'npx',
      ['tsx', 'scripts/start.ts', '--no-build', '--port', '0', '--https-port', '0', ...extra],
      { cwd: root, env, timeout: 120_000 },
    );
    expect(stdout).toMatch(/Cookie Lens listed \d+ cookies \(site grade [A-F]\)/);
    // The tour leaves the Flask "secure" username and a script-set session id, with its findings.
    expect(stdout).toMatch(/username\s+localhost\/\s+missing-httponly\(low\)/);
    expect(stdout).toMatch(/sessionid\s+localhost\/\s+.*missing-httponly-session\(high\)/);
    expect(stdout).toContain(`Screenshot of the popup: ${screenshot}`);
    expect(existsSync(screenshot) && statSync(screenshot).size > 5_000).toBe(true);
  });
});
