// The ledger's filters, shared by the ledger page, its Excel export and the printable view (the
// same URL parameters): keyword, park, status, severity, item, round, overdue, and whether
// findings fixed on the spot are included (the ledger proper holds ledgered items only).
import type { FilterValues } from '../../../lib/url-filters';

export const LEDGER_SPEC = {
  q: 'string',
  parkId: 'string',
  status: 'string',
  severity: 'string',
  itemKey: 'string',
  roundId: 'string',
  overdue: 'boolean',
  all: 'boolean',
} as const;
export type LedgerFilters = FilterValues<typeof LEDGER_SPEC>;

/** The API's filters: `all` (fixed on the spot too) becomes `ledger=false`, else only ledger items. */
export function ledgerQuery(f: LedgerFilters): Record<string, string | boolean> {
  const q: Record<string, string | boolean> = {};
  for (const k of ['q', 'parkId', 'status', 'severity', 'itemKey', 'roundId'] as const) {
    const v = f[k];
    if (v) q[k] = v;
  }
  if (f.overdue) q.overdue = true;
  if (!f.all) q.ledger = true;
  return q;
}
