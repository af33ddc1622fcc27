/**
 * Puts Baton's views into the host page, each in its own shadow root, so the page's styles do not
 * reach in and Baton's do not leak out. Keyboard and input events are stopped at the shadow host:
 * typing in Baton's dialog must not trigger the page's keyboard shortcuts. All of it is removed
 * when the gate's signal aborts.
 */
import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { GateController } from '@/lib/gate/controller';
import type { OverlayViews } from '@/lib/gate/views';
import { GateDialogHost } from './GateDialog';
import { ReadinessBadge } from './ReadinessBadge';
import { ClosedWonGuidance } from './ClosedWonGuidance';

const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste', 'cut', 'copy'];

type Ui = ShadowRootContentScriptUi<Root>;

export function createOverlay(ctx: ContentScriptContext, controller: GateController, css: string, signal: AbortSignal): OverlayViews {
  let badge: { anchor: Element; ui: Promise<Ui> } | null = null;
  let guidance: { anchor: Element; ui: Promise<Ui> } | null = null;
  let dialog: Promise<Ui> | null = null;

  const mountAt = (name: string, anchor: Element | string, append: 'before' | 'last', render: () => React.ReactNode): Promise<Ui> =>
    createShadowRootUi(ctx, {
      name,
      css,
      position: 'inline',
      anchor,
      append,
      isolateEvents: ISOLATED_EVENTS,
      onMount(container) {
        const root = createRoot(container);
        root.render(render());
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    }).then((ui) => {
      ui.mount();
      return ui;
    });

  const remove = (entry: { ui: Promise<Ui> } | null) => {
    void entry?.ui.then((ui) => ui.remove());
  };

  // The dialog's host goes into the page the first time the gate needs it.
  const unsubscribe = controller.dialog.subscribe(() => {
    if (controller.dialog.get() !== null && dialog === null) {
      dialog = mountAt('baton-gate', 'body', 'last', () => <GateDialogHost controller={controller} />);
    }
  });
  signal.addEventListener(
    'abort',
    () => {
      unsubscribe();
      remove(badge);
      badge = null;
      remove(guidance);
      guidance = null;
      void dialog?.then((ui) => ui.remove());
    },
    { once: true },
  );

  return {
    showBadge(anchor) {
      if (badge?.anchor === anchor) return;
      remove(badge);
      badge = { anchor, ui: mountAt('baton-badge', anchor, 'before', () => <ReadinessBadge controller={controller} />) };
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
      guidance = { anchor, ui: mountAt('baton-guidance', anchor, 'last', () => <ClosedWonGuidance controller={controller} />) };
    },
    hideGuidance() {
      remove(guidance);
      guidance = null;
    },
  };
}
