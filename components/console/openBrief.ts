import { browser } from 'wxt/browser';

interface SidePanelApi {
  setOptions(options: { tabId: number; path: string; enabled: boolean }): Promise<void>;
  open(options: { tabId: number }): Promise<void>;
}

let consoleTabId: number | undefined;
/** Called once at start: sidePanel.open must run inside the click, with nothing awaited before it. */
export async function rememberConsoleTab(): Promise<void> {
  consoleTabId = (await browser.tabs.getCurrent())?.id;
}

/** The deal's CS brief in the side panel beside the console (Chrome, Edge); a tab elsewhere. */
export function openBrief(dealUrl: string): void {
  const query = `?deal=${encodeURIComponent(dealUrl)}`;
  const path = `sidepanel.html${query}`;
  const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
  if (sidePanel && consoleTabId !== undefined) {
    void sidePanel.setOptions({ tabId: consoleTabId, path, enabled: true });
    sidePanel.open({ tabId: consoleTabId }).catch((error: unknown) => {
      console.warn('[baton] The side panel did not open; opening the brief in a tab.', error);
      void browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html${query}`) });
    });
    return;
  }
  void browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html${query}`) });
}
