import type { Page } from '@playwright/test';
import { test } from './fixtures';
import { seriousViolations, tabTo } from './a11y';
import { JUNK_HANDOFF, badge, closeThroughPath, expect, gateDialog, openRecord, sandbox } from './salesforce/fixtures';
import { connect, hubspotSandbox, openDeal, pickStage } from './hubspot/fixtures';

/**
 * Baton's overlay on both CRMs, scanned by axe-core (serious and critical only) where it lives,
 * in its shadow roots: the readiness badge closed and open, the gate dialog with findings. The
 * host pages are fixtures, so their own markup is not scanned. The side panel, console and
 * options page have their scans next to their own tests.
 */

// Up to four axe scans and two keyboard walks a test: up to 22 s beside two CPU hogs on two cores.
test.slow();

/** Scans the badge closed, opens it by keyboard, scans it open, closes it with Escape. */
async function checkBadge(page: Page) {
  await expect(badge(page)).toHaveText(/Handoff \d\/3/);
  expect(await seriousViolations(page, 'baton-badge')).toEqual([]);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await tabTo(page, /^Handoff \d\/3/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Handoff details' })).toBeVisible();
  await expect(badge(page)).toHaveAttribute('aria-expanded', 'true');
  expect(await seriousViolations(page, 'baton-badge')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Handoff details' })).toBeHidden();
}

test('Salesforce: badge and gate dialog have no serious accessibility violations and work by keyboard', async ({ context }) => {
  const box = await sandbox(context);
  const opp = box.org.addOpportunity({ name: 'Accessible', handoff: JUNK_HANDOFF });
  const page = await openRecord(context, box, opp.id);
  await checkBadge(page);

  await closeThroughPath(page, 'Closed Won');
  const dialog = gateDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Use case' })).toBeFocused();
  expect(await seriousViolations(page, 'baton-gate')).toEqual([]);
  // Close anyway, by keyboard: reach it, give the reason, confirm.
  await tabTo(page, 'Close anyway');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: /reason/i })).toBeVisible();
  expect(await seriousViolations(page, 'baton-gate')).toEqual([]);
});

test('HubSpot: badge and gate dialog have no serious accessibility violations and work by keyboard', async ({ context, extensionUrl }) => {
  const box = await hubspotSandbox(context);
  const deal = box.portal.addDeal({ name: 'Accessible HubSpot deal', handoff: JUNK_HANDOFF });
  await connect(context, extensionUrl, box.portal.token);
  const page = await openDeal(context, box, deal.id);
  await checkBadge(page);

  await pickStage(page, 'closedwon');
  const dialog = gateDialog(page);
  await expect(dialog).toBeVisible();
  expect(await seriousViolations(page, 'baton-gate')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(deal.properties.dealstage).not.toBe('closedwon');
});
