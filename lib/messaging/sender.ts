/**
 * Who is on the other end of a runtime message. Pure functions, so the rules are testable
 * without a browser.
 */
import { isCrmPageHost } from '@/lib/crms';
import type { SenderKind } from './protocol';

/** The parts of runtime.MessageSender the router reads; the browser's type is assignable to it. */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** cookieStoreId: Firefox names the tab's cookie store (container, private window); Chrome does not. */
  tab?: { id?: number; cookieStoreId?: string };
  frameId?: number;
}

/**
 * True when `url` is a page Baton's content script may run on: https, default port, no
 * credentials, and a host that is a CRM's page domain (lib/crms, the domains of the gate scripts'
 * `matches`) or a subdomain of one. Which of those pages are deals is the adapters' business.
 * The URL parser does the work, so "https://evil.com/lightning.force.com" and
 * "https://lightning.force.com.evil.com" are judged by their real host.
 */
export function isCrmContentScriptUrl(url: string | undefined): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username || parsed.password) return false;
  return isCrmPageHost(parsed.hostname);
}

/**
 * Classifies a sender already known to be this extension (the caller checks sender.id).
 * - extension page: its URL is under the extension's origin (chrome-extension://<id>/,
 *   moz-extension://<uuid>/), whether or not it sits in a tab;
 * - content script: it is in a tab and its frame's URL is a CRM page (isCrmContentScriptUrl);
 * - anything else (no URL, another site, about:blank frames): null, and the message is refused.
 */
export function classifySender(sender: SenderInfo, extensionOrigin: string): SenderKind | null {
  const url = sender.url;
  if (typeof url !== 'string') return null;
  if (url.startsWith(withTrailingSlash(extensionOrigin))) return 'extension-page';
  if (sender.tab !== undefined && isCrmContentScriptUrl(url)) return 'content-script';
  return null;
}

/** "chrome-extension://abc" must not be a prefix match for "chrome-extension://abcd/…". */
export function withTrailingSlash(origin: string): string {
  return origin.endsWith('/') ? origin : `${origin}/`;
}
