import { test } from '../fixtures';
import { HANDOFF_PROPERTIES } from '@/test/fixtures/hubspot/portal';
import { GOOD_HANDOFF, badge, card, column, connect, expect, gateDialog, hubspotSandbox, openDeal, pickStage } from './fixtures';

test.describe('HubSpot: the gate stops every UI path to a won stage while the handoff is empty', () => {
  test('the deal stage dropdown on the record, before HubSpot acts', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Empty HubSpot deal' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await openDeal(context, box, deal.id);
    await pickStage(page, 'closedwon');
    const dialog = gateDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('moving to Closed Won');
    await expect(dialog.getByRole('textbox', { name: 'Use case' })).toBeVisible();
    expect(box.portal.pageSaves).toEqual([]);
    expect(deal.properties.dealstage).toBe('contractsent');
  });

  test('a good handoff passes untouched and HubSpot saves the stage itself', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Good HubSpot deal', handoff: GOOD_HANDOFF });
    await connect(context, extensionUrl, box.portal.token);
    const page = await openDeal(context, box, deal.id);
    await expect(badge(page)).toHaveText(/Handoff 3\/3/);
    await pickStage(page, 'closedwon');
    await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();
    await expect(gateDialog(page)).toBeHidden();
    expect(deal.properties.dealstage).toBe('closedwon');
  });

  test('pointer drag of a board card into the won column', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Drag me' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    await card(page, deal.id).dragTo(column(page, 'Closed Won'));
    const dialog = gateDialog(page);
    await expect(dialog).toContainText('Drag me');
    expect(deal.properties.dealstage).toBe('contractsent');
    // Fill in place: the fields are saved, then the same drag is made again and HubSpot moves the card.
    await dialog.getByRole('textbox', { name: 'Use case' }).fill(GOOD_HANDOFF.useCase);
    await dialog.getByRole('textbox', { name: 'Success metric' }).fill(GOOD_HANDOFF.successMetric);
    await dialog.getByRole('textbox', { name: 'Risk flags' }).fill(GOOD_HANDOFF.riskFlags);
    await dialog.getByRole('button', { name: 'Save and close won' }).click();
    await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();
    expect(deal.properties.dealstage).toBe('closedwon');
    expect(deal.properties[HANDOFF_PROPERTIES.useCase]).toBe(GOOD_HANDOFF.useCase);
    await expect(column(page, 'Closed Won').locator(`[data-selenium-id="${deal.id}"]`)).toBeVisible();
  });

  test('the replayed drag waits until the page takes the pointer again', async ({ context, extensionUrl }) => {
    // Seen in CI: the drag was replayed while Baton's modal dialog was still closing, so the
    // page was inert and HubSpot dropped the card nowhere. Here the page itself stays inert
    // (a modal of its own) for a while after the rep saves.
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Busy page' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    await card(page, deal.id).dragTo(column(page, 'Closed Won'));
    const dialog = gateDialog(page);
    await dialog.getByRole('textbox', { name: 'Use case' }).fill(GOOD_HANDOFF.useCase);
    await dialog.getByRole('textbox', { name: 'Success metric' }).fill(GOOD_HANDOFF.successMetric);
    await dialog.getByRole('textbox', { name: 'Risk flags' }).fill(GOOD_HANDOFF.riskFlags);
    await page.evaluate(() => {
      window.addEventListener(
        'click',
        () => {
          const veil = document.createElement('dialog');
          veil.textContent = 'Saving…';
          document.body.append(veil);
          veil.showModal();
          setTimeout(() => veil.remove(), 700);
        },
        { capture: true, once: true },
      );
    });
    await dialog.getByRole('button', { name: 'Save and close won' }).click();
    await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();
    expect(deal.properties.dealstage).toBe('closedwon');
    await expect(column(page, 'Closed Won').locator(`[data-selenium-id="${deal.id}"]`)).toBeVisible();
  });

  test('keyboard drag of a board card into the won column', async ({ context, extensionUrl }) => {
    const box = await hubspotSandbox(context);
    const deal = box.portal.addDeal({ name: 'Keyboard drag' });
    await connect(context, extensionUrl, box.portal.token);
    const page = await context.newPage();
    await page.goto(box.boardUrl());
    await card(page, deal.id).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    const dialog = gateDialog(page);
    await expect(dialog).toContainText('Keyboard drag');
    expect(deal.properties.dealstage).toBe('contractsent');
    await dialog.getByRole('button', { name: 'Close anyway' }).click();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Signed on the phone; kickoff collects the rest');
    await dialog.getByRole('button', { name: 'Close anyway' }).click();
    await expect(page.getByText('Deal moved to Closed Won')).toBeVisible();
    expect(deal.properties.dealstage).toBe('closedwon');
    expect(box.portal.notes).toHaveLength(1);
    expect(box.portal.notes[0]?.dealIds).toEqual([deal.id]);
    expect(box.portal.notes[0]?.body).toContain('Signed on the phone; kickoff collects the rest');
  });
});
