import { describe, expect, it } from 'vitest';
import { audit } from '../../../src/core/audit';
import { packFindings } from '../../../src/background/packed-findings';
import { unpackFindings } from '../../../src/ui/connect/packed-findings';
import { makeCookie } from '../fixtures';

describe('findings packed for tab/view', () => {
  const cookies = Array.from({ length: 40 }, (_, i) => makeCookie({ name: `c${i}`, secure: false, httpOnly: false }));
  const findings = audit(cookies, { pageUrl: 'http://localhost/', browser: 'chrome', now: 0 });

  it('come back exactly as the audit made them, in order', () => {
    const packed = packFindings({ cookies, findings });
    expect(unpackFindings(JSON.parse(JSON.stringify(packed)))).toEqual({ cookies, findings });
  });

  it('send each wording once, however many cookies share it', () => {
    const { findings: packed } = packFindings({ cookies, findings });
    expect(packed.items).toHaveLength(findings.length);
    expect(new Set(findings.map((f) => f.ruleId)).size).toBeGreaterThan(1);
    expect(packed.words.length).toBeLessThan(findings.length / 10);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(findings).length / 4);
  });

  it('refuse a finding about a cookie that is not in the group', () => {
    expect(() => packFindings({ cookies: cookies.slice(1), findings })).toThrow(/not in its group/);
  });
});
