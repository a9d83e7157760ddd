import { describe, expect, it } from 'vitest';
import type { ServiceItem } from '@shuangsheng/contracts';
import { nearestFields, nextKey, toInput, toValues } from './form';

const item: ServiceItem = {
  id: '0190a0a0-0000-7000-8000-000000000001',
  code: 'QYKB-001',
  name: '企业设立登记',
  department: '行政审批局',
  category: 'enterprise_establishment',
  applicantTypes: ['enterprise'],
  legalDays: 15,
  promisedDays: 1,
  materials: [
    { key: 'm1', name: '设立登记申请书', required: true, fileTypes: ['pdf'], templateFileId: '0190a0a0-0000-7000-8000-0000000000f1', templateFileName: '申请书.docx', note: null },
    { key: 'm3', name: '住所证明', required: false, fileTypes: ['pdf', 'jpeg'], templateFileId: null, templateFileName: null, note: '租赁合同或产权证明' },
  ],
  fields: [
    { key: 'capital', label: '注册资本（万元）', type: 'number', required: true, help: null },
    { key: 'form', label: '企业类型', type: 'select', required: true, options: ['有限责任公司', '个人独资企业'] },
  ],
  onlineEnabled: true,
  fullyElectronic: true,
  agencyEligible: false,
  licenceName: '营业执照',
  guide: '# 流程',
  createdAt: 1,
  updatedAt: 2,
};

describe('item form', () => {
  it('numbers new keys after the largest in use', () => {
    expect(nextKey('m', [])).toBe('m1');
    expect(nextKey('m', ['m1', 'm3', 'x9', undefined])).toBe('m4');
    expect(nextKey('f', ['capital', 'f2'])).toBe('f3');
  });

  it('turns an item into values and back into the same input', () => {
    const input = toInput(toValues(item));
    expect(input).toEqual({
      code: 'QYKB-001',
      name: '企业设立登记',
      department: '行政审批局',
      category: 'enterprise_establishment',
      applicantTypes: ['enterprise'],
      legalDays: 15,
      promisedDays: 1,
      onlineEnabled: true,
      fullyElectronic: true,
      agencyEligible: false,
      licenceName: '营业执照',
      materials: [
        { key: 'm1', name: '设立登记申请书', required: true, fileTypes: ['pdf'], templateFileId: '0190a0a0-0000-7000-8000-0000000000f1', note: null },
        { key: 'm3', name: '住所证明', required: false, fileTypes: ['pdf', 'jpeg'], templateFileId: null, note: '租赁合同或产权证明' },
      ],
      fields: [
        { key: 'capital', label: '注册资本（万元）', type: 'number', required: true, help: null },
        { key: 'form', label: '企业类型', type: 'select', required: true, help: null, options: ['有限责任公司', '个人独资企业'] },
      ],
      guide: '# 流程',
    });
  });

  it('sends no licence when the item issues none, and options only for selects', () => {
    const v = toValues(item);
    v.issuesLicence = false;
    v.fields[0]!.options = ['stale'];
    const input = toInput(v);
    expect(input.licenceName).toBeNull();
    expect(input.fields![0]).not.toHaveProperty('options');
  });

  it('puts a server issue on the nearest field the form shows', () => {
    const registered = new Set(['code', 'materials', 'materials.0.name', 'fields', 'fields.0.options', 'fields.0.label']);
    expect(
      nearestFields(
        [
          { path: 'materials.0.name', message: 'a' },
          { path: 'fields.0.options.3', message: 'b' },
          { path: 'materials', message: 'c' },
          { path: 'fields.2.label', message: 'd' },
          { path: 'code', message: 'e' },
        ],
        registered,
      ).map((i) => i.path),
    ).toEqual(['materials.0.name', 'fields.0.options', 'materials', 'fields', 'code']);
  });
});
