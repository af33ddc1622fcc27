/**
 * The CRMs Baton knows; each has its home in lib/crms/<id>/ and its entry in lib/crms/index.ts.
 * A file of its own without imports, so the WXT config can load the registry.
 */
export const CRM_IDS = ['salesforce', 'hubspot'] as const;
