/**
 * What a backend keeps of a CRM's slow-changing metadata (Salesforce's describe and stages,
 * HubSpot's property list and pipelines): a promise per key, shared by concurrent callers and
 * kept for `ttlMs` after the load started. A load that fails is not remembered, so the next
 * call tries again. The clock comes in, so tests can move it.
 */
interface Entry<T> {
  at: number;
  value: Promise<T>;
}

export class TtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** The value kept under `key` if it is younger than ttlMs, else what `load` promises (kept). */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const at = this.now();
    const hit = this.entries.get(key);
    if (hit && at - hit.at < this.ttlMs) return hit.value;
    const entry = { at, value: load() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      // Only this load's own entry: a newer one may have replaced it meanwhile.
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
