import type { Finding } from '../../core/types';

/** The explanation, fix and reference of each finding. Plain text and one link per finding. */
export function FindingList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <p class="ok">No warnings for this cookie.</p>;
  return (
    <ul class="findings">
      {findings.map((f) => (
        <li key={f.ruleId} class={`sev-${f.severity}`}>
          <strong>
            {f.severity}: {f.title}
          </strong>
          <p>{f.explanation}</p>
          <p>
            Fix: <code>{f.fix}</code>{' '}
            <a href={f.reference} target="_blank" rel="noreferrer noopener">
              Reference
            </a>
          </p>
          <span class="rule-id">{f.ruleId}</span>
        </li>
      ))}
    </ul>
  );
}
