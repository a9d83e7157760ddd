// 预约办: officers see the slots (新增, 批量开放, 修改, 关闭/重新开放) and every booking (签到, 未到);
// applicants see the slots open ahead (预约) and their own bookings (取消). Two routes share the
// page: /services/appointments (slots) and /services/appointments/bookings.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Space, Tabs, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { PHONE_RE, type Booking, type HalfDay, type Slot } from '@shuangsheng/contracts';
import { useCan, useSession } from '../../../../app/session';
import { ExportButton } from '../../../../components/ExportButton';
import { FormDialog, useFormDialog } from '../../../../components/FormDialog';
import { CreateButton, FilterBar, ListPage, ListTable, sortable } from '../../../../components/ListPage';
import { actionsColumn, useRowAction } from '../../../../components/RowActions';
import { formatDateTime } from '../../../../lib/format';
import { useUrlList } from '../../../../lib/url-filters';
import { bookings, slots, useBookingAction, useBulkSlots, useSlotAction } from '../api';
import { BookingStatusTag, ItemSelect, SlotStatusTag } from '../display';

const SLOT_SPEC = { q: 'string', itemId: 'string', from: 'string', to: 'string', status: 'string', available: 'boolean' } as const;
const BOOKING_SPEC = { q: 'string', itemId: 'string', from: 'string', to: 'string', status: 'string' } as const;
const today = () => dayjs().format('YYYY-MM-DD');

/** A from/to pair of the URL as one range picker. */
function DateRangeFilter({ value, onChange, testId }: { value?: [string, string] | null; onChange?: (v: [string, string] | null) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <DatePicker.RangePicker
      value={value ? [dayjs(value[0]), dayjs(value[1])] : null}
      onChange={(v) => onChange?.(v && v[0] && v[1] ? [v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')] : null)}
      placeholder={[t('extras.common.from'), t('extras.common.to')]}
      data-testid={testId}
    />
  );
}

/** Filter values with the range folded into from/to for the URL. */
function withRange<V extends { range?: [string, string] | null }>(v: V) {
  const { range, ...rest } = v;
  return { ...rest, from: range?.[0], to: range?.[1] };
}

export default function AppointmentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const officer = can('services.handle');
  const tab = pathname.endsWith('/bookings') ? 'bookings' : 'slots';
  return (
    <ListPage title={t('extras.appointments.title')}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('extras.appointments.sub')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => void navigate(k === 'bookings' ? '/services/appointments/bookings' : '/services/appointments')}
        items={[
          { key: 'slots', label: <span data-testid="tab-slots">{officer ? t('extras.appointments.tabSlots') : t('extras.appointments.tabBook')}</span> },
          { key: 'bookings', label: <span data-testid="tab-bookings">{officer ? t('extras.appointments.tabBookings') : t('extras.appointments.tabMine')}</span> },
        ]}
      />
      {tab === 'slots' ? <SlotsTab officer={officer} /> : <BookingsTab officer={officer} />}
    </ListPage>
  );
}

function SlotsTab({ officer }: { officer: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // Officers look at what is coming first; applicants at the nearest places.
  const url = useUrlList(SLOT_SPEC, { sort: officer ? 'date:desc' : 'date:asc' });
  // Applicants see what they can still book: from today, with places left.
  const query = slots.useList(officer ? url.apiQuery : { from: today(), available: true, ...url.apiQuery, status: 'open' });
  const act = useSlotAction();
  const run = useRowAction();
  const [editing, setEditing] = useState<Slot | 'new' | null>(null);
  const [bulk, setBulk] = useState(false);
  const [booking, setBooking] = useState<Slot | null>(null);
  const hd = (h: HalfDay) => t(`extras.halfDays.${h}`);

  const columns: TableColumnsType<Slot> = [
    { title: t('extras.appointments.date'), dataIndex: 'date', ...sortable(url, 'date'), render: (d: string, s) => <span style={{ whiteSpace: 'nowrap' }}>{d} {hd(s.halfDay)}</span> },
    { title: t('extras.appointments.window'), dataIndex: 'window', ...sortable(url, 'window') },
    { title: t('extras.common.item'), dataIndex: 'itemName', render: (v: string, s) => <div style={{ maxWidth: 260 }}>{v}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.department}</Typography.Text></div></div> },
    {
      title: t('extras.appointments.booked'),
      dataIndex: 'booked',
      ...sortable(url, 'booked'),
      render: (b: number, s) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {b} / {s.capacity}{' '}
          <Typography.Text type={b >= s.capacity ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {b >= s.capacity ? t('extras.appointments.full') : t('extras.appointments.left', { n: s.capacity - b })}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('extras.common.status'), dataIndex: 'status', render: (v: Slot['status']) => <SlotStatusTag status={v} /> },
    actionsColumn(t, (s) =>
      officer ? (
        <>
          <Button type="link" size="small" onClick={() => setEditing(s)} data-testid={`slot-edit-${s.id}`}>
            {t('common.edit')}
          </Button>
          {s.status === 'open' ? (
            <Popconfirm
              title={t('extras.common.confirmTitle', { action: t('extras.appointments.close') })}
              description={t('extras.appointments.closeConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'confirm-ok' }}
              onConfirm={() => run(act.mutateAsync({ id: s.id, action: 'close' }), t('extras.appointments.closed'))}
            >
              <Button type="link" size="small" danger data-testid={`slot-close-${s.id}`}>
                {t('extras.appointments.close')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => void run(act.mutateAsync({ id: s.id, action: 'reopen' }), t('extras.appointments.reopened'))} data-testid={`slot-reopen-${s.id}`}>
              {t('extras.appointments.reopen')}
            </Button>
          )}
        </>
      ) : (
        <Button type="primary" size="small" disabled={s.booked >= s.capacity} onClick={() => setBooking(s)} data-testid={`slot-book-${s.id}`}>
          {t('extras.appointments.book')}
        </Button>
      ),
    ),
  ];

  const createButton = officer ? <CreateButton onClick={() => setEditing('new')} label={t('extras.appointments.newSlot')} /> : null;
  const bulkButton = officer ? (
    <Button onClick={() => setBulk(true)} data-testid="slot-bulk">
      {t('extras.appointments.bulk')}
    </Button>
  ) : null;
  const range = url.filters.from && url.filters.to ? ([url.filters.from, url.filters.to] as [string, string]) : null;
  return (
    <>
      <FilterBar
        values={{ ...url.filters, range }}
        onSearch={(v) => url.setFilters(withRange(v))}
        onReset={url.reset}
        searchPlaceholder={t('extras.appointments.slotSearch')}
      >
        <Form.Item name="itemId" style={{ minWidth: 200 }}>
          <ItemSelect testId="filter-item" />
        </Form.Item>
        <Form.Item name="range">
          <DateRangeFilter testId="filter-dates" />
        </Form.Item>
        {officer ? (
          <>
            <Form.Item name="status" style={{ minWidth: 110 }}>
              <Select allowClear placeholder={t('extras.common.status')} options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`extras.slotStatus.${s}`) }))} data-testid="filter-status" />
            </Form.Item>
            <Form.Item name="available" valuePropName="checked">
              <Checkbox data-testid="filter-available">{t('extras.appointments.available')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
      </FilterBar>
      {officer ? (
        <Space style={{ marginBottom: 12 }} wrap>
          {createButton}
          {bulkButton}
          <ExportButton path="/api/appointment-slots/export.xlsx" query={url.exportQuery} />
        </Space>
      ) : null}
      <ListTable
        query={query}
        url={url}
        columns={columns}
        rowKey="id"
        testId="slot-table"
        empty={officer ? { title: t('extras.appointments.noSlots'), description: t('extras.appointments.noSlotsDesc'), action: <Space>{createButton}{bulkButton}</Space> } : { title: t('extras.appointments.noSlotsReadOnly') }}
      />
      {editing ? <SlotDialog slot={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {bulk ? <BulkDialog onClose={() => setBulk(false)} onDone={(r) => void message.success(t('extras.appointments.bulkDone', { created: r.created, nonWorking: r.skippedNonWorking, existing: r.skippedExisting }))} /> : null}
      {booking ? <BookDialog slot={booking} onClose={() => setBooking(null)} /> : null}
    </>
  );
}

function HalfDaySelect(props: { value?: HalfDay; onChange?: (v: HalfDay) => void }) {
  const { t } = useTranslation();
  return <Select {...props} options={(['am', 'pm'] as const).map((h) => ({ value: h, label: t(`extras.halfDays.${h}`) }))} data-testid="slot-half-day" />;
}

type SlotValues = { itemId: string; window: string; date: dayjs.Dayjs; halfDay: HalfDay; capacity: number };
function SlotDialog({ slot, onClose }: { slot: Slot | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = slots.useCreate();
  const update = slots.useUpdate();
  const { form, dialog } = useFormDialog<SlotValues>({
    creating: !slot,
    onClose,
    save: (v) =>
      slot
        ? update.mutateAsync({ id: slot.id, patch: { window: v.window, capacity: v.capacity } })
        : create.mutateAsync({ itemId: v.itemId, window: v.window, date: v.date.format('YYYY-MM-DD'), halfDay: v.halfDay, capacity: v.capacity }),
  });
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <FormDialog {...dialog} title={slot ? t('extras.appointments.editSlot') : t('extras.appointments.newSlot')}>
      <Form form={form} layout="vertical" initialValues={slot ? { ...slot, date: dayjs(slot.date) } : { halfDay: 'am', capacity: 10, date: dayjs().add(1, 'day') }}>
        <Form.Item name="itemId" label={t('extras.common.item')} rules={required(t('extras.common.item'))}>
          <ItemSelect disabled={!!slot} testId="slot-item" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="date" label={t('extras.appointments.date')} rules={required(t('extras.appointments.date'))} style={{ flex: 1 }}>
            <DatePicker disabled={!!slot} style={{ width: '100%' }} data-testid="slot-date" />
          </Form.Item>
          <Form.Item name="halfDay" label={t('extras.appointments.halfDay')} style={{ width: 120 }}>
            <HalfDaySelect />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="window" label={t('extras.appointments.window')} rules={required(t('extras.appointments.window'))}>
          <Input maxLength={30} placeholder={t('extras.appointments.windowPlaceholder')} data-testid="slot-window" />
        </Form.Item>
        <Form.Item name="capacity" label={t('extras.appointments.capacity')} rules={required(t('extras.appointments.capacity'))}>
          <InputNumber min={1} max={500} precision={0} data-testid="slot-capacity" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

type BulkValues = { itemId: string; window: string; range: [dayjs.Dayjs, dayjs.Dayjs]; halfDays: HalfDay[]; capacity: number };
function BulkDialog({ onClose, onDone }: { onClose: () => void; onDone: (r: { created: number; skippedNonWorking: number; skippedExisting: number }) => void }) {
  const { t } = useTranslation();
  const bulk = useBulkSlots();
  const { form, dialog } = useFormDialog<BulkValues, { created: number; skippedNonWorking: number; skippedExisting: number }>({
    creating: true,
    onClose,
    onSaved: onDone,
    fieldMap: { from: 'range', to: 'range' },
    save: (v) => bulk.mutateAsync({ itemId: v.itemId, window: v.window, from: v.range[0].format('YYYY-MM-DD'), to: v.range[1].format('YYYY-MM-DD'), halfDays: v.halfDays, capacity: v.capacity }),
  });
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <FormDialog {...dialog} title={t('extras.appointments.bulkTitle')}>
      <Alert type="info" showIcon title={t('extras.appointments.bulkHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ halfDays: ['am', 'pm'], capacity: 10, range: [dayjs().add(1, 'day'), dayjs().add(14, 'day')] }}>
        <Form.Item name="itemId" label={t('extras.common.item')} rules={required(t('extras.common.item'))}>
          <ItemSelect testId="bulk-item" />
        </Form.Item>
        <Form.Item name="window" label={t('extras.appointments.window')} rules={required(t('extras.appointments.window'))}>
          <Input maxLength={30} placeholder={t('extras.appointments.windowPlaceholder')} data-testid="bulk-window" />
        </Form.Item>
        <Form.Item name="range" label={t('extras.common.dateRange')} rules={required(t('extras.common.dateRange'))}>
          <DatePicker.RangePicker data-testid="bulk-range" />
        </Form.Item>
        <Form.Item name="halfDays" label={t('extras.appointments.halfDaysLabel')} rules={required(t('extras.appointments.halfDaysLabel'))}>
          <Checkbox.Group options={(['am', 'pm'] as const).map((h) => ({ value: h, label: t(`extras.halfDays.${h}`) }))} />
        </Form.Item>
        <Form.Item name="capacity" label={t('extras.appointments.capacity')} rules={required(t('extras.appointments.capacity'))}>
          <InputNumber min={1} max={500} precision={0} data-testid="bulk-capacity" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

type BookValues = { contactName: string; contactPhone: string; note?: string };
function BookDialog({ slot, onClose }: { slot: Slot; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const create = bookings.useCreate();
  const { form, dialog } = useFormDialog<BookValues, Booking>({
    creating: true,
    onClose,
    onSaved: (b) => void message.success(t('extras.appointments.booked_ok', { code: b.code }), 6),
    save: (v) => create.mutateAsync({ slotId: slot.id, contactName: v.contactName, contactPhone: v.contactPhone.replace(/\s/g, ''), note: v.note?.trim() || null }),
  });
  return (
    <FormDialog {...dialog} title={t('extras.appointments.bookTitle', { date: slot.date, halfDay: t(`extras.halfDays.${slot.halfDay}`), window: slot.window })} submitText={t('extras.appointments.book')}>
      <Typography.Paragraph type="secondary">{slot.itemName}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ contactName: me.displayName.replace(/（.*）$/, '') }}>
        <Form.Item name="contactName" label={t('extras.appointments.contactName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('extras.appointments.contactName') }) }]}>
          <Input maxLength={100} data-testid="book-contact" />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('extras.appointments.contactPhone')}
          rules={[
            { required: true, message: t('common.required', { field: t('extras.appointments.contactPhone') }) },
            { validator: (_r, v: string | undefined) => (!v || PHONE_RE.test(v.replace(/\s/g, '')) ? Promise.resolve() : Promise.reject(new Error(t('common.phoneInvalid')))) },
          ]}
        >
          <Input inputMode="tel" maxLength={20} data-testid="book-phone" />
        </Form.Item>
        <Form.Item name="note" label={t('extras.appointments.note')}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('extras.appointments.notePlaceholder')} data-testid="book-note" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

function BookingsTab({ officer }: { officer: boolean }) {
  const { t } = useTranslation();
  const url = useUrlList(BOOKING_SPEC, { sort: 'date:desc' });
  const query = bookings.useList(url.apiQuery);
  const act = useBookingAction();
  const run = useRowAction();
  const range = url.filters.from && url.filters.to ? ([url.filters.from, url.filters.to] as [string, string]) : null;
  // Every action on a booking is final (a handled booking cannot be reopened): each asks first.
  const confirm = (b: Booking, action: 'cancel' | 'check-in' | 'no-show', label: string, desc: string, done: string, danger = true) => (
    <Popconfirm
      title={t('extras.common.confirmTitle', { action: label })}
      description={desc}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, 'data-testid': 'confirm-ok' }}
      onConfirm={() => run(act.mutateAsync({ id: b.id, action }), done)}
    >
      <Button type="link" size="small" danger={danger} data-testid={`booking-${action}-${b.code}`}>
        {label}
      </Button>
    </Popconfirm>
  );
  const columns: TableColumnsType<Booking> = [
    { title: t('extras.appointments.code'), dataIndex: 'code', ...sortable(url, 'code'), render: (v: string) => <Typography.Text strong copyable style={{ fontFamily: 'monospace' }}>{v}</Typography.Text> },
    { title: t('extras.appointments.date'), dataIndex: 'date', ...sortable(url, 'date'), render: (d: string, b) => <span style={{ whiteSpace: 'nowrap' }}>{d} {t(`extras.halfDays.${b.halfDay}`)}</span> },
    { title: t('extras.appointments.window'), dataIndex: 'window' },
    { title: t('extras.common.item'), dataIndex: 'itemName', render: (v: string) => <div style={{ maxWidth: 240 }}>{v}</div> },
    ...(officer ? [{ title: t('extras.appointments.enterprise'), dataIndex: 'enterpriseName', render: (v: string | null) => <div style={{ maxWidth: 220 }}>{v ?? '-'}</div> }] : []),
    { title: t('extras.appointments.contactName'), dataIndex: 'contactName', render: (v: string, b) => <span style={{ whiteSpace: 'nowrap' }}>{v} {b.contactPhoneMasked}</span> },
    { title: t('extras.common.status'), dataIndex: 'status', render: (v: Booking['status'], b) => <span title={b.checkedInAt ? formatDateTime(b.checkedInAt) : undefined}><BookingStatusTag status={v} /></span> },
    actionsColumn(t, (b) =>
      b.status !== 'booked' ? null : (
        <>
          {officer ? confirm(b, 'check-in', t('extras.appointments.checkIn'), t('extras.appointments.checkInConfirm', { code: b.code }), t('extras.appointments.checkedIn'), false) : null}
          {officer ? confirm(b, 'no-show', t('extras.appointments.noShow'), t('extras.appointments.noShowConfirm'), t('extras.appointments.markedNoShow')) : null}
          {confirm(b, 'cancel', t('extras.appointments.cancel'), t('extras.appointments.cancelConfirm'), t('extras.appointments.cancelled'))}
        </>
      ),
    ),
  ];
  return (
    <>
      {!officer ? <Alert type="info" showIcon title={t('extras.appointments.myBookingHint')} style={{ marginBottom: 12 }} /> : null}
      <FilterBar values={{ ...url.filters, range }} onSearch={(v) => url.setFilters(withRange(v))} onReset={url.reset} searchPlaceholder={t('extras.appointments.bookingSearch')}>
        <Form.Item name="itemId" style={{ minWidth: 200 }}>
          <ItemSelect testId="filter-item" />
        </Form.Item>
        <Form.Item name="range">
          <DateRangeFilter testId="filter-dates" />
        </Form.Item>
        <Form.Item name="status" style={{ minWidth: 110 }}>
          <Select
            allowClear
            placeholder={t('extras.common.status')}
            options={(['booked', 'checked_in', 'no_show', 'cancelled'] as const).map((s) => ({ value: s, label: t(`extras.bookingStatus.${s}`) }))}
            data-testid="filter-status"
          />
        </Form.Item>
      </FilterBar>
      {officer ? (
        <Space style={{ marginBottom: 12 }}>
          <ExportButton path="/api/appointments/export.xlsx" query={url.exportQuery} />
        </Space>
      ) : null}
      <ListTable query={query} url={url} columns={columns} rowKey="id" testId="booking-table" empty={{ title: officer ? t('extras.appointments.noBookings') : t('extras.appointments.noBookingsMine') }} />
    </>
  );
}
