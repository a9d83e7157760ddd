// /services/calendar — the zone's working-day calendar: twelve month grids (Monday first,
// weekends grey, holidays red with their name, swapped working days blue 班), the year's working
// days, editing of single days and loading the 2020 national calendar for calendar.manage
// holders, and a due-date calculator (acceptance date + N working days).
import { useMemo, useState, type CSSProperties } from 'react';
import { CalendarOutlined, CloudDownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Spin, Statistic, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CalendarDayKind } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { PageHeader } from '../../../components/ListPage';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { useLang } from '../../../i18n';
import { formatDate, formatNumber } from '../../../lib/format';
import { useCalendarYear, useClearCalendarDay, useDueDate, useLoadNational, useSetCalendarDay, type CalendarDay } from '../api';
import { dayKind, monthGrid, weekdayIndex, type DayKind } from '../calendar';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DEMO_YEAR = 2020;

const COLORS: Record<DayKind, { bg: string; fg: string }> = {
  normal: { bg: '#fff', fg: 'rgba(0,0,0,0.88)' },
  weekend: { bg: '#f5f5f5', fg: 'rgba(0,0,0,0.38)' },
  holiday: { bg: '#fff1f0', fg: '#cf1322' },
  workday: { bg: '#e6f4ff', fg: '#0958d9' },
};

function zoneToday(): string {
  return formatDate(Date.now());
}

export default function CalendarPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { modal, message } = App.useApp();
  const showError = useApiError();
  const [params, setParams] = useSearchParams();
  const today = zoneToday();
  const thisYear = Number(today.slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const setYear = (y: number) => setParams(y === thisYear ? {} : { year: String(y) }, { replace: true });
  const query = useCalendarYear(year);
  const load = useLoadNational();
  const manage = can('calendar.manage');
  const [editing, setEditing] = useState<string | null>(null);

  const exceptions = useMemo(() => new Map((query.data?.days ?? []).map((d) => [d.date, d])), [query.data]);
  const holidays = query.data?.days.filter((d) => d.kind === 'holiday').length ?? 0;
  const workdays = query.data?.days.filter((d) => d.kind === 'workday').length ?? 0;

  const years = useMemo(() => {
    const set = new Set<number>([year]);
    for (let y = DEMO_YEAR; y <= thisYear + 1; y++) set.add(y);
    return [...set].sort((a, b) => b - a);
  }, [year, thisYear]);

  const confirmLoad = () =>
    modal.confirm({
      title: t('calendar.loadConfirmTitle'),
      content: t('calendar.loadConfirmDesc'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'calendar-load-confirm' } as never,
      onOk: async () => {
        try {
          await load.mutateAsync('2020');
          void message.success(t('calendar.loaded'));
          setYear(DEMO_YEAR);
        } catch (e) {
          showError(e);
        }
      },
    });
  const loadButton = manage ? (
    <Button icon={<CloudDownloadOutlined />} onClick={confirmLoad} loading={load.isPending} data-testid="calendar-load-national">
      {t('calendar.loadNational')}
    </Button>
  ) : null;

  return (
    <div>
      <PageHeader
        title={t('calendar.title')}
        extra={
          <>
            <Select
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: y === DEMO_YEAR ? `${t('calendar.yearOption', { year: y })} · ${t('calendar.demoTag')}` : t('calendar.yearOption', { year: y }) }))}
              style={{ minWidth: 150 }}
              aria-label={t('calendar.year')}
              data-testid="calendar-year"
            />
            {year !== DEMO_YEAR ? (
              <Button icon={<CalendarOutlined />} onClick={() => setYear(DEMO_YEAR)} data-testid="calendar-demo-year">
                {t('calendar.demoYear')}
              </Button>
            ) : null}
            {loadButton}
          </>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={12}>
          <Card style={{ height: '100%' }} styles={{ body: { padding: 16 } }} data-testid="calendar-summary">
            <Flex gap={32} wrap>
              <Statistic
                title={t('calendar.workingDays')}
                value={query.data ? formatNumber(query.data.workingDays) : '-'}
                suffix={t('calendar.daysUnit')}
                loading={query.isPending}
                styles={{ content: { color: '#1d4ed8' } }}
                data-testid="calendar-working-days"
              />
              <Statistic title={t('calendar.holiday')} value={query.data ? holidays : '-'} suffix={t('calendar.daysUnit')} loading={query.isPending} styles={{ content: { color: '#cf1322' } }} />
              <Statistic title={t('calendar.workday')} value={query.data ? workdays : '-'} suffix={t('calendar.daysUnit')} loading={query.isPending} styles={{ content: { color: '#0958d9' } }} />
            </Flex>
            <div style={{ marginTop: 12 }}>
              <Legend />
              {manage ? (
                <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 12 }}>
                  {t('calendar.manageHint')}
                </Typography.Text>
              ) : null}
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <DueCalculator />
        </Col>
      </Row>

      {query.isPending ? (
        <Card>
          <PageSkeleton rows={10} />
        </Card>
      ) : query.isError ? (
        <Card>
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        </Card>
      ) : (
        <>
          {query.data.days.length === 0 ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="page-empty"
              title={t('calendar.noExceptions', { year })}
              description={manage ? t('calendar.noExceptionsManage') : t('calendar.noExceptionsDesc')}
              action={manage && year === DEMO_YEAR ? loadButton : year !== DEMO_YEAR ? <Button onClick={() => setYear(DEMO_YEAR)}>{t('calendar.demoYear')}</Button> : undefined}
            />
          ) : null}
          <Row gutter={[16, 16]} data-testid="calendar-grid">
            {Array.from({ length: 12 }, (_, i) => (
              <Col key={i} xs={24} sm={12} lg={8} xxl={6}>
                <Month year={year} month={i + 1} exceptions={exceptions} today={today} onPick={manage ? setEditing : undefined} />
              </Col>
            ))}
          </Row>
        </>
      )}
      {editing ? <DayDialog date={editing} current={exceptions.get(editing)} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

function Swatch({ kind, label }: { kind: DayKind; label: string }) {
  return (
    <Space size={4}>
      <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: COLORS[kind].bg, border: `1px solid ${kind === 'normal' ? '#d9d9d9' : COLORS[kind].fg}` }} />
      <span style={{ fontSize: 12 }}>{label}</span>
    </Space>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Space size={12} wrap data-testid="calendar-legend">
      <Swatch kind="weekend" label={t('calendar.weekend')} />
      <Swatch kind="holiday" label={t('calendar.holiday')} />
      <Swatch kind="workday" label={t('calendar.workdayLegend', { mark: t('calendar.workdayMark') })} />
    </Space>
  );
}

/** 春节（延长） → 春节 in a day cell; the tooltip has the whole name. */
function shortName(name: string): string {
  return name.split(/[（(]/)[0]!.trim() || name;
}

function monthName(month: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2020, month - 1, 1));
}

function Month({
  year,
  month,
  exceptions,
  today,
  onPick,
}: {
  year: number;
  month: number;
  exceptions: Map<string, CalendarDay>;
  today: string;
  onPick?: ((date: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const weeks = monthGrid(year, month);
  const cell: CSSProperties = { height: 40, borderRadius: 4, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'flex-start', paddingTop: 3, position: 'relative', overflow: 'hidden' };
  return (
    <Card size="small" title={monthName(month, lang)} styles={{ body: { padding: 8 } }} data-testid={`calendar-month-${month}`}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 2 }}>
        {WEEKDAYS.map((w, i) => (
          <div key={w} style={{ textAlign: 'center', fontSize: 12, color: i >= 5 ? 'rgba(0,0,0,0.38)' : 'rgba(0,0,0,0.55)', paddingBottom: 2 }}>
            {t(`calendar.weekdays.${w}`)}
          </div>
        ))}
        {weeks.flat().map((date, i) => {
          if (!date) return <div key={`e${i}`} />;
          const ex = exceptions.get(date);
          const kind = dayKind(date, ex?.kind);
          const { bg, fg } = COLORS[kind];
          const isToday = date === today;
          const body = (
            <div
              key={date}
              role={onPick ? 'button' : undefined}
              tabIndex={onPick ? 0 : undefined}
              aria-label={ex ? `${date} ${ex.name}` : date}
              data-testid={`calendar-day-${date}`}
              data-kind={kind}
              onClick={onPick ? () => onPick(date) : undefined}
              onKeyDown={
                onPick
                  ? (e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onPick(date);
                      }
                    }
                  : undefined
              }
              style={{ ...cell, background: bg, color: fg, cursor: onPick ? 'pointer' : 'default', outline: isToday ? '2px solid #1d4ed8' : undefined, outlineOffset: -2 }}
            >
              <span style={{ fontSize: 13, lineHeight: '16px', fontWeight: kind === 'holiday' || kind === 'workday' ? 600 : 400 }}>{Number(date.slice(8))}</span>
              {kind === 'holiday' ? (
                <span style={{ fontSize: 10, lineHeight: '14px', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', padding: '0 1px' }}>{shortName(ex?.name ?? '')}</span>
              ) : null}
              {kind === 'workday' ? (
                <span style={{ fontSize: 10, lineHeight: '14px', padding: '0 3px', borderRadius: 3, background: '#1677ff', color: '#fff' }}>{t('calendar.workdayMark')}</span>
              ) : null}
            </div>
          );
          return ex ? (
            <Tooltip key={date} title={t('calendar.dayTip', { date, name: ex.name, kind: t(`calendar.${ex.kind}`) })}>
              {body}
            </Tooltip>
          ) : (
            body
          );
        })}
      </div>
    </Card>
  );
}

type DayValues = { kind: CalendarDayKind | 'normal'; name?: string };

function DayDialog({ date, current, onClose }: { date: string; current: CalendarDay | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<DayValues>();
  const setDay = useSetCalendarDay();
  const clearDay = useClearCalendarDay();
  const kind = Form.useWatch('kind', form);
  const weekday = t(`calendar.weekdayNames.${WEEKDAYS[weekdayIndex(date)]!}`);
  const isWeekend = weekdayIndex(date) >= 5;
  const busy = setDay.isPending || clearDay.isPending;

  const save = async () => {
    let v: DayValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      if (v.kind === 'normal') {
        if (current) await clearDay.mutateAsync(date);
        void message.success(t('calendar.dayCleared', { date }));
      } else {
        await setDay.mutateAsync({ date, kind: v.kind, name: (v.name ?? '').trim() });
        void message.success(t('calendar.daySaved', { date }));
      }
      onClose();
    } catch (e) {
      showError(e, form);
    }
  };

  return (
    <Modal
      open
      title={t('calendar.editDay', { date, weekday })}
      onCancel={onClose}
      width={440}
      destroyOnHidden
      data-testid="calendar-day-dialog"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="calendar-day-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<DayValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: current?.kind ?? (isWeekend ? 'workday' : 'holiday'), name: current?.name ?? '' }}
        onFinish={() => void save()}
      >
        <Typography.Paragraph type="secondary">
          {current ? t('calendar.currentException', { kind: t(`calendar.${current.kind}`), name: current.name }) : isWeekend ? t('calendar.currentWeekend') : t('calendar.currentNormal')}
        </Typography.Paragraph>
        <Form.Item name="kind" label={t('calendar.kind')}>
          <Radio.Group buttonStyle="solid" data-testid="calendar-day-kind">
            <Radio.Button value="holiday">
              <span data-testid="calendar-kind-holiday">{t('calendar.holiday')}</span>
            </Radio.Button>
            <Radio.Button value="workday">
              <span data-testid="calendar-kind-workday">{t('calendar.workday')}</span>
            </Radio.Button>
            {current ? (
              <Radio.Button value="normal">
                <span data-testid="calendar-kind-normal">{t('calendar.normal')}</span>
              </Radio.Button>
            ) : null}
          </Radio.Group>
        </Form.Item>
        {kind !== 'normal' ? (
          <Form.Item name="name" label={t('calendar.dayName')} rules={[{ required: true, whitespace: true, message: t('calendar.dayNameRequired') }]}>
            <Input maxLength={40} placeholder={t('calendar.dayNamePlaceholder')} data-testid="calendar-day-name" autoFocus />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function DueCalculator() {
  const { t } = useTranslation();
  const [from, setFrom] = useState<Dayjs | null>(() => dayjs(zoneToday()));
  const [days, setDays] = useState<number | null>(20);
  const fromText = from ? from.format('YYYY-MM-DD') : null;
  const due = useDueDate(fromText, days);
  const weekdayOf = (date: string) => t(`calendar.weekdayNames.${WEEKDAYS[weekdayIndex(date)]!}`);
  let result;
  if (!fromText || days === null) result = <Typography.Text type="secondary">{t('calendar.due.pick')}</Typography.Text>;
  else if (due.isPending) result = <Spin size="small" />;
  else if (due.isError)
    result = (
      <Typography.Text type="danger">
        {(due.error as Error).message}{' '}
        <Button size="small" type="link" onClick={() => void due.refetch()}>
          {t('common.retry')}
        </Button>
      </Typography.Text>
    );
  else
    result = (
      <Typography.Text strong style={{ fontSize: 18, color: '#1d4ed8' }}>
        {t('calendar.due.resultValue', { date: due.data.due, weekday: weekdayOf(due.data.due) })}
      </Typography.Text>
    );

  return (
    <Card title={t('calendar.due.title')} size="small" style={{ height: '100%' }} data-testid="due-calculator">
      <Flex gap={12} wrap align="flex-end">
        <div>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>
            {t('calendar.due.from')}
          </Typography.Text>
          <DatePicker value={from} onChange={(d) => setFrom(d)} allowClear={false} style={{ width: 150 }} data-testid="due-from" />
        </div>
        <div>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>
            {t('calendar.due.days')}
          </Typography.Text>
          <InputNumber<number>
            value={days}
            onChange={(v) => setDays(v)}
            min={0}
            max={1000}
            precision={0}
            style={{ width: 170 }}
            suffix={t('services.daysUnit')}
            data-testid="due-days"
          />
        </div>
        <div style={{ minWidth: 180 }}>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>
            {t('calendar.due.result')}
          </Typography.Text>
          <div data-testid="due-result" style={{ minHeight: 32, display: 'flex', alignItems: 'center' }}>
            {result}
          </div>
        </div>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
        {t('calendar.due.note')}
      </Typography.Paragraph>
    </Card>
  );
}
