/**
 * A value kept in `localStorage`, which outlives the page and is shared by its tabs.
 * Storage that is disabled or full reads as empty and ignores writes.
 */
export const stored = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      // Nothing kept: what depends on it degrades (see the callers).
    }
  },
};
