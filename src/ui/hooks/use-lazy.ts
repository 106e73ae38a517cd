import { type ComponentType, h, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A hook that loads a module the first time a component using it renders (and once for all of
 * them), so code only an opened row needs stays out of the popup's first load.
 */
export function lazyModule<M>(load: () => Promise<M>): (() => M | undefined) & { preload: () => Promise<M> } {
  let pending: Promise<M> | undefined;
  // Once loaded, a component shows it in its first render, not one effect later.
  let resolved: M | undefined;
  const preload = () => {
    pending ??= load().then((m) => {
      resolved = m;
      return m;
    });
    return pending;
  };
  function useModule() {
    const [loaded, setLoaded] = useState<M | undefined>(() => resolved);
    useEffect(() => {
      if (loaded !== undefined) return;
      let live = true;
      preload().then(
        (m) => live && setLoaded(() => m),
        () => {},
      );
      return () => {
        live = false;
      };
    }, [loaded]);
    return loaded;
  }
  return Object.assign(useModule, { preload });
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
    return Loaded ? (h(Loaded, props) as VNode<P>) : null;
  }
  return Object.assign(Lazy, { preload: useLoaded.preload });
}
