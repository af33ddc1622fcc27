import { describe, expect, it, vi } from 'vitest';
import { TtlCache } from '@/lib/crms/shared/api/ttlCache';

function setup() {
  let clock = 1_000;
  const cache = new TtlCache<string>(600, () => clock);
  return { cache, tick: (ms: number) => (clock += ms) };
}

describe('TtlCache', () => {
  it('keeps a value for ttlMs after its load started, then loads again', async () => {
    const { cache, tick } = setup();
    const load = vi.fn(async () => `v${load.mock.calls.length}`);
    expect(await cache.get('acme', load)).toBe('v1');
    tick(599);
    expect(await cache.get('acme', load)).toBe('v1');
    tick(1);
    expect(await cache.get('acme', load)).toBe('v2');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one load between callers that ask before it settles, per key', async () => {
    const { cache } = setup();
    let release = (_: string) => {};
    const load = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const both = Promise.all([cache.get('acme', load), cache.get('acme', load)]);
    release('slow');
    expect(await both).toEqual(['slow', 'slow']);
    expect(await cache.get('globex', async () => 'other')).toBe('other');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not remember a failed load', async () => {
    const { cache } = setup();
    await expect(cache.get('acme', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('acme', async () => 'up')).toBe('up');
  });

  it('a failure of a replaced load does not drop the newer value', async () => {
    const { cache, tick } = setup();
    let fail = (_: Error) => {};
    const first = cache.get('acme', () => new Promise<string>((_resolve, reject) => (fail = reject)));
    tick(600);
    expect(await cache.get('acme', async () => 'newer')).toBe('newer');
    fail(new Error('late'));
    await expect(first).rejects.toThrow('late');
    expect(await cache.get('acme', async () => 'not asked')).toBe('newer');
  });

  it('forgets one key, or all of them', async () => {
    const { cache } = setup();
    await cache.get('acme', async () => 'a');
    await cache.get('globex', async () => 'g');
    cache.delete('acme');
    expect(await cache.get('acme', async () => 'a2')).toBe('a2');
    expect(await cache.get('globex', async () => 'g2')).toBe('g');
    cache.clear();
    expect(await cache.get('globex', async () => 'g3')).toBe('g3');
  });
});
