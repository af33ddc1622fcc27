import type { BrowserContext, Page } from '@playwright/test';
import { expect } from '../fixtures';
import { isolate, serveSalesforce } from '../salesforce/sandbox';
import { serveHubSpot } from '../hubspot/sandbox';
import { connect } from '../hubspot/fixtures';
import { FakeSalesforceOrg } from '@/test/fixtures/salesforce/org';
import { FakeHubSpotPortal } from '@/test/fixtures/hubspot/portal';
import { seedOrg, seedPortal } from '@/test/fixtures/team';

export const TODAY = new Date().toISOString().slice(0, 10);

/** A fake org and portal seeded with a team's deals, served at their real hosts; HubSpot connected. */
export async function teamSandbox(context: BrowserContext, extensionUrl: (page: string) => string, counts = { salesforce: 240, hubspot: 160 }) {
  await isolate(context);
  const org = new FakeSalesforceOrg();
  seedOrg(org, { count: counts.salesforce, today: TODAY });
  const portal = new FakeHubSpotPortal();
  seedPortal(portal, { count: counts.hubspot, today: TODAY });
  await serveSalesforce(context, org);
  await serveHubSpot(context, portal);
  await connect(context, extensionUrl, portal.token);
  return { org, portal };
}

export async function openConsole(context: BrowserContext, extensionUrl: (page: string) => string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(extensionUrl('console.html'));
  await expect(page.getByRole('button', { name: 'Reload from the CRMs' })).toBeEnabled({ timeout: 20_000 });
  return page;
}

export const caption = (page: Page) => page.locator('.table-scroll caption');
export { expect };
