import { useMemo, useRef } from 'preact/hooks';

// biome-ignore lint/suspicious/noExplicitAny: any function's parameters, passed through unchanged
type Callbacks = Record<string, (...args: any[]) => unknown>;

/**
 * Callbacks that keep their identity for the component's life and always call the latest ones given:
 * the rows of a long list receive them as props, and a row whose data did not change is then not
 * rendered again when the page around it is (a search keystroke). The set of names must not change.
 */
export function useLatest<T extends Callbacks>(callbacks: T): T {
  const latest = useRef(callbacks);
  latest.current = callbacks;
  return useMemo(() => {
    const stable: Callbacks = {};
    for (const name of Object.keys(latest.current))
      stable[name] = (...args: unknown[]) => latest.current[name]?.(...args);
    return stable as T;
  }, []);
}
