import { Component, type ComponentType, type FunctionComponent, h } from 'preact';

/** Whether two props objects hold the same values (`===`), key by key. */
export function sameProps(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) if (x[key] !== y[key] || !(key in y)) return false;
  for (const key in y) if (!(key in x)) return false;
  return true;
}

/**
 * `render` as a component that renders again only when a prop changed (Preact's core has no
 * `memo`; preact/compat would bring much more). For the items of long lists: a change to one item,
 * or to the list around them, leaves the others' virtual DOM untouched. Callbacks passed to it must
 * keep their identity across renders for this to help.
 */
export function pure<P extends object>(render: FunctionComponent<P>): ComponentType<P> {
  class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !sameProps(this.props, next);
    }
    override render(props: P) {
      return h(render, props);
    }
  }
  (Pure as { displayName?: string }).displayName = render.displayName ?? render.name;
  return Pure;
}
