// React.lazy that does not suspend once its module has arrived. A lazy component always suspends on its first
// render, and React holds back revealing what follows a shown fallback (up to 300 ms), so a first page whose
// frame and page modules were loaded beside the app (main.tsx) would still be committed late and twice.
import { createElement, lazy, useState, type ComponentType } from "react";

export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => (loaded = module.default),
      (error: unknown) => {
        loading = undefined; // a chunk that failed to arrive is asked for again next time
        throw error;
      },
    ));
  const Suspending = lazy(() => preload().then((component) => ({ default: component })));
  function LazyPage(props: P) {
    // chosen once per mount: switching between the two element types later would remount the page
    const [ready] = useState(() => loaded);
    return ready ? createElement(ready, props) : createElement(Suspending, props);
  }
  return Object.assign(LazyPage, { preload });
}
