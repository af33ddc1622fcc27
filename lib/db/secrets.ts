import { z } from '@/lib/zod';
// The one HubSpot fact storage needs; urls.ts is pure (no page or API code comes with it).
import { HUBSPOT_APP_HOST } from '@/lib/crms/hubspot/urls';
import { IsoTimestamp, forWrite, readOne } from './common';
import type { BatonDatabase } from './schema';

/**
 * Credentials Baton holds for a CRM (today: HubSpot's). They live in the extension's own
 * IndexedDB, which only extension pages and the background can open: a content script runs with
 * its page's origin and cannot reach it (chrome.storage.local, by contrast, is readable from
 * content scripts). Only the background reads them, and no message carries them.
 */
export const HubSpotSecret = z.object({
  name: z.literal('hubspot'),
  method: z.enum(['private-app', 'oauth']),
  accessToken: z.string().min(1).max(4000),
  refreshToken: z.string().min(1).max(4000).nullable(),
  /** When an OAuth access token expires; null for private-app tokens and service keys. */
  expiresAt: IsoTimestamp.nullable(),
  portalId: z.string().regex(/^\d{1,12}$/),
  /** The portal's app host (app.hubspot.com, app-eu1.hubspot.com): where its deal pages live. */
  uiDomain: z.string().regex(HUBSPOT_APP_HOST),
  savedAt: IsoTimestamp,
});
export type HubSpotSecret = z.infer<typeof HubSpotSecret>;

export const Secret = HubSpotSecret;
export type Secret = z.infer<typeof Secret>;

export async function putSecret(db: BatonDatabase, secret: Secret): Promise<void> {
  await db.put('secrets', forWrite(Secret, 'secrets', secret));
}

export async function getSecret(db: BatonDatabase, name: Secret['name']): Promise<Secret | undefined> {
  return readOne(Secret, 'secrets', name, await db.get('secrets', name));
}

export async function deleteSecret(db: BatonDatabase, name: Secret['name']): Promise<void> {
  await db.delete('secrets', name);
}
