import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, closeBatonDb, getDraft, openBatonDb, saveDraft } from '@/lib/db';
import { ACME, ACME_KEY, T0, freshDbName } from './helpers';

const names: string[] = [];
function newName(): string {
  const name = freshDbName();
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) await closeBatonDb(name);
});

describe('openBatonDb', () => {
  it('uses the name "baton" by default', async () => {
    const db = await openBatonDb();
    expect(db.name).toBe(DB_NAME);
    expect(DB_NAME).toBe('baton');
    await closeBatonDb();
  });

  it('shares one connection between callers, even concurrent ones', async () => {
    const name = newName();
    const [a, b] = await Promise.all([openBatonDb(name), openBatonDb(name)]);
    expect(a).toBe(b);
    expect(await openBatonDb(name)).toBe(a);
  });

  it('is idempotent: closing and opening again keeps the data and the version', async () => {
    const name = newName();
    const first = await openBatonDb(name);
    await saveDraft(first, { deal: ACME, fields: { useCase: 'Forecasting for 40 reps' } }, T0);
    await closeBatonDb(name);

    const second = await openBatonDb(name);
    expect(second).not.toBe(first);
    expect(second.version).toBe(DB_VERSION);
    expect((await getDraft(second, ACME_KEY))?.fields).toEqual({ useCase: 'Forecasting for 40 reps' });
  });

  it('steps aside when another context upgrades, then refuses to run stale', async () => {
    const name = newName();
    const ours = await openBatonDb(name);
    await saveDraft(ours, { deal: ACME, fields: { useCase: 'kept across the upgrade' } }, T0);

    // A newer Baton opens version DB_VERSION + 1. Without our 'versionchange' handling this would
    // be blocked forever (and the test would time out).
    const newer = await openDB(name, DB_VERSION + 1, { upgrade() {} });
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(await newer.get('drafts', ACME_KEY)).toMatchObject({ fields: { useCase: 'kept across the upgrade' } });
    newer.close();
    expect(() => ours.transaction('drafts')).toThrow(); // our connection was closed

    // This (older) code must not silently work on a newer layout.
    await expect(openBatonDb(name)).rejects.toMatchObject({ name: 'VersionError' });
  });
});
