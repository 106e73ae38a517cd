import { useRef } from 'preact/hooks';
import type { Outcome } from '../outcome-text';
import { t } from '../i18n';

/**
 * What a screen reader hears after an action: the outcome's words (its `spoken` form when the bar's
 * text leans on what is on screen), and "Undo available." when the bar offers Undo. Errors are left
 * to the bar, whose alert is spoken at once.
 */
export function spokenOutcome(status: Outcome | undefined): string {
  if (!status || status.error) return '';
  return `${status.spoken ?? status.text}${status.undoable ? ` ${t('undo_available')}` : ''}`;
}

/**
 * A polite live region that is on the page from the first render and whose text is replaced:
 * screen readers announce a change in a region they already know, not a region that appears with
 * its text. The same words twice in a row still change the text (a trailing no-break space comes
 * and goes), so a repeated outcome is heard again. Visually hidden: the bar shows the outcome.
 */
export function LiveRegion({ status }: { status: Outcome | undefined }) {
  const last = useRef<{ status: Outcome | undefined; text: string }>({ status: undefined, text: '' });
  if (last.current.status !== status) {
    const said = spokenOutcome(status);
    const text =
      said && said === last.current.text.trimEnd() && !last.current.text.endsWith('\u00a0') ? `${said}\u00a0` : said;
    last.current = { status, text };
  }
  return (
    <p class="sr-only" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {last.current.text}
    </p>
  );
}
