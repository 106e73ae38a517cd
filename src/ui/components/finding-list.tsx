import '../sheets.css';
import type { Finding } from '../../core/types';
import { t } from '../i18n';

/** Each finding on one line (severity, title and fix); its explanation and reference behind "Why?". */
export function FindingList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <p class="ok">No warnings for this cookie.</p>;
  return (
    <ul class="findings">
      {findings.map((f) => (
        <li key={f.ruleId} class={`sev-${f.severity}`} data-finding={f.ruleId}>
          <strong class={`mark-${f.severity}`}>
            {f.severity}: {t(f.title)}
          </strong>
          {' · Fix: '}
          <code>{t(f.fix)}</code>{' '}
          <details>
            <summary>Why?</summary>
            <p>
              {t(f.explanation)}{' '}
              <a href={f.reference} target="_blank" rel="noreferrer noopener">
                Reference
              </a>{' '}
              <span class="rule-id">{f.ruleId}</span>
            </p>
          </details>
        </li>
      ))}
    </ul>
  );
}
