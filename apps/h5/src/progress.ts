// /h5/progress: an applicant looks up an application with its number and the last 4 digits of
// the phone given on it. The API answers in the chosen language, including its refusals.
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '@shuangsheng/contracts';
import { api, currentLang, date, h, instant, t, type ApiResult, type Child, type Page } from './ui';

type Progress = {
  number: string;
  itemName: string;
  department: string;
  status: ApplicationStatus;
  submittedAt: number | null;
  dueDate: string | null;
  completedOn: string | null;
  steps: { at: number; toStatus: ApplicationStatus }[];
};

const NUMBER = /^SV-\d{8}-\d{6}$/;
const TONE: Partial<Record<ApplicationStatus, string>> = { approved: 'ok', refused: 'bad', denied: 'bad', correction: 'warn', withdrawn: 'off', draft: 'off' };

const statusLabel = (s: ApplicationStatus) => APPLICATION_STATUS_LABELS[s][currentLang() === 'zh-CN' ? 0 : 1];
const badge = (s: ApplicationStatus) => h('span', { class: `badge ${TONE[s] ?? 'info'}` }, statusLabel(s));

export function progressPage(root: HTMLElement, prefill: string): Page {
  let number = prefill.trim().toUpperCase();
  let phone = '';
  let invalid: { number?: boolean; phone?: boolean } = {};
  let busy = false;
  let result: ApiResult<Progress> | null = null;

  async function submit(e: Event) {
    e.preventDefault();
    number = number.trim().toUpperCase();
    invalid = { number: !NUMBER.test(number), phone: !/^\d{4}$/.test(phone) };
    if (invalid.number || invalid.phone) {
      page.render();
      root.querySelector<HTMLInputElement>(invalid.number ? '#number' : '#phone')?.focus();
      return;
    }
    busy = true;
    page.render();
    // Numbers are unique per zone: a link from a zone (?zone=CODE) says which one.
    const zone = new URLSearchParams(location.search).get('zone');
    result = await api<Progress>('/api/public/applications/lookup', zone ? { zone, number, phoneLast4: phone } : { number, phoneLast4: phone });
    busy = false;
    page.render();
    root.querySelector<HTMLElement>('#outcome')?.focus();
  }

  function field(id: 'number' | 'phone', label: string, hint: string | null, attrs: Record<string, string | number>, value: string, set: (v: string) => void) {
    const bad = invalid[id];
    const describedBy = [hint && `${id}-hint`, bad && `${id}-error`].filter(Boolean).join(' ');
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h('input', {
        id,
        name: id,
        value,
        autocomplete: 'off',
        required: true,
        'aria-invalid': bad ? 'true' : null,
        'aria-describedby': describedBy || null,
        oninput: (e: Event) => set((e.target as HTMLInputElement).value),
        ...attrs,
      }),
      hint && h('small', { id: `${id}-hint`, class: 'muted' }, hint),
      bad && h('small', { id: `${id}-error`, class: 'error' }, t(id === 'number' ? 'numberBad' : 'phoneBad')),
    );
  }

  function outcome(r: ApiResult<Progress>): HTMLElement {
    if (!r.ok) return h('div', { id: 'outcome', class: 'notice bad', role: 'alert', tabindex: -1, 'data-testid': 'error' }, r.message);
    const p = r.data;
    const rows: [string, Child][] = [
      [t('itemName'), p.itemName],
      [t('department'), p.department],
      [t('status'), badge(p.status)],
      [t('submittedAt'), p.submittedAt != null && instant(p.submittedAt)],
      [t('dueDate'), p.dueDate && date(p.dueDate)],
      [t('completedOn'), p.completedOn && date(p.completedOn)],
    ];
    const steps = [...p.steps].sort((a, b) => b.at - a.at);
    return h(
      'section',
      { id: 'outcome', class: 'card', tabindex: -1, 'aria-labelledby': 'outcome-title', 'data-testid': 'progress' },
      h('h3', { id: 'outcome-title' }, p.number),
      h('dl', { class: 'fields' }, ...rows.filter((row) => row[1]).flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
      h('h4', null, t('steps')),
      steps.length
        ? h(
            'ol',
            { class: 'timeline' },
            ...steps.map((s) => h('li', null, h('strong', null, statusLabel(s.toStatus)), h('time', { datetime: new Date(s.at).toISOString() }, instant(s.at)))),
          )
        : h('p', { class: 'muted' }, t('noSteps')),
    );
  }

  const page: Page = {
    render() {
      const form = h(
        'form',
        { class: 'card', novalidate: true, onsubmit: (e: Event) => void submit(e) },
        field('number', t('number'), t('numberHint'), { autocapitalize: 'characters', spellcheck: 'false', maxlength: 18, placeholder: 'SV-20200203-000001' }, number, (v) => (number = v)),
        field('phone', t('phone'), null, { inputmode: 'numeric', pattern: '[0-9]{4}', maxlength: 4 }, phone, (v) => (phone = v)),
        h('button', { class: 'primary', type: 'submit', disabled: busy, 'aria-busy': busy ? 'true' : null }, t(busy ? 'looking' : 'lookup')),
      );
      root.replaceChildren(h('h2', null, t('progressTitle')), form, ...(result && !busy ? [outcome(result)] : []));
    },
  };
  page.render();
  return page;
}
