// The checklist of a template version, grouped by place (园区入口, 楼宇, 企业, 园区内部): each item
// with its kind, the standard of a number item (≥ 2.5 m², range 0 – 100), whether a photo is
// required, the severity and the guidance. Editable (add, edit, move, remove) or read-only.
import { ArrowDownOutlined, ArrowUpOutlined, CameraOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Popconfirm, Radio, Row, Select, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPARATORS, INSPECTION_PLACES, ITEM_KINDS, SEVERITIES, type ChecklistItem, type InspectionPlace } from '@shuangsheng/contracts';
import { FormDialog, validateOrScroll } from '../../../components/FormDialog';
import { PlaceTag, SeverityTag } from './display';
import { itemsByPlace, moveWithinPlace, newItemKey, numberItemProblem, rangeOf, standardOf } from './helpers';

type Props = {
  items: ChecklistItem[];
  /** Omitted: read-only. */
  onChange?: (items: ChecklistItem[]) => void;
  /** Item index → what the server said about it. */
  issues?: Map<number, string[]>;
  onEdit?: (target: { index: number } | { place: InspectionPlace }) => void;
};

export function ChecklistByPlace({ items, onChange, issues, onEdit }: Props) {
  const { t } = useTranslation();
  const editable = !!onChange;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="checklist">
      {itemsByPlace(items).map((group) => (
        <Card
          key={group.place}
          size="small"
          data-testid={`checklist-place-${group.place}`}
          title={
            <Space>
              <PlaceTag place={group.place} />
              <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                {t('inspectionsAdmin.template.itemCount', { count: group.items.length })}
              </Typography.Text>
            </Space>
          }
          extra={
            editable ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => onEdit?.({ place: group.place })} data-testid={`item-add-${group.place}`}>
                {t('inspectionsAdmin.template.addItem')}
              </Button>
            ) : null
          }
        >
          <ItemTable rows={group.items} items={items} onChange={onChange} issues={issues} onEdit={(index) => onEdit?.({ index })} />
        </Card>
      ))}
    </Space>
  );
}

type Row = { item: ChecklistItem; index: number };

function ItemTable({ rows, items, onChange, issues, onEdit }: { rows: Row[]; items: ChecklistItem[]; onChange?: (items: ChecklistItem[]) => void; issues?: Map<number, string[]>; onEdit: (index: number) => void }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Row> = [
    { title: '#', key: 'n', width: 44, render: (_v, _r, i) => <Typography.Text type="secondary">{i + 1}</Typography.Text> },
    {
      title: t('inspectionsAdmin.item.title'),
      key: 'title',
      render: (_v, { item, index }) => (
        <div data-testid={`item-${item.key}`}>
          <Typography.Text strong>{item.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace', marginInlineStart: 8 }}>
            {item.key}
          </Typography.Text>
          {item.guidance ? (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 0', whiteSpace: 'pre-wrap' }}>
              {item.guidance}
            </Typography.Paragraph>
          ) : null}
          {issues?.get(index)?.map((m) => (
            <Typography.Text key={m} type="danger" style={{ display: 'block', fontSize: 12 }} data-testid={`item-issue-${item.key}`}>
              {m}
            </Typography.Text>
          ))}
        </div>
      ),
    },
    {
      title: t('inspectionsAdmin.item.standard'),
      key: 'standard',
      width: 140,
      render: (_v, { item }) => {
        const s = standardOf(item);
        const r = rangeOf(item);
        if (!s) return <Typography.Text type="secondary">{t(`inspectionsAdmin.kinds.${item.kind}`)}</Typography.Text>;
        return (
          <div style={{ whiteSpace: 'nowrap' }}>
            <Typography.Text strong>{s}</Typography.Text>
            {r ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('inspectionsAdmin.item.rangeShort', { range: r })}
              </Typography.Text>
            ) : null}
          </div>
        );
      },
    },
    {
      title: t('inspectionsAdmin.item.photo'),
      key: 'photo',
      width: 72,
      align: 'center',
      render: (_v, { item }) =>
        item.photoRequired ? (
          <Tooltip title={t('inspectionsAdmin.item.photoRequired')}>
            <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid={`item-photo-${item.key}`}>
              <CameraOutlined aria-label={t('inspectionsAdmin.item.photoRequired')} />
            </Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">-</Typography.Text>
        ),
    },
    { title: t('inspectionsAdmin.common.severity'), key: 'severity', width: 96, render: (_v, { item }) => <SeverityTag severity={item.severity} /> },
  ];
  if (onChange) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 128,
      render: (_v, { item, index }, i) => (
        <Space size={0} wrap={false}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(index)} data-testid={`item-edit-${item.key}`} aria-label={t('common.edit')} />
          <Button type="link" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => onChange(moveWithinPlace(items, index, -1))} aria-label={t('inspectionsAdmin.template.moveUp')} title={t('inspectionsAdmin.template.moveUp')} />
          <Button type="link" size="small" icon={<ArrowDownOutlined />} disabled={i === rows.length - 1} onClick={() => onChange(moveWithinPlace(items, index, 1))} aria-label={t('inspectionsAdmin.template.moveDown')} title={t('inspectionsAdmin.template.moveDown')} />
          <Popconfirm
            title={t('inspectionsAdmin.template.removeConfirm', { title: item.title })}
            description={t('inspectionsAdmin.template.removeHint')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' }}
            onConfirm={() => onChange(items.filter((_x, j) => j !== index))}
            disabled={items.length <= 1}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />} disabled={items.length <= 1} data-testid={`item-remove-${item.key}`} aria-label={t('common.delete')} title={items.length <= 1 ? t('inspectionsAdmin.template.lastItem') : t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    });
  }
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => r.item.key}
      columns={columns}
      dataSource={rows}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: onChange ? 720 : 600 }}
      locale={{ emptyText: t('inspectionsAdmin.template.noItems') }}
    />
  );
}

type ItemValues = Omit<ChecklistItem, 'guidance'> & { guidance?: string | null };

/** Add or edit one item; a number item needs its standard (the server checks the same). */
export function ItemDialog({ items, target, onClose, onSave }: { items: ChecklistItem[]; target: { index: number } | { place: InspectionPlace }; onClose: () => void; onSave: (items: ChecklistItem[]) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ItemValues>();
  const existing = 'index' in target ? items[target.index] : undefined;
  const place = existing?.place ?? ('place' in target ? target.place : 'entrance');
  const kind = Form.useWatch('kind', form);
  const initial: ItemValues = existing ?? { key: newItemKey(items, place), place, title: '', kind: 'check', photoRequired: false, severity: 'medium', guidance: null, comparator: 'gte' };
  const otherKeys = new Set(items.filter((_x, j) => !('index' in target) || j !== target.index).map((x) => x.key));

  const submit = async () => {
    const v = await validateOrScroll(form);
    if (!v) return;
    const item: ChecklistItem = {
      key: existing?.key ?? v.key.trim(),
      place: v.place,
      title: v.title.trim(),
      kind: v.kind,
      photoRequired: !!v.photoRequired,
      severity: v.severity,
      guidance: v.guidance?.trim() ? v.guidance.trim() : null,
      ...(v.kind === 'number' ? { threshold: v.threshold ?? null, comparator: v.comparator ?? null, unit: v.unit?.trim() ? v.unit.trim() : null, min: v.min ?? null, max: v.max ?? null } : {}),
    };
    const problem = numberItemProblem(item);
    if (problem) {
      form.setFields([{ name: problem === 'range' ? 'threshold' : problem, errors: [t(`inspectionsAdmin.item.problems.${problem}`)] }]);
      return;
    }
    if (existing && 'index' in target) onSave(items.map((x, j) => (j === target.index ? item : x)));
    else {
      // A new item goes after the last item of its place (or at the end).
      const lastOfPlace = items.map((x) => x.place).lastIndexOf(item.place);
      const at = lastOfPlace === -1 ? items.length : lastOfPlace + 1;
      onSave([...items.slice(0, at), item, ...items.slice(at)]);
    }
    onClose();
  };

  return (
    <FormDialog
      open
      busy={false}
      onClose={onClose}
      onSubmit={() => void submit()}
      title={existing ? t('inspectionsAdmin.item.editTitle', { title: existing.title }) : t('inspectionsAdmin.item.addTitle')}
      submitText={t('common.confirm')}
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="item-form">
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="place" label={t('inspectionsAdmin.common.place')} rules={[{ required: true }]}>
              <Select options={INSPECTION_PLACES.map((p) => ({ value: p, label: t(`inspectionsAdmin.places.${p}`) }))} data-testid="item-place" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="key"
              label={t('inspectionsAdmin.item.key')}
              extra={existing ? t('inspectionsAdmin.item.keyFixed') : t('inspectionsAdmin.item.keyHint')}
              rules={[
                { required: true, message: t('common.required', { field: t('inspectionsAdmin.item.key') }) },
                { pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('inspectionsAdmin.item.keyRule') },
                { validator: (_r, v: string) => (otherKeys.has(v) ? Promise.reject(new Error(t('inspectionsAdmin.item.keyTaken'))) : Promise.resolve()) },
              ]}
            >
              <Input disabled={!!existing} maxLength={40} style={{ fontFamily: 'monospace' }} data-testid="item-key" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={t('inspectionsAdmin.item.title')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('inspectionsAdmin.item.title') }) },
            { min: 2, message: t('inspectionsAdmin.common.min2') },
          ]}
        >
          <Input maxLength={200} showCount placeholder={t('inspectionsAdmin.item.titlePlaceholder')} data-testid="item-title" />
        </Form.Item>
        <Form.Item name="kind" label={t('inspectionsAdmin.item.kind')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={ITEM_KINDS.map((k) => ({ value: k, label: t(`inspectionsAdmin.kinds.${k}`) }))} data-testid="item-kind" />
        </Form.Item>
        {kind === 'number' ? (
          <Card size="small" style={{ marginBottom: 16, background: '#fafafa' }} data-testid="item-number-fields">
            <Row gutter={12}>
              <Col xs={12} sm={6}>
                <Form.Item name="comparator" label={t('inspectionsAdmin.item.comparator')} rules={[{ required: true, message: t('inspectionsAdmin.item.problems.comparator') }]}>
                  <Select options={COMPARATORS.map((c) => ({ value: c, label: t(`inspectionsAdmin.comparators.${c}`) }))} data-testid="item-comparator" popupMatchSelectWidth={false} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={6}>
                <Form.Item name="threshold" label={t('inspectionsAdmin.item.threshold')} rules={[{ required: true, message: t('inspectionsAdmin.item.problems.threshold') }]}>
                  <InputNumber style={{ width: '100%' }} min={-1e6} max={1e6} data-testid="item-threshold" />
                </Form.Item>
              </Col>
              <Col xs={12} sm={4}>
                <Form.Item name="unit" label={t('inspectionsAdmin.item.unit')}>
                  <Input maxLength={10} placeholder="m²" data-testid="item-unit" />
                </Form.Item>
              </Col>
              <Col xs={12} sm={8}>
                <Form.Item label={t('inspectionsAdmin.item.range')} tooltip={t('inspectionsAdmin.item.rangeHint')} style={{ marginBottom: 0 }}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name="min" noStyle>
                      <InputNumber style={{ width: '50%' }} min={-1e6} max={1e6} placeholder={t('inspectionsAdmin.item.min')} data-testid="item-min" />
                    </Form.Item>
                    <Form.Item name="max" noStyle>
                      <InputNumber style={{ width: '50%' }} min={-1e6} max={1e6} placeholder={t('inspectionsAdmin.item.max')} data-testid="item-max" />
                    </Form.Item>
                  </Space.Compact>
                </Form.Item>
              </Col>
            </Row>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inspectionsAdmin.item.numberHint')}
            </Typography.Text>
          </Card>
        ) : null}
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="severity" label={t('inspectionsAdmin.common.severity')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={SEVERITIES.map((s) => ({ value: s, label: t(`inspectionsAdmin.severities.${s}`) }))} data-testid="item-severity" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="photoRequired" label={t('inspectionsAdmin.item.photoRequired')} valuePropName="checked" extra={t('inspectionsAdmin.item.photoRequiredHint')}>
              <Switch data-testid="item-photo-required" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="guidance" label={t('inspectionsAdmin.item.guidance')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('inspectionsAdmin.item.guidancePlaceholder')} data-testid="item-guidance" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
