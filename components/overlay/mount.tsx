/**
 * Puts Baton's views into the host page, each in its own shadow root (shadowHost.ts), so the
 * page's styles do not reach in and Baton's do not leak out. Keyboard and input events are stopped
 * at the shadow root: typing in Baton's dialog must not trigger the page's keyboard shortcuts.
 * All of it is removed when the gate's signal aborts, and only then: the views depend on nothing
 * else (no WXT ContentScriptContext, which the page could invalidate).
 */
import { createRoot, type Root } from 'react-dom/client';
import type { GateController } from '@/lib/gate/controller';
import type { OverlayViews } from '@/lib/gate/views';
import { GateDialogHost } from './GateDialog';
import { ReadinessBadge } from './ReadinessBadge';
import { ClosedWonGuidance } from './ClosedWonGuidance';
import { createShadowHost, whenBody } from './shadowHost';

const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste', 'cut', 'copy'];

interface View {
  anchor: Element;
  host: HTMLElement;
  root: Root;
}

export function createOverlay(controller: GateController, css: string, signal: AbortSignal): OverlayViews {
  let badge: View | null = null;
  let guidance: View | null = null;
  let dialog: View | 'waiting' | null = null;

  const mountAt = (name: string, anchor: Element, append: 'before' | 'last', render: () => React.ReactNode): View => {
    const { host, container } = createShadowHost(name, css, ISOLATED_EVENTS);
    if (append === 'before') anchor.parentElement?.insertBefore(host, anchor);
    else anchor.append(host);
    const root = createRoot(container);
    root.render(render());
    return { anchor, host, root };
  };

  const remove = (view: View | 'waiting' | null) => {
    if (view === null || view === 'waiting') return;
    view.root.unmount();
    view.host.remove();
  };

  // The dialog's host goes into the page the first time the gate needs it; a gate started at
  // document_start may hold a move before the page has a body, and mounts it once there is one.
  const unsubscribe = controller.dialog.subscribe(() => {
    if (controller.dialog.get() === null || dialog !== null) return;
    dialog = 'waiting';
    void whenBody(signal).then((body) => {
      if (!signal.aborted) dialog = mountAt('baton-gate', body, 'last', () => <GateDialogHost controller={controller} />);
    });
  });
  signal.addEventListener(
    'abort',
    () => {
      unsubscribe();
      remove(badge);
      badge = null;
      remove(guidance);
      guidance = null;
      remove(dialog);
      dialog = null;
    },
    { once: true },
  );

  return {
    showBadge(anchor) {
      if (badge?.anchor === anchor) return;
      remove(badge);
      badge = mountAt('baton-badge', anchor, 'before', () => <ReadinessBadge controller={controller} />);
    },
    hideBadge() {
      remove(badge);
      badge = null;
    },
    badgeOn(anchor) {
      return badge?.anchor === anchor && anchor.isConnected && anchor.previousElementSibling?.tagName.toLowerCase() === 'baton-badge';
    },
    showGuidance(anchor) {
      if (guidance?.anchor === anchor && anchor.isConnected && anchor.querySelector('baton-guidance')) return;
      remove(guidance);
      guidance = mountAt('baton-guidance', anchor, 'last', () => <ClosedWonGuidance controller={controller} />);
    },
    hideGuidance() {
      remove(guidance);
      guidance = null;
    },
  };
}
