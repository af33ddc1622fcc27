import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createInjector } from '@/lib/background/injector';
import { createScriptSync, gateRegisteredFor, saveScriptFor } from '@/lib/background/gateScripts';
import { createOutboxRunner } from '@/lib/background/outbox';
import { readTestSwitches } from '@/lib/background/testSwitches';
import type { DealBackend } from '@/lib/crms/shared/api/backend';
import { CrmError } from '@/lib/domain/problem';
import { connectWithOAuth, connectWithToken } from '@/lib/crms/hubspot/api/connection';
import { HubSpotBackend } from '@/lib/crms/hubspot/api/backend';
import { salesforceBackends } from '@/lib/crms/salesforce/api/backend';
import { browserSessionOf, type BrowserSession } from '@/lib/background/cookieStore';
import type { Crm } from '@/lib/domain/deal';
import { openBatonDb, recoverInFlight } from '@/lib/db';
import { sendMessageToTab } from '@/lib/messaging/client';
import { registerMessageRouter } from '@/lib/messaging/router';
import { acceptGateLink, type LinkPort } from '@/lib/messaging/gateLink';
import { readSettings } from '@/lib/settings/store';
import { CRM_PAGE_MATCHES } from '@/lib/crms';

const OUTBOX_ALARM = 'baton-outbox';
const CONSOLE_MENU = 'baton-open-console';

export default defineBackground(() => {
  const settings = async () => (await readSettings()).settings;
  // Salesforce calls use the session of the cookie store the request came from (a tab in an
  // incognito window or a Firefox container is another user): lib/background/cookieStore.ts.
  const salesforceIn = salesforceBackends({
    cookies: browser.cookies,
    mapping: async () => (await settings()).fieldMappings.salesforce,
  });
  const hubspot = new HubSpotBackend({
    db: () => openBatonDb(),
    mapping: async () => (await settings()).fieldMappings.hubspot,
    oauthClientId: async () => (await settings()).hubspot.oauthClientId,
  });
  const backendsIn = (session: BrowserSession): Record<Crm, DealBackend> => ({ salesforce: salesforceIn(session.cookieStoreId), hubspot });
  const outbox = createOutboxRunner({ db: () => openBatonDb(), backendFor: (deal, session) => backendsIn(session)[deal.crm] });
  const outboxPass = async () => {
    await outbox.pass();
  };

  // Registered synchronously, so a message that wakes the worker finds the listener.
  registerMessageRouter(
    createBackgroundHandlers({
      backend: (crm, session) => backendsIn(session)[crm],
      sessionOf: (context) => browserSessionOf(context, browser.cookies),
      db: () => openBatonDb(),
      settings,
      kickOutbox: outboxPass,
      connectHubSpot: async (request) => {
        if (request.method === 'private-app') return connectWithToken(request.token, new Date());
        const clientId = (await settings()).hubspot.oauthClientId;
        if (clientId === null) throw new CrmError({ kind: 'validation', message: 'Set the OAuth client id of your HubSpot app first.' });
        // identity is optional in Chrome (asked for only by people who choose OAuth), plain in Firefox.
        if (!(await browser.permissions.contains({ permissions: ['identity'] }))) {
          throw new CrmError({ kind: 'forbidden', message: 'Baton needs the “identity” permission for HubSpot sign-in; allow it when the options page asks.' });
        }
        return connectWithOAuth({
          clientId,
          redirectUri: browser.identity.getRedirectURL('hubspot'),
          launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
          now: () => new Date(),
        });
      },
      hubspotConnectionChanged: () => hubspot.forgetAll(),
      testSwitches: () => readTestSwitches(browser.storage.session),
      version: browser.runtime.getManifest().version,
    }),
  );

  // Each gate holds a port open to learn when its extension context goes (lib/messaging/gateLink.ts).
  const gateLinks = new Set<LinkPort>();
  browser.runtime.onConnect.addListener((port) => acceptGateLink(port, { id: browser.runtime.id, origin: browser.runtime.getURL('') }, gateLinks));
  // Deal pages get the gate at document_start (lib/background/gateScripts.ts).
  const registered = createScriptSync(browser.scripting)().then(
    () => true,
    (e) => {
      console.error('[baton] could not register the gate scripts', e);
      return false;
    },
  );

  const ensureGate = createInjector({
    hasGate: async (tabId) => {
      try {
        await sendMessageToTab(tabId, 'ping', {});
        return true;
      } catch {
        return false; // no receiver: no gate in that document
      }
    },
    inject: async (tabId, script) => {
      // The backstop's page-world script first (lib/background/gateScripts.ts): it wraps the page's
      // fetch and XHR and waits for the gate; a second copy in a document does nothing.
      const saves = saveScriptFor(script);
      if (saves) await browser.scripting.executeScript({ target: { tabId }, files: [saves as ScriptPublicPath], world: 'MAIN' });
      // The registry names each CRM's built gate script; WXT's PublicPath type knows them once built.
      // At once, not at document_idle: a tab that navigated in-app into a deal is in use already.
      await browser.scripting.executeScript({ target: { tabId }, files: [script as ScriptPublicPath], injectImmediately: true });
    },
    registeredFor: async (url) => (await registered) && gateRegisteredFor(url),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    const url = change.url ?? (change.status === 'complete' ? tab.url : undefined);
    if (url !== undefined) void ensureGate(tabId, url, { loading: change.status === 'loading' });
  });

  // The toolbar button opens the CS brief: Chrome's side panel, Firefox's sidebar.
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } }).sidePanel;
  if (sidePanel) void sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((e) => console.warn('[baton] side panel behaviour', e));
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (!sidePanel && sidebar) browser.action.onClicked.addListener(() => void sidebar.toggle());

  // The toolbar button's own menu (right-click) opens the manager console.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: CONSOLE_MENU, title: 'Open the manager console', contexts: ['action'] });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === CONSOLE_MENU) void browser.tabs.create({ url: browser.runtime.getURL('/console.html') });
  });

  // A new Salesforce session (the user signed in again): what waited for it goes out now.
  browser.cookies.onChanged.addListener(({ cookie, removed }) => {
    if (!removed && cookie.name === 'sid') void outbox.accessRestored('salesforce').catch((e) => console.warn('[baton] outbox pass after sign-in failed', e));
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void outboxPass().catch((e) => console.error('[baton] outbox pass failed', e));
  });
  void (async () => {
    await browser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 1 });
    // A write left in flight belonged to a worker that died mid-send.
    await recoverInFlight(await openBatonDb());
    // Deal pages open since before Baton started (install, update, browser restart) get the gate too.
    for (const tab of await browser.tabs.query({ url: [...CRM_PAGE_MATCHES] })) {
      if (tab.id !== undefined) void ensureGate(tab.id, tab.url);
    }
    await outboxPass();
  })().catch((e) => console.error('[baton] background start-up failed', e));
});
