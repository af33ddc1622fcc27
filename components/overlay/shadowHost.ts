/**
 * A custom element with an open shadow root that holds one of Baton's views: the page's styles do
 * not reach in (`:host { all: initial }`), Baton's do not leak out, and the keyboard and input
 * events in `isolated` stop at the shadow root's body, so typing in Baton does not trigger the
 * page's shortcuts. The same structure WXT's createShadowRootUi builds
 * (wxt/dist/utils/content-script-ui/shadow-root.mjs with @webext-core/isolated-element), made
 * here without a ContentScriptContext: a view of the gate lives as long as the gate, and nothing
 * the page does ends that (components/overlay/runGate.ts).
 */
export interface ShadowHost {
  /** The element that goes into the page. */
  host: HTMLElement;
  /** Where the view renders, inside the shadow root. */
  container: HTMLElement;
}

export function createShadowHost(name: string, css: string, isolated: readonly string[]): ShadowHost {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const html = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${css}`;
  head.append(style);
  html.append(head, body);
  shadow.append(html);
  for (const type of isolated) body.addEventListener(type, (event) => event.stopPropagation());
  return { host, container: body };
}

/**
 * The page's body, once there is one: a gate that starts at document_start runs before the
 * parser has made it. Never resolves if `signal` aborts first.
 */
export function whenBody(signal: AbortSignal): Promise<HTMLElement> {
  if (document.body) return Promise.resolve(document.body);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      observer.disconnect();
      resolve(document.body);
    });
    observer.observe(document, { childList: true, subtree: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  });
}
