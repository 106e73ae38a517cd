import { type ComponentType, h, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A hook that loads a module the first time a component using it renders (and once for all of
 * them), so code only an opened row needs stays out of the popup's first load.
 */
export function lazyModule<M>(load: () => Promise<M>): () => M | undefined {
  let pending: Promise<M> | undefined;
  return function useModule() {
    const [loaded, setLoaded] = useState<M | undefined>();
    useEffect(() => {
      pending ??= load();
      let live = true;
      pending.then(
        (m) => live && setLoaded(() => m),
        () => {},
      );
      return () => {
        live = false;
      };
    }, []);
    return loaded;
  };
}

/**
 * A component whose code loads when it is first shown (nothing is rendered until then): forms and
 * dialogs a first screen does not need stay out of the popup's first load.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => VNode<P> | null {
  const useLoaded = lazyModule(load);
  return function Lazy(props: P) {
    const Loaded = useLoaded();
    return Loaded ? (h(Loaded, props) as VNode<P>) : null;
  };
}
