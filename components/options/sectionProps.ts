import type { Settings } from '@/lib/settings/schema';
import type { Path } from './draft';

export interface SectionProps {
  draft: Settings;
  errors: Map<string, string>;
  /** The notice to show when an administrator locked this path, else undefined. */
  lockedReason(path: Path): string | undefined;
  update(path: Path, value: unknown): void;
}
