import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe-core's serious and critical violations on the page (or inside `include`), as short lines
 * that say what and where, so a failing assertion reads as a to-do list. Minor and moderate
 * findings are not release blockers and are left to review.
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include !== undefined) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
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
