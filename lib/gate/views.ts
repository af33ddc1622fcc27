/** What a host adapter needs from the overlay's views (components/overlay/mount.tsx). */
export interface OverlayViews {
  /** Shows the badge just before `anchor`; moves it if the anchor changed. */
  showBadge(anchor: Element): void;
  hideBadge(): void;
  /** Shows the closed-won guidance inside `anchor` (Salesforce: the Path's guidance area). */
  showGuidance(anchor: Element): void;
  hideGuidance(): void;
  /** Whether the badge is in the page and on `anchor`. */
  badgeOn(anchor: Element): boolean;
}
