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

export const Owner = z.looseObject({
  id: z.string(),
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
});

export const AccountInfo = z.looseObject({ portalId: z.number() });

export const Created = z.looseObject({ id: z.string() });

export const OAuthTokens = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().optional(),
});
