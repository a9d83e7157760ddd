// /inspections/tasks — the inspector's day on a phone: the tasks of the day chosen (today /
// tomorrow / a date picked; in the URL) first, then the missed ones in red (a banner at the top
// says how many), then what comes next. Inspections of a round and daily follow-up visits
// (每日回访) of ledger items alike; a tap opens the task.
import { useState, type ReactNode } from 'react';
import { CalendarOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, DatePicker, Flex, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Task } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { PageHeader } from '../../../components/ListPage';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/PageStates';
import { zoneDateOf } from '../../../lib/format';
import { useTasks } from './api';
import { TaskCard } from './components/TaskCard';
import { addDays } from './helpers';

const UPCOMING_SHOWN = 10;
const MISSED_SHOWN = 3;

export default function MyTasksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const today = zoneDateOf(Date.now());
  const tomorrow = addDays(today, 1);
  const asked = params.get('date');
  const date = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : today;
  const mode = date === today ? 'today' : date === tomorrow ? 'tomorrow' : 'pick';

  const setDate = (d: string) => {
    const next = new URLSearchParams(params);
    if (d === today) next.delete('date');
    else next.set('date', d);
    setParams(next, { replace: true });
  };

  const day = useTasks({ mine: true, dueDate: date, sort: 'parkName:asc', pageSize: 100 });
  const missed = useTasks({ mine: true, missed: true, sort: 'dueDate:asc', pageSize: 50 });
  const later = useTasks({ mine: true, status: 'pending', sort: 'dueDate:desc', pageSize: 50 });

  const missedItems = missed.data?.items ?? [];
  const [allMissed, setAllMissed] = useState(false);
  const upcoming = (later.data?.items ?? [])
    .filter((x) => x.dueDate > date)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.parkName.localeCompare(b.parkName))
    .slice(0, UPCOMING_SHOWN);

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }} data-testid="my-tasks">
      <PageHeader title={t('inspectionsField.tasks.title')} sub={t('inspectionsField.tasks.sub')} />
      {!can('inspections.inspect') ? (
        <Alert
          type="info"
          showIcon
          title={t('inspectionsField.tasks.notInspector')}
          action={
            <Link to="/inspections/rounds">
              <Button size="small">{t('inspectionsField.tasks.toRounds')}</Button>
            </Link>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}

      {missedItems.length ? (
        <Alert
          type="error"
          showIcon
          title={t('inspectionsField.tasks.missedBanner', { count: missed.data?.total ?? missedItems.length })}
          action={
            <Button size="small" danger onClick={() => document.querySelector('[data-testid="tasks-missed"]')?.scrollIntoView({ behavior: 'smooth' })} data-testid="tasks-missed-jump">
              {t('inspectionsField.tasks.missedJump')}
            </Button>
          }
          style={{ marginBottom: 12 }}
          data-testid="tasks-missed-banner"
        />
      ) : null}

      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented
          size="large"
          value={mode}
          onChange={(v) => {
            if (v === 'today') setDate(today);
            else if (v === 'tomorrow') setDate(tomorrow);
            else setDate(date === today || date === tomorrow ? addDays(today, 2) : date);
          }}
          options={[
            { value: 'today', label: <span data-testid="tasks-day-today">{t('inspectionsField.tasks.today')}</span> },
            { value: 'tomorrow', label: <span data-testid="tasks-day-tomorrow">{t('inspectionsField.tasks.tomorrow')}</span> },
            { value: 'pick', label: <span data-testid="tasks-day-pick">{t('inspectionsField.tasks.pick')}</span> },
          ]}
        />
        {mode === 'pick' ? (
          <DatePicker
            size="large"
            inputReadOnly
            allowClear={false}
            value={dayjs(date)}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            suffixIcon={<CalendarOutlined />}
            style={{ width: 160 }}
            data-testid="tasks-date"
          />
        ) : null}
      </Flex>

      <Section title={t(`inspectionsField.tasks.dayTitle.${mode}`, { date })} count={day.data?.total} testId="tasks-day">
        <DayList query={day} date={date} onToday={mode === 'today' ? undefined : () => setDate(today)} />
      </Section>

      {missedItems.length ? (
        <Section title={t('inspectionsField.tasks.missed')} count={missed.data?.total} danger testId="tasks-missed">
          <Typography.Paragraph type="danger" style={{ fontSize: 13, marginTop: -4 }}>
            {t('inspectionsField.tasks.missedHint')}
          </Typography.Paragraph>
          {(allMissed ? missedItems : missedItems.slice(0, MISSED_SHOWN)).map((x) => (
            <TaskCard key={x.id} task={x} />
          ))}
          {!allMissed && missedItems.length > MISSED_SHOWN ? (
            <Button block onClick={() => setAllMissed(true)} data-testid="tasks-missed-all">
              {t('inspectionsField.tasks.missedAll', { count: missedItems.length })}
            </Button>
          ) : null}
        </Section>
      ) : null}

      {upcoming.length ? (
        <Section title={t('inspectionsField.tasks.upcoming')} count={upcoming.length} testId="tasks-upcoming">
          {upcoming.map((x) => (
            <TaskCard key={x.id} task={x} />
          ))}
        </Section>
      ) : null}
    </div>
  );
}

function DayList({ query, date, onToday }: { query: ReturnType<typeof useTasks>; date: string; onToday?: (() => void) | undefined }) {
  const { t } = useTranslation();
  if (query.isPending) return <PageSkeleton rows={4} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items: Task[] = query.data.items;
  if (!items.length)
    return (
      <EmptyState
        title={t('inspectionsField.tasks.empty', { date })}
        description={t('inspectionsField.tasks.emptyHint')}
        action={
          onToday ? (
            <Button onClick={onToday} data-testid="tasks-back-today">
              {t('inspectionsField.tasks.backToToday')}
            </Button>
          ) : null
        }
      />
    );
  const open = items.filter((x) => x.status !== 'submitted');
  const done = items.filter((x) => x.status === 'submitted');
  return (
    <>
      {open.map((x) => (
        <TaskCard key={x.id} task={x} />
      ))}
      {done.length ? (
        <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0' }}>
          {t('inspectionsField.tasks.doneOfDay', { count: done.length })}
        </Typography.Text>
      ) : null}
      {done.map((x) => (
        <TaskCard key={x.id} task={x} />
      ))}
    </>
  );
}

function Section({ title, count, danger, testId, children }: { title: string; count?: number | undefined; danger?: boolean; testId: string; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 20 }} data-testid={testId}>
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, color: danger ? '#cf1322' : undefined }}>
          {title}
        </Typography.Title>
        {count !== undefined ? <Badge count={count} showZero color={danger ? '#ff4d4f' : '#1677ff'} /> : null}
      </Flex>
      {children}
    </section>
  );
}
