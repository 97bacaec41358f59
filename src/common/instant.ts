import type { ValueTransformer } from 'typeorm';

/**
 * Instants are stored as fixed-width UTC ISO strings (`2025-09-03T08:15:30.123Z`): identical on sqlite and
 * postgres, millisecond precision, no time-zone conversion by any driver, and they sort as text.
 */
export const instant: ValueTransformer = {
  to: (value: Date | undefined | null) => (value instanceof Date ? value.toISOString() : value),
  from: (value: string | null) => (value == null ? value : new Date(value)),
};
