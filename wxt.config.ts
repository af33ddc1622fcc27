import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
// Host permissions are the CRM hosts only (each CRM's pages and API, from the registry): Baton
// talks to nothing but the user's own CRM.
import { CRM_HOST_PERMISSIONS } from './lib/crms';

/**
 * Build plugin: content scripts get React's API from preact/compat.
 *
 * Why: Baton's content script runs on every Salesforce / HubSpot page and its budget is 100 KB
 * gzip. React DOM 19 alone is about 60 KB gzip of it (measured: the Salesforce content script
 * was 128 KB gzip with React DOM, see README "Bundle sizes"). The overlay is written against
 * React's API and unit-tested with React; the built content script, with preact/compat, is what
 * the end-to-end tests load in Chromium. Extension pages (options, side panel, console) keep React.
 */
const ALIASES: Record<string, string> = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
};

function preactInContentScripts(): Plugin {
  let contentScript = false;
  return {
    name: 'baton:preact-in-content-scripts',
    enforce: 'pre',
    configResolved(config) {
      const input = config.build.rollupOptions.input ?? config.build.lib;
      contentScript = /\.content[/\\]|\.content\.[jt]sx?/.test(JSON.stringify(input ?? ''));
    },
    async resolveId(source, importer) {
      const target = contentScript ? ALIASES[source] : undefined;
      if (target === undefined) return null;
      return this.resolve(target, importer, { skipSelf: true });
    },
  };
}

export default defineConfig({
  vite: () => ({ plugins: [preactInContentScripts()] }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Baton — sales-to-CS handoff',
    description:
      'Checks the sales-to-CS handoff on Salesforce and HubSpot deals and stops a Closed Won until it is good enough.',
    // storage: settings; cookies: the Salesforce session (sid) read in the background; alarms:
    // outbox retries; scripting: the gate script is injected into deal pages only (no content
    // script at all on the CRM's other pages).
    // sidePanel (Chrome): the CS brief opens from the toolbar button; Firefox uses its sidebar.
    // contextMenus: the toolbar button's menu item that opens the manager console.
    permissions: ['storage', 'cookies', 'alarms', 'scripting', 'contextMenus', ...(browser === 'firefox' ? ['identity'] : ['sidePanel'])],
    action: { default_title: 'Baton: CS brief' },
    // HubSpot OAuth only (launchWebAuthFlow): optional in Chrome, asked for when someone chooses it
    // in the options. Firefox cannot make identity optional (web-ext lint: invalid optional
    // permission), so there it is a plain permission; it shows no install prompt.
    ...(browser === 'firefox' ? {} : { optional_permissions: ['identity'] }),
    host_permissions: [...CRM_HOST_PERMISSIONS],
    // Chrome and Edge read admin-pushed settings through this schema; Firefox uses enterprise policies instead.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'baton@baton.invalid',
              // 142: the first Firefox (desktop and Android) that reads data_collection_permissions.
              strict_min_version: '142.0',
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
