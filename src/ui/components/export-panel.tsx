import { useState } from 'preact/hooks';
import { type CookieFormat, exportCookies } from '../../core/formats';
import type { Cookie } from '../../model/cookie';
import { errorText } from '../../error-text';

const FORMATS: [CookieFormat, string, string][] = [
  ['json', 'JSON (lossless)', 'json'],
  ['netscape', 'Netscape cookies.txt', 'txt'],
  ['header', 'Cookie header', 'txt'],
];

/** Export the shown cookies to the clipboard or a file. */
export function ExportPanel({ cookies, site, onClose }: { cookies: readonly Cookie[]; site: string; onClose: () => void }) {
  const [format, setFormat] = useState<CookieFormat>('json');
  const [status, setStatus] = useState('');
  const text = exportCookies(cookies, format);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`Copied ${cookies.length} cookies.`);
    } catch (error) {
      setStatus(`Copy failed: ${errorText(error)}`);
    }
  };

  const download = () => {
    const ext = FORMATS.find(([f]) => f === format)?.[2] ?? 'txt';
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    link.download = `cookies-${site.replace(/[^a-z0-9.-]/gi, '_')}.${format === 'netscape' ? 'cookies.txt' : ext}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    setStatus(`Saved ${link.download}.`);
  };

  return (
    <section class="dialog" aria-label="Export cookies" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2>Export {cookies.length} cookies</h2>
      <label>
        Format
        <select value={format} onChange={(e) => setFormat(e.currentTarget.value as CookieFormat)}>
          {FORMATS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <textarea aria-label="Exported text" readOnly rows={6} value={text} spellcheck={false} />
      <div class="actions">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" onClick={download}>
          Download
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </section>
  );
}
