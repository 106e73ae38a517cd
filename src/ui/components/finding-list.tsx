import '../sheets.css';
import type { Finding } from '../../core/types';
import { severityWord } from '../finding-text';
import { t } from '../i18n';

/** Each finding on one line (severity, title and fix); its explanation and reference behind "Why?". */
export function FindingList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <p class="ok">{t('no_warnings')}</p>;
  return (
    <ul class="findings">
      {findings.map((f) => (
        <li key={f.ruleId} class={`sev-${f.severity}`} data-finding={f.ruleId}>
          <strong class={`mark-${f.severity}`}>{t('finding_head', severityWord(f.severity), t(f.title))}</strong>
          {` · ${t('fix_label')} `}
          <code>{t(f.fix)}</code>{' '}
          <details>
            <summary>{t('why')}</summary>
            <p>
              {t(f.explanation)}{' '}
              <a href={f.reference} target="_blank" rel="noreferrer noopener">
                {t('reference')}
              </a>{' '}
              <span class="rule-id">{f.ruleId}</span>
            </p>
          </details>
        </li>
      ))}
    </ul>
  );
}
