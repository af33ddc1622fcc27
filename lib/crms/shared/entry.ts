/**
 * What the registry (lib/crms/index.ts) holds for each CRM. Each CRM's folder exports its own entry
 * (lib/crms/<crm>/entry.ts); pure strings and URL parsers only, so every bundle and the WXT config
 * can load them.
 */
import type { Crm, DealRef } from '../../domain/deal';

export interface CrmEntry {
  id: Crm;
  /** The CRM's name as people write it. */
  label: string;
  /** What Baton's records on a deal are called there ("a Task"). */
  activityNoun: string;
  /** The heading of the CRM's column in the options page's field mapping. */
  mappingTitle: string;
  /** Match patterns of the app pages the gate script may be injected into. */
  pageMatches: readonly string[];
  /**
   * Match patterns of the deal pages (records, collections) whose gate script is registered to
   * run at document_start (lib/background/gateScripts.ts), so it holds moves from the first
   * input. Narrower than pageMatches: every page they match must be a deal page as far as a
   * pattern can tell (a pattern sees no query or fragment; test/unit/crms/gatePageMatches.test.ts).
   * Deal pages they cannot name get the gate from the injector on arrival.
   */
  gatePageMatches: readonly string[];
  /** Match patterns of the REST API hosts the background calls (and reads session cookies of). */
  apiMatches: readonly string[];
  /** The app pages' base domains: a content script's frame must be on one of them or a subdomain. */
  pageDomains: readonly string[];
  /** The built gate script (entrypoints/<crm>-gate.content). */
  gateScript: `/content-scripts/${string}-gate.js`;
  /** The deal a record page shows, or null. */
  dealFromUrl(url: string): DealRef | null;
  /** The org / portal of a page that lists deals and can move them (list, Kanban, board), or null. */
  collectionFromUrl(url: string): string | null;
  /** The org / portal of any of the CRM's app pages, or null. */
  instanceFromUrl(url: string): string | null;
  /** What to say when Baton holds no session or connection for this CRM. */
  notConnected: string;
  /** What gives Baton access again, as in "waiting for Salesforce sign-in". */
  accessNeeded: string;
  /** When a write waiting for that access goes out, as in "it is written once you sign in to Salesforce again". */
  regainAccess: string;
}
