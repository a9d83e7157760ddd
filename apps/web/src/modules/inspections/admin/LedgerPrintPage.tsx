// The printable rectification ledger (/inspections/ledger/print, the ledger's filters in the URL):
// a clean table under a title, the zone, the filters and the date printed, with signature lines
// (制表人 / 审核人 / 负责人); on paper only the sheet shows (landscape A4, the header row repeated).
import { useMemo, type ReactNode } from 'react';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ListResult } from '@shuangsheng/contracts';
import { api } from '../../../api/client';
import { useSession } from '../../../app/session';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useAllParks } from '../../org/api';
import { formatDateTime } from '../../../lib/format';
import { parseFilters } from '../../../lib/url-filters';
import { BASE, useItemOptions, useRoundOptions, type Finding } from './api';
import { LEDGER_SPEC, ledgerQuery, type LedgerFilters } from './ledger';

const PAGE = 200;
const MAX_ROWS = 2000;

/** Every row the filters match (pages of 200, at most 2,000 rows). */
async function allRows(query: Record<string, string | boolean>, signal: AbortSignal): Promise<{ rows: Finding[]; total: number }> {
  const rows: Finding[] = [];
  let total = 0;
  for (let page = 1; rows.length < MAX_ROWS; page++) {
    const r = await api.get<ListResult<Finding>>(`${BASE}/findings`, { ...query, page, pageSize: PAGE }, { signal });
    total = r.total;
    rows.push(...r.items);
    if (r.items.length < PAGE || rows.length >= r.total) break;
  }
  return { rows, total };
}

const PRINT_CSS = `
.ledger-print { background: #fff; color: #000; padding: 24px; }
.ledger-print h1 { font-size: 20px; text-align: center; margin: 0 0 4px; letter-spacing: 2px; }
.ledger-print .meta { text-align: center; font-size: 12px; color: #444; margin-bottom: 12px; }
.ledger-print table { width: 100%; border-collapse: collapse; font-size: 11px; table-layout: fixed; }
.ledger-print th, .ledger-print td { border: 1px solid #333; padding: 4px 5px; vertical-align: top; text-align: left; word-break: break-word; }
.ledger-print th { background: #f2f2f2; font-weight: 600; }
.ledger-print td.num { text-align: right; }
.ledger-print td.code { word-break: break-all; }
.ledger-print tr.overdue td.deadline { color: #cf1322; font-weight: 600; }
.ledger-print .signatures { display: flex; justify-content: space-between; gap: 24px; margin-top: 40px; font-size: 13px; }
.ledger-print .signatures span { flex: 1; border-bottom: 1px solid #000; padding-bottom: 2px; min-width: 0; }
.ledger-print .note { font-size: 11px; color: #555; margin-top: 8px; }
@media print {
  @page { size: A4 landscape; margin: 12mm 10mm; }
  body * { visibility: hidden !important; }
  .ledger-print, .ledger-print * { visibility: visible !important; }
  .ledger-print { position: absolute; left: 0; top: 0; width: 100%; padding: 0; }
  .ledger-print table { font-size: 10px; }
  .ledger-print .no-print { display: none !important; }
  .ledger-print thead { display: table-header-group; }
  .ledger-print tr { page-break-inside: avoid; }
  .ant-layout, .ant-layout-content { background: #fff !important; }
}`;

export default function LedgerPrintPage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => parseFilters(new URLSearchParams(search), LEDGER_SPEC) as LedgerFilters, [search]);
  const apiQuery = useMemo(() => ({ ...ledgerQuery(filters), sort: params.get('sort') ?? 'foundOn:asc' }), [filters, params]);
  const query = useQuery({ queryKey: ['inspections', 'ledger-print', apiQuery], queryFn: ({ signal }) => allRows(apiQuery, signal) });
  const parks = useAllParks();
  const items = useItemOptions();
  const rounds = useRoundOptions();
  const printedAt = formatDateTime(Date.now());

  // The standard columns of a rectification ledger; widths in % of an A4 landscape sheet.
  const col = (key: string, title: string, width: number, cell: (f: Finding, i: number) => ReactNode, className?: string) => ({ key, title, width, cell, className });
  const columns = [
    col('seq', t('inspectionsAdmin.print.seq'), 3, (_f, i) => i + 1, 'num'),
    col('number', t('inspectionsAdmin.ledger.number'), 10, (f) => f.number, 'code'),
    col('park', t('inspectionsAdmin.common.park'), 6, (f) => f.parkName),
    col('place', t('inspectionsAdmin.common.place'), 8, (f) => {
      const place = t(`inspectionsAdmin.places.${f.place}`);
      const label = f.enterpriseName ?? f.placeLabel;
      return label && label !== place ? `${place} · ${label}` : place;
    }),
    col('item', t('inspectionsAdmin.common.item'), 8.5, (f) => f.itemTitle),
    col('description', t('inspectionsAdmin.ledger.description'), 11, (f) => f.description),
    col('severity', t('inspectionsAdmin.common.severity'), 4, (f) => t(`inspectionsAdmin.severities.${f.severity}`)),
    col('foundOn', t('inspectionsAdmin.ledger.foundOn'), 6.5, (f) => f.foundOn, 'code'),
    ...(filters.all ? [col('disposition', t('inspectionsAdmin.ledger.disposition'), 5, (f) => t(`inspectionsAdmin.dispositions.${f.disposition}`))] : []),
    col('responsible', t('inspectionsAdmin.ledger.responsibleParty'), 7, (f) => f.responsibleParty ?? ''),
    col('measure', t('inspectionsAdmin.ledger.measure'), 10, (f) => f.measure ?? ''),
    col('deadline', t('inspectionsAdmin.ledger.deadline'), 6.5, (f) => (f.deadline ? `${f.deadline}${f.overdue ? ` ${t('inspectionsAdmin.common.overdue')}` : ''}` : ''), 'code deadline'),
    col('status', t('inspectionsAdmin.common.status'), 4.5, (f) => t(`inspectionsAdmin.findingStatus.${f.status}`)),
    col('followUps', t('inspectionsAdmin.ledger.followUps'), 5, (f) => `${f.followUps}${f.lastFollowUpOn ? ` / ${f.lastFollowUpOn}` : ''}`),
    col('closedOn', t('inspectionsAdmin.print.closedOnDays'), 7, (f) => (f.closedOn ? `${f.closedOn}${f.daysToClose !== null ? ` (${f.daysToClose})` : ''}` : ''), 'code'),
    col('inspector', t('inspectionsAdmin.common.inspector'), 5, (f) => f.inspector?.name ?? ''),
  ];

  const summary: string[] = [];
  if (filters.parkId) summary.push(`${t('inspectionsAdmin.common.park')}${t('common.colon')}${parks.data?.find((p) => p.id === filters.parkId)?.name ?? '…'}`);
  if (filters.status) summary.push(`${t('inspectionsAdmin.common.status')}${t('common.colon')}${t(`inspectionsAdmin.findingStatus.${filters.status as 'open'}`)}`);
  if (filters.severity) summary.push(`${t('inspectionsAdmin.common.severity')}${t('common.colon')}${t(`inspectionsAdmin.severities.${filters.severity as 'low'}`)}`);
  if (filters.itemKey) summary.push(`${t('inspectionsAdmin.common.item')}${t('common.colon')}${items.options.find((o) => o.value === filters.itemKey)?.label ?? filters.itemKey}`);
  if (filters.roundId) summary.push(`${t('inspectionsAdmin.common.round')}${t('common.colon')}${rounds.data?.items.find((r) => r.id === filters.roundId)?.name ?? '…'}`);
  if (filters.overdue) summary.push(t('inspectionsAdmin.ledger.overdueOnly'));
  if (filters.q) summary.push(`${t('inspectionsAdmin.print.keyword')}${t('common.colon')}${filters.q}`);
  summary.push(filters.all ? t('inspectionsAdmin.ledger.includeFixed') : t('inspectionsAdmin.print.ledgerOnly'));

  return (
    <div>
      <style>{PRINT_CSS}</style>
      <div className="ledger-print" data-testid="ledger-print-sheet">
        <Flex className="no-print" justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 16 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/inspections/ledger${search ? `?${search}` : ''}`)} data-testid="ledger-print-back">
            {t('inspectionsAdmin.print.back')}
          </Button>
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('inspectionsAdmin.print.hint')}</Typography.Text>
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!query.data} data-testid="ledger-print-now">
              {t('inspectionsAdmin.print.print')}
            </Button>
          </Flex>
        </Flex>
        <h1>{t('inspectionsAdmin.print.title', { zone: me.zone.name })}</h1>
        <div className="meta">
          {summary.join(' · ')}
          <br />
          {t('inspectionsAdmin.print.printedAt', { time: printedAt, count: query.data?.total ?? 0 })}
        </div>
        {query.isPending ? (
          <PageSkeleton />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            <table data-testid="ledger-print-table">
              <colgroup>
                {columns.map((c) => (
                  <col key={c.key} style={{ width: `${c.width}%` }} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key}>{c.title}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {query.data.rows.length === 0 ? (
                  <tr>
                    <td colSpan={columns.length} style={{ textAlign: 'center', padding: 16 }}>
                      {t('common.noMatch')}
                    </td>
                  </tr>
                ) : (
                  query.data.rows.map((f, i) => (
                    <tr key={f.id} className={f.overdue ? 'overdue' : undefined} data-testid={`ledger-print-row-${f.number}`}>
                      {columns.map((c) => (
                        <td key={c.key} className={c.className}>
                          {c.cell(f, i)}
                        </td>
                      ))}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
            {query.data.total > query.data.rows.length ? <div className="note">{t('inspectionsAdmin.print.truncated', { shown: query.data.rows.length, total: query.data.total })}</div> : null}
            <div className="signatures" data-testid="ledger-print-signatures">
              <span>{t('inspectionsAdmin.print.preparedBy')}</span>
              <span>{t('inspectionsAdmin.print.reviewedBy')}</span>
              <span>{t('inspectionsAdmin.print.approvedBy')}</span>
              <span>{t('inspectionsAdmin.print.signDate')}</span>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
