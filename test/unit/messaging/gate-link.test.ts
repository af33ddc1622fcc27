import { describe, expect, it, vi } from 'vitest';
import { GATE_LINK, acceptGateLink, type LinkPort } from '@/lib/messaging/gateLink';

const EXTENSION = { id: 'baton-id', origin: 'chrome-extension://baton-id/' };

function port(name: string, sender: LinkPort['sender']) {
  const listeners: Array<() => void> = [];
  return {
    name,
    sender,
    disconnect: vi.fn(),
    onDisconnect: { addListener: (l: () => void) => void listeners.push(l) },
    drop: () => listeners.forEach((l) => l()),
  };
}

describe('the gate link, background end', () => {
  it('keeps a gate’s port from a CRM page open until it drops', () => {
    const open = new Set<LinkPort>();
    const gate = port(GATE_LINK, { id: 'baton-id', url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001abcDEIAY/view', tab: { id: 3 }, frameId: 0 });
    acceptGateLink(gate, EXTENSION, open);
    expect(gate.disconnect).not.toHaveBeenCalled();
    expect(open.has(gate)).toBe(true);
    gate.drop();
    expect(open.size).toBe(0);
  });

  it.each([
    ['another extension', { id: 'other', url: 'https://acme.lightning.force.com/lightning/page/home', tab: { id: 3 } }],
    ['a page that is not a CRM page', { id: 'baton-id', url: 'https://evil.example/', tab: { id: 3 } }],
    ['no sender at all', undefined],
  ])('closes one from %s', (_who, sender) => {
    const open = new Set<LinkPort>();
    const stranger = port(GATE_LINK, sender);
    acceptGateLink(stranger, EXTENSION, open);
    expect(stranger.disconnect).toHaveBeenCalled();
    expect(open.size).toBe(0);
  });

  it('leaves ports of another name to other listeners', () => {
    const other = port('something-else', undefined);
    acceptGateLink(other, EXTENSION, new Set());
    expect(other.disconnect).not.toHaveBeenCalled();
  });
});
