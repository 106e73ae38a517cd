import { type ComponentType, h, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../error-text';

/**
 * A hook that loads a module the first time a component using it renders (and once for all of
 * them), so code only an opened row needs stays out of the popup's first load.
 */
export function lazyModule<M>(
  load: () => Promise<M>,
): (() => M | undefined) & { preload: () => Promise<M>; useFailure: () => unknown } {
  let pending: Promise<M> | undefined;
  // Once loaded, a component shows it in its first render, not one effect later.
  let resolved: M | undefined;
  const preload = () => {
    pending ??= load().then(
      (m) => {
        resolved = m;
        return m;
      },
      (error: unknown) => {
        // A failed load (the extension was updated under an open page) is tried again next time.
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  let failure: unknown;
  function useModule() {
    const [loaded, setLoaded] = useState<M | undefined>(() => resolved);
    const [, setFailed] = useState<unknown>(undefined);
    useEffect(() => {
      if (loaded !== undefined) return;
      let live = true;
      preload().then(
        (m) => {
          failure = undefined;
          if (live) setLoaded(() => m);
        },
        (error: unknown) => {
          failure = error;
          if (live) setFailed(() => error);
        },
      );
      return () => {
        live = false;
      };
    }, [loaded]);
    return loaded;
  }
  return Object.assign(useModule, { preload, useFailure: () => failure });
}

/**
 * A component whose code loads when it is first shown (nothing is rendered until then), or ahead
 * with `preload()`: forms and dialogs a first screen does not need stay out of the popup's first load.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ((props: P) => VNode<P> | null) & { preload: () => Promise<unknown> } {
  const useLoaded = lazyModule(load);
  function Lazy(props: P) {
    const Loaded = useLoaded();
    if (Loaded) return h(Loaded, props) as VNode<P>;
    // Never a silent no-op: a part that could not load says so, in the browser's words.
    const failure = useLoaded.useFailure();
    return failure === undefined ? null : (h('p', { role: 'alert' }, errorText(failure)) as VNode<P>);
  }
  return Object.assign(Lazy, { preload: useLoaded.preload });
}
