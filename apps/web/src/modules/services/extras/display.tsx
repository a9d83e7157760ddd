// Status tags and small displays shared by the extras pages (UX.md colours).
import { Select, type SelectProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AgencyStage, BookingStatus, ConsultationStatus, ListResult, ServiceItem, SlotStatus, StageStatus, User } from '@shuangsheng/contracts';
import { api } from '../../../api/client';
import { StatusTag, type Tone } from '../../../components/StatusTag';

const SLOT_TONE: Record<SlotStatus, Tone> = { open: 'progress', closed: 'closed' };
const BOOKING_TONE: Record<BookingStatus, Tone> = { booked: 'waiting', checked_in: 'done', no_show: 'abnormal', cancelled: 'closed' };
const STAGE_TONE: Record<StageStatus, Tone> = { pending: 'closed', in_progress: 'progress', done: 'done' };

export function SlotStatusTag({ status }: { status: SlotStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={SLOT_TONE[status]}>{t(`extras.slotStatus.${status}`)}</StatusTag>;
}
export function BookingStatusTag({ status }: { status: BookingStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={BOOKING_TONE[status]}>{t(`extras.bookingStatus.${status}`)}</StatusTag>;
}
export function ConsultationStatusTag({ status, published }: { status: ConsultationStatus; published: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <StatusTag tone={status === 'open' ? 'waiting' : 'done'}>{t(`extras.consultationStatus.${status}`)}</StatusTag>
      {published ? <StatusTag tone="progress">{t('extras.consultations.inFaq')}</StatusTag> : null}
    </>
  );
}
export function StageStatusTag({ status }: { status: StageStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={STAGE_TONE[status]}>{t(`extras.stageStatus.${status}`)}</StatusTag>;
}
export function CurrentStageTag({ stage }: { stage: AgencyStage | null }) {
  const { t } = useTranslation();
  return stage ? <StatusTag tone="progress">{t(`extras.stages.${stage}`)}</StatusTag> : <StatusTag tone="done">{t('extras.agency.completed')}</StatusTag>;
}

/** The zone's service items, for filters and forms (the catalogue is small). */
export function ItemSelect(props: Omit<SelectProps<string>, 'options'> & { testId?: string }) {
  const { t } = useTranslation();
  const { testId, ...rest } = props;
  const { data, isPending } = useQuery({
    queryKey: ['service-items', 'all-names'],
    queryFn: ({ signal }) => api.get<ListResult<ServiceItem>>('/api/service-items', { pageSize: 200, sort: 'code:asc' }, { signal }),
    staleTime: 60_000,
  });
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      loading={isPending}
      placeholder={t('extras.common.item')}
      options={(data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.department}）` }))}
      popupMatchSelectWidth={false}
      data-testid={testId}
      {...rest}
    />
  );
}

/** Approval officers of the zone: who may be an agent. */
export function AgentSelect(props: Omit<SelectProps<string>, 'options'> & { testId?: string }) {
  const { t } = useTranslation();
  const { testId, ...rest } = props;
  const { data, isPending } = useQuery({
    queryKey: ['users', 'approval-officers'],
    queryFn: ({ signal }) => api.get<ListResult<User>>('/api/users', { role: 'approval_officer', status: 'active', pageSize: 200, sort: 'displayName:asc' }, { signal }),
    staleTime: 60_000,
  });
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      loading={isPending}
      placeholder={t('common.select')}
      options={(data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
      popupMatchSelectWidth={false}
      data-testid={testId}
      {...rest}
    />
  );
}
