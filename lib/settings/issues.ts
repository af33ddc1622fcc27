import type { z } from '@/lib/zod';

/** One validation problem, located by a dotted path ("fieldMappings.salesforce.useCase"). */
export interface SettingsIssue {
  path: string;
  message: string;
}

export function toSettingsIssues(error: z.ZodError): SettingsIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function describeIssues(issues: SettingsIssue[]): string[] {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
}
