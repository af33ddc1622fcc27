import { browser } from 'wxt/browser';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createInjector } from '@/lib/background/injector';
import { sendMessageToTab } from '@/lib/messaging/client';
import { runOutbox } from '@/lib/background/outbox';
import { SalesforceBackend } from '@/lib/crm/salesforce/backend';
import { openBatonDb, recoverInFlight } from '@/lib/db';
import { registerMessageRouter } from '@/lib/messaging/router';
import { readSettings } from '@/lib/settings/store';

const OUTBOX_ALARM = 'baton-outbox';

export default defineBackground(() => {
  const settings = async () => (await readSettings()).settings;
  const salesforce = new SalesforceBackend({
    getCookie: (details) => browser.cookies.get(details),
    mapping: async () => (await settings()).fieldMappings.salesforce,
  });
  const backendFor = (crm: 'salesforce' | 'hubspot') => (crm === 'salesforce' ? salesforce : null);
  const outboxPass = async () => {
    const backend = (deal: { crm: 'salesforce' | 'hubspot' }) => {
      const b = backendFor(deal.crm);
      if (b === null) throw new Error(`No ${deal.crm} connection.`);
      return b;
    };
    await runOutbox(await openBatonDb(), backend);
  };

  // Registered synchronously, so a message that wakes the worker finds the listener.
  registerMessageRouter(
    createBackgroundHandlers({
      backend: backendFor,
      db: () => openBatonDb(),
      settings,
      kickOutbox: outboxPass,
      version: browser.runtime.getManifest().version,
    }),
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
    inject: async (tabId) => {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/salesforce-gate.js'] });
    },
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    const url = change.url ?? (change.status === 'complete' ? tab.url : undefined);
    if (url !== undefined) void ensureGate(tabId, url);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void outboxPass().catch((e) => console.error('[baton] outbox pass failed', e));
  });
  void (async () => {
    await browser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 1 });
    // A write left in flight belonged to a worker that died mid-send.
    await recoverInFlight(await openBatonDb());
    // Deal pages open since before Baton started (install, update, browser restart) get the gate too.
    for (const tab of await browser.tabs.query({ url: ['https://*.lightning.force.com/*'] })) {
      if (tab.id !== undefined) void ensureGate(tab.id, tab.url);
    }
    await outboxPass();
  })().catch((e) => console.error('[baton] background start-up failed', e));
});
