import { expect, test } from './fixtures';
import { seriousViolations, tabTo } from './a11y';

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

  test('names who may acknowledge: a bad entry is refused with its line, good ones are saved; the trigger that keeps Baton’s Tasks is offered', async ({ context, extensionUrl }) => {
    const page = await context.newPage();
    await page.goto(extensionUrl('options.html'));
    const cs = page.getByRole('textbox', { name: 'CS users' });
    await cs.fill('casey@acme.example\nCasey Success');
    await expect(cs).toHaveAttribute('aria-invalid', 'true');
    await expect(cs).toHaveAccessibleDescription(/Line 2: Name a person by email address/);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert')).toContainText('CS users, line 2: Name a person by email address');

    await cs.fill('casey@acme.example\n005Hs000003CsmAIAQ\n');
    await page.getByRole('textbox', { name: 'Reviewer roles, profiles or teams' }).fill('Sales Manager');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'CS users' })).toHaveValue('casey@acme.example\n005Hs000003CsmAIAQ');
    await expect(page.getByRole('textbox', { name: 'Reviewer roles, profiles or teams' })).toHaveValue('Sales Manager');
    await expect(page.getByRole('textbox', { name: 'BatonAuditTrail.trigger', exact: true })).toHaveValue(/trigger BatonAuditTrail on Task \(before update, before delete\)/);
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

  test('generates the server-side rules from the saved settings and copies them, by keyboard alone', async ({ context, extensionUrl }) => {
    // Tab by Tab through the page, then an axe scan of all of it: up to 23 s beside two CPU hogs.
    test.slow();
    const page = await context.newPage();
    // The clipboard cannot be read back from an extension page (no permission can be granted to
    // its origin), so the page's clipboard records what it is given, and refuses the second copy.
    await page.addInitScript(() => {
      const copied: string[] = [];
      Object.assign(window, { copied });
      navigator.clipboard.writeText = async (text: string) => {
        copied.push(text);
        if (copied.length > 1) throw new DOMException('Document is not focused.', 'NotAllowedError');
      };
    });
    await page.goto(extensionUrl('options.html'));
    const formula = page.getByRole('textbox', { name: 'Formula' });
    await expect(formula).toHaveValue(/ISBLANK\(Handoff_Use_Case__c\)/);
    await expect(page.getByRole('textbox', { name: 'Metadata XML' })).toHaveValue(/<fullName>Baton_Handoff_Non_Negotiables<\/fullName>/);
    await expect(page.getByRole('textbox', { name: 'Use case pattern' })).toHaveValue(/^\^\(\?!/);
    await expect(page.getByText('PUT /crm/v3/property-validations/0-3/handoff_risk_flags/rule-type/REGEX')).toBeVisible();

    // A new mapping shows up once saved, not before.
    await page.getByRole('textbox', { name: SALESFORCE_USE_CASE }).fill('Acme_Use_Case__c');
    await expect(page.getByText('You have unsaved changes. Save them to include them in the rules below.')).toBeVisible();
    await expect(formula).not.toHaveValue(/Acme_Use_Case__c/);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(formula).toHaveValue(/ISBLANK\(Acme_Use_Case__c\)/);

    const permission = page.getByRole('textbox', { name: 'Custom permission that may still close anyway (optional)' });
    await permission.fill('Close anyway!');
    await expect(permission).toHaveAccessibleDescription(/letters, digits and single underscores/);
    await expect(formula).not.toHaveValue(/\$Permission/);
    await permission.fill('Baton_Close_Anyway');
    await expect(formula).toHaveValue(/NOT\(\$Permission\.Baton_Close_Anyway\)/);

    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await tabTo(page, 'Copy formula');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Formula copied.' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([await formula.inputValue()]);
    // When the clipboard refuses, the text is selected for Ctrl+C and the user is told.
    await tabTo(page, 'Copy metadata xml');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Could not copy automatically' })).toBeVisible();
    const xml = page.getByRole('textbox', { name: 'Metadata XML' });
    expect(await xml.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(await xml.inputValue());

    expect(await seriousViolations(page)).toEqual([]);
  });
});
