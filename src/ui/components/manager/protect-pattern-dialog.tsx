import { useState } from 'preact/hooks';
import type { ProtectRule } from '../../../messages';
import { Modal } from './modal';
import { t } from '../../i18n';

export interface ProtectPatternDialogProps {
  site: string;
  /** The rules of this site now (to list and remove). */
  rules: readonly ProtectRule[];
  /** Sites whose partitioned cookies the group lists: a rule of `site` does not cover them. */
  otherSites?: readonly string[];
  /** Opens this dialog for one of `otherSites`. */
  onOtherSite?: (site: string) => void;
  onProtect: (rule: ProtectRule) => void;
  onUnprotect: (rule: ProtectRule) => void;
  onClose: () => void;
}

/** Protect every cookie of a site whose name matches a pattern (`*` matches any run of characters). */
export function ProtectPatternDialog({
  site,
  rules,
  otherSites = [],
  onOtherSite,
  onProtect,
  onUnprotect,
  onClose,
}: ProtectPatternDialogProps) {
  const [pattern, setPattern] = useState('');
  return (
    <Modal label={t('m_protected_names_on', site)} onClose={onClose}>
      <form
        class="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (pattern.trim() === '') return;
          onProtect({ site, name: pattern.trim() });
          setPattern('');
        }}
      >
        <h2>{t('m_protected_names_on', site)}</h2>
        <label>
          {t('m_name_pattern')}
          <input
            value={pattern}
            placeholder="session*"
            spellcheck={false}
            onInput={(e) => setPattern(e.currentTarget.value)}
          />
        </label>
        <p class="hint">{t('m_pattern_hint')}</p>
        {otherSites.length > 0 && (
          <div class="hint" data-testid="pattern-other-sites">
            <p>{t('m_pattern_other_sites', site)}</p>
            {otherSites.map((other) => (
              <button key={other} type="button" class="link" onClick={() => onOtherSite?.(other)}>
                {t('m_protect_names_on', other)}
              </button>
            ))}
          </div>
        )}
        {rules.length > 0 && (
          <ul class="rules" aria-label={t('m_protected_names')}>
            {rules.map((r) => (
              <li key={r.name} data-testid="protect-rule" data-name={r.name}>
                <code>{r.name}</code>{' '}
                <button type="button" onClick={() => onUnprotect(r)}>
                  {t('unprotect')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={pattern.trim() === ''}>
            {t('protect')}
          </button>
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
