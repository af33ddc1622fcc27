import { expect, test } from './fixtures';

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

const SALESFORCE_USE_CASE = 'Use case (required) — Salesforce';

test.describe('options page', () => {
  test('saves a setting that survives a reload', async ({ context, extensionUrl }) => {
    const page = await context.newPage();
    await page.goto(extensionUrl('options.html'));
    const mode = page.getByRole('combobox', { name: 'Enforcement mode' });
    await expect(mode).toHaveValue('enforce');
    await mode.selectOption({ label: 'Warn: show the handoff check, never block' });
    await page.getByRole('textbox', { name: 'Known gaps — HubSpot' }).fill('acme_known_gaps');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Enforcement mode' })).toHaveValue('warn');
    await expect(page.getByRole('textbox', { name: 'Known gaps — HubSpot' })).toHaveValue('acme_known_gaps');
  });

  test('shows a validation error inline and saves nothing while a value is bad', async ({ context, extensionUrl }) => {
    const page = await context.newPage();
    await page.goto(extensionUrl('options.html'));
    const field = page.getByRole('textbox', { name: SALESFORCE_USE_CASE });
    await field.fill('Use Case!');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/field API name/);

    await page.getByRole('combobox', { name: 'Enforcement mode' }).selectOption('off');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Nothing was saved');
    await expect(alert).toContainText('Use case — Salesforce: Use the field API name');

    await page.reload();
    await expect(page.getByRole('textbox', { name: SALESFORCE_USE_CASE })).toHaveValue('Handoff_Use_Case__c');
    await expect(page.getByRole('combobox', { name: 'Enforcement mode' })).toHaveValue('enforce');
  });

  test('rejects an invalid import whole', async ({ context, extensionUrl }) => {
    const page = await context.newPage();
    await page.goto(extensionUrl('options.html'));
    await page.getByLabel('Import settings file').setInputFiles({
      name: 'baton-settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ version: 1, enforcement: 'off', role: 'wizard' })),
    });
    await expect(page.getByRole('alert')).toContainText('Nothing was imported');
    await expect(page.getByRole('combobox', { name: 'Enforcement mode' })).toHaveValue('enforce');
  });

  test('tells the user when stored settings are broken and keeps the last valid ones', async ({
    context,
    extensionUrl,
    serviceWorker,
  }) => {
    const page = await context.newPage();
    await page.goto(extensionUrl('options.html'));
    await page.getByRole('combobox', { name: 'Enforcement mode' }).selectOption('warn');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();

    await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { version: 1, enforcement: 'sometimes' } }));
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('last valid settings stay in force');
    await expect(page.getByRole('combobox', { name: 'Enforcement mode' })).toHaveValue('warn');
  });
});
