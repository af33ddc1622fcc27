import { defineConfig } from 'wxt';

// Host permissions are the CRM hosts only: Baton talks to nothing but the user's own CRM.
export const CRM_HOST_PERMISSIONS = [
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://*.hubspot.com/*',
  'https://api.hubapi.com/*',
  'https://api.hubspot.com/*',
] as const;

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Baton — sales-to-CS handoff',
    description:
      'Checks the sales-to-CS handoff on Salesforce and HubSpot deals and stops a Closed Won until it is good enough.',
    permissions: ['storage'],
    host_permissions: [...CRM_HOST_PERMISSIONS],
    // Chrome and Edge read admin-pushed settings through this schema; Firefox uses enterprise policies instead.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'baton@baton.invalid',
              strict_min_version: '128.0',
              // Baton's developers receive nothing: data goes only to the user's own CRM.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { storage: { managed_schema: 'managed-schema.json' } }),
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  }),
});
