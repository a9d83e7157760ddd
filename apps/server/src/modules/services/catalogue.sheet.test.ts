import { describe, expect, it } from 'vitest';
import { SERVICE_CATEGORIES, type ServiceField } from '@shuangsheng/contracts';
import { demoServiceItems } from '../../demo/service-items.js';
import { applicantWords, categoryWord, formatFields, formatMaterials, parseApplicantTypes, parseCategory, parseFields, parseMaterials } from './catalogue.sheet.js';

const material = (key: string, name: string, required: boolean, fileTypes: string[]) => ({ key, name, required, fileTypes, note: null });

describe('categories and applicants in either language', () => {
  it('reads a category by its code, its Chinese or its English word', () => {
    expect(parseCategory('企业开办')).toBe('enterprise_establishment');
    expect(parseCategory(' 车驾管 ')).toBe('vehicle_driver');
    expect(parseCategory('construction_permit')).toBe('construction_permit');
    expect(parseCategory('Vehicles and drivers')).toBe('vehicle_driver');
    expect(parseCategory('public SERVICES')).toBe('public_service');
    expect(parseCategory('餐饮')).toBeNull();
    expect(parseCategory('')).toBeNull();
    for (const c of SERVICE_CATEGORIES) {
      expect(parseCategory(categoryWord(c, 'zh-CN'))).toBe(c);
      expect(parseCategory(categoryWord(c, 'en-US'))).toBe(c);
    }
  });

  it('reads one or both applicant types, in any separator, once each', () => {
    expect(parseApplicantTypes('企业')).toEqual(['enterprise']);
    expect(parseApplicantTypes('企业、个人')).toEqual(['enterprise', 'person']);
    expect(parseApplicantTypes('person, Enterprise')).toEqual(['person', 'enterprise']);
    expect(parseApplicantTypes('个人；个人 person')).toEqual(['person']);
    expect(parseApplicantTypes('')).toEqual([]);
    expect(parseApplicantTypes('企业、法人')).toBeNull();
    expect(parseApplicantTypes(applicantWords(['enterprise', 'person'], 'zh-CN'))).toEqual(['enterprise', 'person']);
    expect(parseApplicantTypes(applicantWords(['person', 'enterprise'], 'en-US'))).toEqual(['person', 'enterprise']);
  });
});

describe('materials, one per line', () => {
  it('reads name|required|types, with defaults and aliases', () => {
    expect(parseMaterials('公司章程|必填|pdf,docx\n住所证明|选填|jpg、PNG\r\n申请书；身份证明|optional|jpeg pdf jpeg')).toEqual({
      materials: [
        material('m1', '公司章程', true, ['pdf', 'docx']),
        material('m2', '住所证明', false, ['jpeg', 'png']),
        material('m3', '申请书', true, ['pdf']),
        material('m4', '身份证明', false, ['jpeg', 'pdf']),
      ],
    });
    expect(parseMaterials('')).toEqual({ materials: [] });
    expect(parseMaterials('  \n \n')).toEqual({ materials: [] });
    expect(parseMaterials('营业执照|*|xlsx')).toEqual({ materials: [material('m1', '营业执照', true, ['xlsx'])] });
  });

  it('names the first bad line as the person sees it, blank lines counted', () => {
    expect(parseMaterials('申请书|必填|pdf\n章程|也许|pdf')).toEqual({ badLine: 2 });
    expect(parseMaterials('申请书|必填|exe')).toEqual({ badLine: 1 });
    expect(parseMaterials('申请书|必填|pdf,gif')).toEqual({ badLine: 1 });
    expect(parseMaterials('|必填|pdf')).toEqual({ badLine: 1 });
    expect(parseMaterials('申请书|必填|')).toEqual({ badLine: 1 });
    expect(parseMaterials('申请书|必填|pdf\n\n章程|必填|doc')).toEqual({ badLine: 3 });
  });

  it('formats what it reads back to the same materials', () => {
    const cell = '公司章程|必填|pdf,docx\n住所证明|选填|jpeg,png';
    const parsed = parseMaterials(cell);
    if (!('materials' in parsed)) throw new Error('bad');
    const materials = parsed.materials.map((m) => ({ ...m, templateFileId: null, templateFileName: null }));
    expect(formatMaterials(materials, 'zh-CN')).toBe(cell);
    expect(formatMaterials(materials, 'en-US')).toBe('公司章程|required|pdf,docx\n住所证明|optional|jpeg,png');
    expect(parseMaterials(formatMaterials(materials, 'en-US'))).toEqual(parsed);
  });
});

describe('form fields, one per line', () => {
  it('reads key|label|type|required|options in either language', () => {
    expect(parseFields('registeredCapital|注册资本（万元）|数字|必填\nsize|企业规模|下拉选择|必填|大型,中型、小型\nnote|备注\nday|Day|Date|optional\nok|Agree|checkbox|yes')).toEqual({
      fields: [
        { key: 'registeredCapital', label: '注册资本（万元）', type: 'number', required: true },
        { key: 'size', label: '企业规模', type: 'select', required: true, options: ['大型', '中型', '小型'] },
        { key: 'note', label: '备注', type: 'text', required: false },
        { key: 'day', label: 'Day', type: 'date', required: false },
        { key: 'ok', label: 'Agree', type: 'checkbox', required: true },
      ],
    });
    // A select without options is read as such; the schema then refuses it.
    expect(parseFields('size|规模|select|必填')).toEqual({ fields: [{ key: 'size', label: '规模', type: 'select', required: true, options: [] }] });
  });

  it('names the first bad line', () => {
    expect(parseFields('a|A|文本\nb|B|颜色')).toEqual({ badLine: 2 });
    expect(parseFields('a')).toEqual({ badLine: 1 });
    expect(parseFields('a|A|text|maybe')).toEqual({ badLine: 1 });
    expect(parseFields('|A|text')).toEqual({ badLine: 1 });
  });

  it('formats fields so that they read back the same, in both languages', () => {
    const fields: ServiceField[] = [
      { key: 'capital', label: '注册资本', type: 'number', required: true },
      { key: 'kind', label: '种类', type: 'select', required: false, options: ['公章', '财务专用章'] },
      { key: 'agree', label: '同意', type: 'checkbox', required: false },
    ];
    expect(formatFields(fields, 'zh-CN')).toBe('capital|注册资本|数字|必填\nkind|种类|下拉选择|选填|公章,财务专用章\nagree|同意|勾选|选填');
    expect(formatFields(fields, 'en-US')).toBe('capital|注册资本|Number|required\nkind|种类|Select|optional|公章,财务专用章\nagree|同意|Checkbox|optional');
    for (const lang of ['zh-CN', 'en-US'] as const) expect(parseFields(formatFields(fields, lang))).toEqual({ fields });
  });
});

describe('the demo catalogue', () => {
  it('goes through the sheet notation and back unchanged, every item', () => {
    const items = demoServiceItems();
    expect(items.length).toBeGreaterThanOrEqual(25);
    for (const item of items) {
      for (const lang of ['zh-CN', 'en-US'] as const) {
        const materials = parseMaterials(formatMaterials(item.materials.map((m) => ({ ...m, templateFileName: null })), lang));
        expect(materials, item.code).toEqual({ materials: item.materials.map(({ templateFileId: _t, ...m }) => m) });
      }
      for (const lang of ['zh-CN', 'en-US'] as const) expect(parseFields(formatFields(item.fields, lang)), item.code).toEqual({ fields: item.fields });
      expect(parseCategory(categoryWord(item.category, 'zh-CN'))).toBe(item.category);
      expect(parseApplicantTypes(applicantWords(item.applicantTypes, 'en-US'))).toEqual(item.applicantTypes);
    }
  });
});
