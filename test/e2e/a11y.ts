import AxeBuilder from '@axe-core/playwright';
import { test, type Page } from '@playwright/test';

/**
 * axe-core's serious and critical violations on the page (or inside `include`), as short lines
 * that say what and where, so a failing assertion reads as a to-do list. Minor and moderate
 * findings are not release blockers and are left to review. The page is scanned in the light
 * colour scheme (Playwright's default), then its contrast again in the dark one, the only thing
 * the dark values of components/ui/tokens.css change; it is left in the light scheme.
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  // Two scans take 4–10 s on a loaded two-core machine: the test gets that time on top of its own.
  test.info().setTimeout(test.info().timeout + 10_000);
  const scan = async (builder: AxeBuilder) => {
    const { violations } = await (include === undefined ? builder : builder.include(include)).analyze();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  const light = await scan(new AxeBuilder({ page }));
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await scan(new AxeBuilder({ page }).withRules(['color-contrast'])).finally(() => page.emulateMedia({ colorScheme: 'light' }));
  return [...light, ...dark.map((line) => `dark: ${line}`)];
}

/** Presses Tab until the focused element has this accessible name; fails after `limit` presses. */
export async function tabTo(page: Page, name: RegExp | string, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el) return '';
      // Enough of the accessible name for Baton's controls: aria-label, a <label>, or the text.
      const labelled = (el as HTMLInputElement).labels?.[0]?.innerText;
      return (el.getAttribute('aria-label') ?? labelled ?? (el as HTMLElement).innerText ?? '').trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached an element named ${String(name)} in ${limit} presses`);
}
