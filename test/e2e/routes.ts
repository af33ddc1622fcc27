/** Playwright routes to the sandbox CRMs: a route's request in the fakes' shape, and their answers back. */
import type { BrowserContext, Route } from '@playwright/test';
import type { FakeRequest, FakeResponse } from '@/test/fixtures/http';

export function requestOf(route: Route): FakeRequest {
  const r = route.request();
  return { method: r.method(), url: r.url(), headers: r.headers(), body: r.postData() };
}

export async function answer(route: Route, response: FakeResponse): Promise<void> {
  await route.fulfill({ status: response.status, headers: response.headers, body: response.body });
}

/** A page, or the CRM's 404 when there is no such record. */
export const html = (body: string | null, missing = 'No such record.') => ({
  status: body === null ? 404 : 200,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: body ?? `<!doctype html><title>Not found</title><p>${missing}`,
});

/**
 * Holds the requests `matches` picks until `release()`, then passes them on to the routes set up
 * before (the sandbox's): a CRM exactly as slow as a test needs, however fast or busy the machine.
 * Requests after the release go straight through. `held` lists the URLs held so far.
 */
export async function holdRequests(context: BrowserContext, matches: (url: URL) => boolean): Promise<{ held: string[]; release(): void }> {
  const held: string[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route(matches, async (route) => {
    held.push(route.request().url());
    await released;
    await route.fallback();
  });
  return { held, release };
}

/**
 * Serves `url` as `page()` with one more script at the end of its body, held until release():
 * the page is drawn and takes input while its load never completes (as a CRM page whose last
 * bundles are still on their way), so document_idle and the tab's "complete" wait too.
 */
export async function withLateScript(context: BrowserContext, url: string, page: () => string): Promise<{ release(): void }> {
  const late = `${new URL(url).origin}/_fixture/late.js`;
  await context.route(late, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/javascript' }, body: '/* the last bundle */' }));
  const held = await holdRequests(context, (u) => u.href === late);
  await context.route(url, (route) => route.fulfill(html(page().replace('</body>', `<script src="${late}"></script>\n</body>`))));
  return held;
}
