/**
 * Which browser session a request speaks for. A Salesforce session is the `sid` cookie of the
 * org's host, and a browser holds one per cookie store: the normal windows', an incognito window's
 * (Chrome allows Baton there only when the user says so), each Firefox container's and private
 * window's. Baton must call Salesforce as the user signed in where the request came from, never as
 * whoever is signed in in the default store.
 *
 * - Firefox names the store on the sender's tab (`tab.cookieStoreId`,
 *   https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/tabs/Tab).
 * - Chrome does not: `cookies.getAllCookieStores()` lists each store with the ids of its tabs
 *   (https://developer.chrome.com/docs/extensions/reference/api/cookies#type-CookieStore); the
 *   incognito store's id is "1". Baton's manifest sets no `incognito` key, so Chrome runs it in
 *   "spanning" mode: one background for all windows, messages from incognito tabs arrive there
 *   flagged (https://developer.chrome.com/docs/extensions/reference/manifest/incognito). In "split"
 *   mode the same lookup would find the incognito background's own store.
 * - A request not from a tab (the side panel, Firefox's sidebar, the background's own outbox pass
 *   for work queued without a store) uses the default store: that of the background, which is the
 *   normal windows' one.
 *
 * A tab that no store lists is refused: guessing would mean acting as another user.
 */
import { CrmError } from '@/lib/domain/problem';

/** The cookie store a request's CRM calls use; null: the default store. */
export interface BrowserSession {
  cookieStoreId: string | null;
}

export const DEFAULT_SESSION: BrowserSession = { cookieStoreId: null };

/** The slice of `cookies` this needs (browser.cookies; tests pass a fake). */
export interface CookieStores {
  getAllCookieStores(): Promise<Array<{ id: string; tabIds: number[] }>>;
}

/** What the router knows of a message's sender (lib/messaging/router.ts SenderContext). */
export interface SessionSender {
  tabId?: number | undefined;
  /** Firefox: the sender tab's cookie store. */
  cookieStoreId?: string | undefined;
}

export async function browserSessionOf(sender: SessionSender, cookies: CookieStores): Promise<BrowserSession> {
  if (sender.cookieStoreId) return { cookieStoreId: sender.cookieStoreId };
  const tabId = sender.tabId;
  if (tabId === undefined) return DEFAULT_SESSION;
  const store = (await cookies.getAllCookieStores()).find((s) => s.tabIds.includes(tabId));
  if (!store) {
    throw new CrmError({
      kind: 'not-connected',
      message: 'Baton could not tell which browser session this tab belongs to, so it used none. Reload the tab and try again.',
    });
  }
  return { cookieStoreId: store.id };
}
