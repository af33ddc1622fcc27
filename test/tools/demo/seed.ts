/**
 * The demo's sandbox CRMs: a fake Salesforce org and a fake HubSpot portal, each with named deals
 * for the story (an empty handoff to close, a good one, a junk one, one closed with an override,
 * one acknowledged by CS) and a team's quarter of generated deals for the manager console.
 */
import { ACTIVITY_SUBJECTS } from '@/lib/domain/activity';
import { FakeSalesforceOrg } from '@/test/fixtures/salesforce/org';
import { FakeHubSpotPortal } from '@/test/fixtures/hubspot/portal';
import { JUNK, seedOrg, seedPortal } from '@/test/fixtures/team';
import { GOOD_HANDOFF, RICH_HANDOFF } from '@/test/fixtures/handoffs';

export function seedSalesforce(today: string) {
  const org = new FakeSalesforceOrg();
  const deals = {
    empty: org.addOpportunity({ name: 'Northwind Health — platform rollout', accountName: 'Northwind Health', amount: 84_000, closeDate: today }),
    good: org.addOpportunity({ name: 'Globex Retail — EMEA support', accountName: 'Globex Retail', amount: 120_000, handoff: RICH_HANDOFF }),
    junk: org.addOpportunity({
      name: 'Initech Insurance — claims',
      accountName: 'Initech Insurance',
      amount: 56_000,
      handoff: { ...JUNK, whyBought: 'asdf', promises: 'we can definitely work with you on that' },
    }),
    overridden: org.addOpportunity({ name: 'Umbrella Labs — pilot', accountName: 'Umbrella Labs', amount: 32_000, stage: 'Closed Won', closeDate: today, handoff: JUNK }),
    acknowledged: org.addOpportunity({ name: 'Hooli — search migration', accountName: 'Hooli', amount: 210_000, stage: 'Closed Won', closeDate: today, handoff: GOOD_HANDOFF }),
  };
  org.addTask(deals.overridden.id, `${ACTIVITY_SUBJECTS.override} (closed won anyway)`, 'Closed as “Closed Won” although Baton blocked it.\n\nReason given: Customer signed early; CS kickoff will collect the rest');
  org.addTask(deals.acknowledged.id, `${ACTIVITY_SUBJECTS.acknowledgement} (4/5)`, 'Rating: 4/5\nContext (why they bought, use case): 4/5');
  seedOrg(org, { count: 120, today });
  return { org, deals };
}

export function seedHubSpot(today: string) {
  const portal = new FakeHubSpotPortal();
  const deals = {
    empty: portal.addDeal({ name: 'Wayne Logistics — fleet tracking', amount: '46000', closedate: `${today}T00:00:00.000Z` }),
    good: portal.addDeal({ name: 'Stark Energy — field service', amount: '98000', handoff: RICH_HANDOFF }),
    junk: portal.addDeal({ name: 'Cyberdyne — onboarding', amount: '27000', handoff: JUNK }),
    overridden: portal.addDeal({ name: 'Tyrell — renewal', amount: '64000', stage: 'closedwon', closedate: `${today}T00:00:00.000Z`, handoff: JUNK }),
    acknowledged: portal.addDeal({ name: 'Soylent — expansion', amount: '150000', stage: 'closedwon', closedate: `${today}T00:00:00.000Z`, handoff: GOOD_HANDOFF }),
  };
  portal.addNote(deals.overridden.id, `${ACTIVITY_SUBJECTS.override} (closed won anyway)`, 'Reason given: Procurement deadline; handoff to follow');
  portal.addNote(deals.acknowledged.id, `${ACTIVITY_SUBJECTS.acknowledgement} (5/5)`, 'Rating: 5/5');
  seedPortal(portal, { count: 80, today });
  return { portal, deals };
}
