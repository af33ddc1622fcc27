/**
 * The gate's link to the background: a long-lived runtime Port each gate content script keeps
 * open. No message travels on it; it is there for its disconnect, which is how a gate learns at
 * once that its extension context is gone (update, reload, disable, uninstall). A service worker
 * that goes idle disconnects it too, with the extension still there; the gate tells the two apart
 * by runtime.id (components/overlay/extensionLink.ts).
 * https://developer.chrome.com/docs/extensions/develop/concepts/messaging#port-lifetime
 *
 * Only Baton's own contexts can open it: the manifest declares no externally_connectable, and the
 * background refuses a port whose sender is not Baton's content script on a CRM page.
 */
import { classifySender, type SenderInfo } from './sender';

export const GATE_LINK = 'baton-gate-link';

/** The parts of runtime.Port the background reads. */
export interface LinkPort {
  name: string;
  sender?: SenderInfo;
  disconnect(): void;
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * The background's end: keeps a gate's link open (held in `open` until it disconnects) and
 * closes any other port of that name. Ports of another name are left to other listeners.
 */
export function acceptGateLink(port: LinkPort, extension: { id: string; origin: string }, open: Set<LinkPort>): void {
  if (port.name !== GATE_LINK) return;
  const sender = port.sender;
  if (sender?.id !== extension.id || classifySender(sender, extension.origin) !== 'content-script') {
    port.disconnect();
    return;
  }
  open.add(port);
  port.onDisconnect.addListener(() => open.delete(port));
}
