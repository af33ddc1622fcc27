// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runGate } from '@/components/overlay/runGate';
import type { HostAdapterOptions } from '@/lib/crms/shared/page/hostPage';
import type { HubSpotMapping } from '@/lib/settings/schema';
import { liveListeners } from '../crms/liveListeners';

afterEach(() => vi.useRealTimers());

describe('runGate', () => {
  it('ties the whole gate to one signal that aborts when the content script’s context goes', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('hubspot-gate');
    const window$ = liveListeners(window);
    try {
      const router = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
      let options: HostAdapterOptions<HubSpotMapping> | null = null;
      runGate(ctx, 'hubspot', '', (o) => {
        options = o;
      });
      const started = options as HostAdapterOptions<HubSpotMapping> | null;
      if (!started) throw new Error('the adapter was not started');
      const ping = router.mock.calls[0]?.[0];
      expect(ping && fakeBrowser.runtime.onMessage.hasListener(ping)).toBe(true); // the ping router
      const onUrl = vi.fn();
      started.onUrlChange(onUrl, started.signal);
      window.dispatchEvent(new PopStateEvent('popstate'));
      expect(onUrl).toHaveBeenCalledOnce();

      ctx.notifyInvalidated();
      expect(started.signal.aborted).toBe(true);
      expect(ping && fakeBrowser.runtime.onMessage.hasListener(ping)).toBe(false);
      expect(window$.types()).toEqual([]);
      expect(vi.getTimerCount()).toBe(0);
      window.dispatchEvent(new PopStateEvent('popstate'));
      expect(onUrl).toHaveBeenCalledOnce();
    } finally {
      window$.restore();
    }
  });
});
