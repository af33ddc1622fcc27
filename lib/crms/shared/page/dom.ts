/**
 * DOM helpers shared by the host adapters. Content-script code only (they touch the page).
 */
import type { CrmEntry } from '../entry';
import type { SelectorList } from './selectorList';

/** The first element matching any selector of the list, in list order (not document order). */
export function queryFirst(root: ParentNode, list: SelectorList): Element | null {
  for (const selector of list) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** Every element matching the first selector of the list that matches anything. */
export function queryAllFirst(root: ParentNode, list: SelectorList): Element[] {
  for (const selector of list) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return [...found];
  }
  return [];
}

/**
 * Like queryFirst, but also looks inside open shadow roots (some Lightning components render into
 * a real shadow root, e.g. the owner lookup). The walk is bounded: it visits at most `budget`
 * elements, so a huge page costs a bounded amount of time.
 */
export function queryDeep(root: ParentNode, list: SelectorList, budget = 20_000): Element | null {
  const direct = queryFirst(root, list);
  if (direct) return direct;
  const stack: ParentNode[] = [root];
  let seen = 0;
  while (stack.length > 0 && seen < budget) {
    const node = stack.pop() as ParentNode;
    const all = node.querySelectorAll('*');
    for (const el of all) {
      seen++;
      const shadow = (el as HTMLElement).shadowRoot;
      if (shadow) {
        const inside = queryFirst(shadow, list);
        if (inside) return inside;
        stack.push(shadow);
      }
    }
  }
  return null;
}

/** The nearest element on the event's composed path (through shadow roots) matching the list. */
export function onPath(event: Event, list: SelectorList): Element | null {
  for (const target of event.composedPath()) {
    if (!(target instanceof Element)) continue;
    for (const selector of list) if (target.matches(selector)) return target;
  }
  return null;
}

/** The nearest ancestor (crossing shadow roots) matching the list, or null. */
export function closestAcross(el: Element, list: SelectorList): Element | null {
  let node: Element | null = el;
  while (node) {
    for (const selector of list) {
      const hit = node.closest(selector);
      if (hit) return hit;
    }
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * The text an element shows, line breaks kept (innerText), including what it renders inside an
 * open shadow root (innerText of a shadow host leaves that out).
 */
export function shownText(el: Element | null): string {
  if (!el) return '';
  const light = el instanceof HTMLElement ? el.innerText : (el.textContent ?? '');
  if (light.trim() !== '' || !el.shadowRoot) return light;
  return [...el.shadowRoot.children].map((child) => shownText(child)).join('');
}

/** Visible text of an element, trimmed, with runs of white space as one space. */
export function textOf(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const reported = new Set<string>();

/** Says, once per page load and thing, that an expected element is not there, naming the CRM whose page it is. */
export function missing(crm: Pick<CrmEntry, 'label'>, what: string, list: SelectorList): void {
  if (reported.has(what)) return;
  reported.add(what);
  console.warn(`[baton] Could not find ${what} on this page; tried: ${list.join(' | ')}. ${crm.label} may have changed its markup.`);
}
