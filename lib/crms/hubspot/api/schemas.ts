/**
 * The shapes Baton reads from HubSpot's CRM v3 API, as documented (seen 2026) at
 * https://developers.hubspot.com/docs/api/crm/deals and
 * https://developers.hubspot.com/docs/api-reference/latest/crm/pipelines/get-pipelines.
 * Every property value is a string (or null); loose objects, because HubSpot adds fields.
 */
import { z } from '@/lib/zod';

export const HubSpotErrorBody = z.looseObject({
  status: z.string().optional(),
  message: z.string().optional(),
  category: z.string().optional(),
  correlationId: z.string().optional(),
});

export const DealObject = z.looseObject({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
});
export type DealObject = z.infer<typeof DealObject>;

export const Pipelines = z.looseObject({
  results: z.array(
    z.looseObject({
      id: z.string(),
      label: z.string(),
      archived: z.boolean().optional(),
      stages: z.array(
        z.looseObject({
          id: z.string(),
          label: z.string(),
          displayOrder: z.number().optional(),
          archived: z.boolean().optional(),
          // HubSpot returns these as strings: {"isClosed": "true", "probability": "1.0"}.
          metadata: z.looseObject({ isClosed: z.string().optional(), probability: z.string().optional() }).optional(),
        }),
      ),
    }),
  ),
});
export type Pipelines = z.infer<typeof Pipelines>;

export const PropertyList = z.looseObject({
  results: z.array(
    z.looseObject({
      name: z.string(),
      label: z.string(),
      fieldType: z.string().optional(),
      modificationMetadata: z.looseObject({ readOnlyValue: z.boolean().optional() }).optional(),
    }),
  ),
});
export type PropertyList = z.infer<typeof PropertyList>;

/**
 * An owner (https://developers.hubspot.com/docs/api-reference/crm-owners-v3/guide): its id is what
 * hubspot_owner_id holds, its userId the HubSpot user behind it, its teams what an admin can name
 * in Baton's audit settings.
 */
export const Owner = z.looseObject({
  id: z.string(),
  email: z.string().nullable().optional(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  userId: z.number().nullable().optional(),
  teams: z.array(z.looseObject({ id: z.string().optional(), name: z.string().nullable().optional() })).nullable().optional(),
});
export type Owner = z.infer<typeof Owner>;

export const OwnersPage = z.looseObject({
  results: z.array(Owner),
  paging: z.looseObject({ next: z.looseObject({ after: z.string() }).optional() }).optional(),
});

/** GET /oauth/v1/access-tokens/{token}: the user who authorized an OAuth token. */
export const OAuthTokenInfo = z.looseObject({ user_id: z.number().nullable().optional(), user: z.string().nullable().optional() });

/** POST /oauth/v2/private-apps/get/access-token-info: a private app token's user (the app's creator). */
export const PrivateAppTokenInfo = z.looseObject({ userId: z.number().nullable().optional() });

/** A note as the objects endpoints return it; archived ones carry archivedAt, listed ones their associations. */
export const NoteObject = z.looseObject({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  archived: z.boolean().optional(),
  archivedAt: z.string().nullable().optional(),
  associations: z
    .record(z.string(), z.looseObject({ results: z.array(z.looseObject({ id: z.union([z.string(), z.number()]) })) }))
    .nullable()
    .optional(),
});
export type NoteObject = z.infer<typeof NoteObject>;

export const AccountInfo = z.looseObject({ portalId: z.number() });

export const Created = z.looseObject({ id: z.string() });

export const OAuthTokens = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().optional(),
});
