// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const sent: { type: string; request: unknown }[] = [];
vi.mock('@/lib/messaging/client', () => ({
  sendMessage: vi.fn(async (type: string, request: unknown) => {
    sent.push({ type, request });
    if (type === 'hubspot/status') return { connected: false };
    return { ok: false, problem: { message: 'stopped here by the test' } };
  }),
}));

const { HubSpotConnection } = await import('@/components/options/HubSpotConnection');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeEach(() => {
  sent.length = 0;
});
afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

async function signIn(manifest: { permissions?: string[]; optional_permissions?: string[] }, granted: boolean) {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Baton', version: '0.1.0', ...manifest } as never);
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(granted);
  const host = document.createElement('div');
  document.body.append(host);
  await act(async () => createRoot(host).render(<HubSpotConnection oauthClientId="baton-client-1234" />));
  const button = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Sign in with HubSpot (OAuth)');
  if (!button) throw new Error('no "Sign in with HubSpot (OAuth)" button');
  await act(async () => button.click());
  return { request, host, connects: sent.filter((m) => m.type === 'hubspot/connect') };
}

describe('HubSpot OAuth sign-in and the identity permission', () => {
  it('asks for identity where the manifest has it optional (Chrome), and stops when refused', async () => {
    const { request, host, connects } = await signIn({ optional_permissions: ['identity'] }, false);
    expect(request).toHaveBeenCalledWith({ permissions: ['identity'] });
    expect(connects).toEqual([]);
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('needs the “identity” permission');
  });

  it('signs in once identity is granted', async () => {
    const { connects } = await signIn({ optional_permissions: ['identity'] }, true);
    expect(connects).toEqual([{ type: 'hubspot/connect', request: { method: 'oauth' } }]);
  });

  it('asks for nothing where identity is a plain permission (Firefox), and signs in', async () => {
    const { request, connects } = await signIn({ permissions: ['identity'] }, false);
    expect(request).not.toHaveBeenCalled();
    expect(connects).toEqual([{ type: 'hubspot/connect', request: { method: 'oauth' } }]);
  });
});
