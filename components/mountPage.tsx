import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders an extension page's app into its #root, and says loudly when the page has none. */
export function mountPage(page: string, file: string, app: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error(`Baton ${page}: #root is missing from ${file}`);
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
