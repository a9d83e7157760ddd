// /h5/c/<token>: what a checkpoint's QR code opens (卡口扫码登记). No login: the checkpoint and its
// risk level, then the form (person, document, vehicle with passengers, origin, destination, reason,
// direction, health declaration), checked on the phone before it is sent. The details are kept on
// this phone only (localStorage) so that the next registration is one tap. Every submission carries
// an Idempotency-Key made once; a retry after a network failure sends the same key, so the server
// never registers it twice. The result is a colour people show to the staff, with a code to find it.
import { isValidPlate, isValidResidentId, MOBILE_RE } from '@shuangsheng/contracts';
import { api, currentLang, h, instant, t, type ApiResult, type Child, type Page } from './ui';
import { i18n, type H5Key } from './i18n';

type IdKind = 'resident_id' | 'passport' | 'other';
type Direction = 'in' | 'out';
type Result = 'green' | 'yellow' | 'red';
type HealthKey = 'fever' | 'cough' | 'contact' | 'highRiskTravel';
type PublicCheckpoint = {
  name: string;
  kind: string;
  zoneName: string;
  status: 'active' | 'service_point' | 'closed';
  open: boolean;
  risk: { level: 'low' | 'medium' | 'high'; controlClass: string; measures: string } | null;
};
type Receipt = {
  id: string;
  code: string;
  at: number;
  checkpointName: string;
  direction: Direction;
  result: Result;
  persons: { id: string; name: string; result: Result; reasons: string[] }[];
  plate: string | null;
  replayed: boolean;
};
type Person = { name: string; idKind: IdKind; idNumber: string; phone: string };
/** What the phone remembers (never the health declaration). */
type Details = Person & {
  car: boolean;
  plateKind: 'ordinary' | 'new';
  plateProvince: string;
  plateRest: string;
  passengers: Person[];
  originProvince: string;
  originCity: string;
  destination: string;
  reason: string;
  direction: Direction | '';
};
type Health = Record<HealthKey, boolean | null>;

const STORE = 'ss-h5-registrant';
const HEALTH: HealthKey[] = ['fever', 'cough', 'contact', 'highRiskTravel'];
const ID_KINDS: IdKind[] = ['resident_id', 'passport', 'other'];
const MAX_PASSENGERS = 8;
/** Plate prefixes (one per provincial unit that issues plates). */
const PLATE_PROVINCES = '川渝京津沪冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏宁琼';
/** The 34 provincial units, as their short Chinese names (the value sent) and in English. */
const PROVINCES =
  '北京 Beijing|天津 Tianjin|河北 Hebei|山西 Shanxi|内蒙古 Inner Mongolia|辽宁 Liaoning|吉林 Jilin|黑龙江 Heilongjiang|上海 Shanghai|江苏 Jiangsu|浙江 Zhejiang|安徽 Anhui|福建 Fujian|江西 Jiangxi|山东 Shandong|河南 Henan|湖北 Hubei|湖南 Hunan|广东 Guangdong|广西 Guangxi|海南 Hainan|重庆 Chongqing|四川 Sichuan|贵州 Guizhou|云南 Yunnan|西藏 Tibet|陕西 Shaanxi|甘肃 Gansu|青海 Qinghai|宁夏 Ningxia|新疆 Xinjiang|台湾 Taiwan|香港 Hong Kong|澳门 Macao'
    .split('|')
    .map((p) => [p.slice(0, p.indexOf(' ')), p.slice(p.indexOf(' ') + 1)] as const);
/** Where a field's error is shown: paths as the API names them (passengers.0.idNumber). */
const KNOWN_PATH = /^(name|idKind|idNumber|phone|plate|originProvince|originCity|destination|reason|direction|health\.\w+|passengers\.\d+\.(name|idKind|idNumber|phone))$/;

const person = (): Person => ({ name: '', idKind: 'resident_id', idNumber: '', phone: '' });
export const blank = (): Details => ({
  ...person(),
  car: false,
  plateKind: 'ordinary',
  plateProvince: PLATE_PROVINCES[0]!,
  plateRest: '',
  passengers: [],
  originProvince: '',
  originCity: '',
  destination: '',
  reason: '',
  direction: '',
});
export const noHealth = (): Health => ({ fever: null, cough: null, contact: null, highRiskTravel: null });
const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;
const plateOf = (d: Details) => (d.plateProvince + d.plateRest).toUpperCase().replace(/[\s·•-]/g, '');
const clean = (s: string) => s.trim();
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
/** A label for a value the API may add to later: the value itself when there is none yet. */
const label = (key: string, fallback: string) => (i18n[currentLang()] as Record<string, string>)[key] ?? fallback;

function load(): Details | null {
  try {
    const raw = localStorage.getItem(STORE);
    return raw ? { ...blank(), ...(JSON.parse(raw) as Partial<Details>) } : null;
  } catch {
    return null;
  }
}
function store(d: Details | null): void {
  try {
    if (d) localStorage.setItem(STORE, JSON.stringify(d));
    else localStorage.removeItem(STORE);
  } catch {
    // storage off (private mode): nothing is remembered
  }
}

/** A key for one submission: random, made once, sent again on each retry of it. */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The reason a document number is refused on the phone, or null. */
export function documentError(kind: IdKind, raw: string): H5Key | null {
  const id = clean(raw).toUpperCase();
  if (!id) return 'required';
  if (kind !== 'resident_id') return /^[A-Za-z0-9]{5,20}$/.test(id) ? null : 'docBad';
  if (!/^\d{17}[\dX]$/.test(id)) return 'idLength';
  if (isValidResidentId(id)) return null;
  // The same rule again, to say which part is wrong: the birth date or the check digit.
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, day));
  return y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== day ? 'idDate' : 'idCheck';
}

export function validate(d: Details, health: Health): Record<string, string> {
  const errors: Record<string, string> = {};
  const need = (path: string, value: string) => {
    if (!clean(value)) errors[path] = t('required');
  };
  const checkPerson = (p: Person, at: string, phoneRequired: boolean) => {
    need(`${at}name`, p.name);
    const doc = documentError(p.idKind, p.idNumber);
    if (doc) errors[`${at}idNumber`] = t(doc);
    const phone = clean(p.phone);
    if (phoneRequired || phone) {
      if (!phone) errors[`${at}phone`] = t('required');
      else if (!MOBILE_RE.test(phone)) errors[`${at}phone`] = t('mobileBad');
    }
  };
  checkPerson(d, '', true);
  if (!d.direction) errors.direction = t('choose');
  if (d.car) {
    const plate = plateOf(d);
    const length = d.plateKind === 'new' ? 8 : 7;
    if (!d.plateRest.trim()) errors.plate = t('required');
    else if (plate.length !== length || !isValidPlate(plate)) errors.plate = t(d.plateKind === 'new' ? 'plateNew' : 'plateOrdinary');
    d.passengers.forEach((p, i) => checkPerson(p, `passengers.${i}.`, false));
  }
  if (!d.originProvince) errors.originProvince = t('choose');
  need('originCity', d.originCity);
  need('destination', d.destination);
  need('reason', d.reason);
  for (const k of HEALTH) if (health[k] === null) errors[`health.${k}`] = t('choose');
  return errors;
}

/** The details as they were sent: trimmed, document numbers and the plate in capitals. */
function normalized(d: Details): Details {
  const tidy = (p: Person): Person => ({ name: clean(p.name), idKind: p.idKind, idNumber: clean(p.idNumber).toUpperCase(), phone: clean(p.phone) });
  return { ...copy(d), ...tidy(d), plateRest: d.plateRest.toUpperCase().replace(/[\s·•-]/g, ''), passengers: d.passengers.map(tidy), originCity: clean(d.originCity), destination: clean(d.destination), reason: clean(d.reason) };
}

/** The body of the public POST (PublicRegistrationInput). */
function bodyOf(d: Details, health: Health) {
  const who = (p: Person) => ({ name: clean(p.name), idKind: p.idKind, idNumber: clean(p.idNumber).toUpperCase() });
  return {
    ...who(d),
    phone: clean(d.phone),
    plate: d.car ? plateOf(d) : null,
    passengers: d.car ? d.passengers.map((p) => ({ ...who(p), phone: clean(p.phone) || null })) : [],
    originProvince: d.originProvince,
    originCity: clean(d.originCity),
    destination: clean(d.destination),
    reason: clean(d.reason),
    direction: d.direction,
    health: { fever: !!health.fever, cough: !!health.cough, contact: !!health.contact, highRiskTravel: !!health.highRiskTravel },
    lang: currentLang(),
  };
}

export function registerPage(root: HTMLElement, token: string): Page {
  let cp: ApiResult<PublicCheckpoint> | null = null;
  /** The API's words when a submission found the checkpoint closed. */
  let closedMessage = '';
  let saved = load();
  let editing = !saved;
  let form: Details = saved ? copy(saved) : blank();
  let health: Health = noHealth();
  let remember = true;
  let errors: Record<string, string> = {};
  let formError = '';
  let notice = '';
  /** The submission being sent or waiting for a retry: its key never changes. */
  let pending: { key: string; body: ReturnType<typeof bodyOf>; details: Details; oneTap: boolean } | null = null;
  let busy = false;
  /** A failure the same submission may be retried after (network, rate limit, server). */
  let failure: string | null = null;
  let receipt: Receipt | null = null;

  async function loadCheckpoint() {
    cp = null;
    page.render();
    cp = await api<PublicCheckpoint>(`/api/public/checkpoints/${encodeURIComponent(token)}`);
    page.render();
  }

  function submitForm(e: Event) {
    e.preventDefault();
    errors = validate(form, health);
    formError = Object.keys(errors).length ? t('fixErrors') : '';
    if (formError) return void page.render(Object.keys(errors).map(fieldId)[0]);
    const details = normalized(form);
    pending = { key: newKey(), body: bodyOf(details, health), details, oneTap: false };
    void send();
  }

  function submitOneTap() {
    if (!saved || !saved.direction) return;
    const declared: Health = { fever: false, cough: false, contact: false, highRiskTravel: false };
    pending = { key: newKey(), body: bodyOf(saved, declared), details: copy(saved), oneTap: true };
    health = declared;
    void send();
  }

  async function send() {
    if (!pending || busy) return;
    busy = true;
    failure = null;
    notice = '';
    page.render();
    const sent = pending;
    const r = await api<Receipt>(`/api/public/checkpoints/${encodeURIComponent(token)}/registrations`, sent.body, { 'idempotency-key': sent.key });
    busy = false;
    if (r.ok) {
      pending = null;
      receipt = r.data;
      if (remember || sent.oneTap) store((saved = sent.details));
      else store((saved = null));
      editing = !saved;
      errors = {};
      formError = '';
      window.scrollTo(0, 0);
      return void page.render('result');
    }
    if (r.status === 0 || r.status === 408 || r.status === 429 || r.status >= 500) {
      failure = r.message; // the same submission, the same key
      return void page.render('failure');
    }
    pending = null;
    if (r.status === 409 && r.code === 'checkpoint.closed') {
      closedMessage = r.message;
      if (cp?.ok) cp.data.open = false;
    } else if (r.status === 404 || r.status === 410) {
      cp = r;
    } else if (r.status === 400 && Array.isArray(r.details)) {
      errors = {};
      const other: string[] = [];
      for (const d of r.details as { path?: string; message?: string }[]) {
        if (d.path && KNOWN_PATH.test(d.path)) errors[d.path] ??= d.message ?? '';
        else other.push(d.message ?? '');
      }
      formError = other.length ? other.join('；') : t('fixErrors');
      if (sent.oneTap) {
        editing = true;
        form = copy(sent.details);
      }
      return void page.render(Object.keys(errors).map(fieldId)[0]);
    } else {
      formError = r.message;
    }
    page.render();
  }

  // ---- pieces of the form
  function error(path: string): Child {
    return errors[path] ? h('small', { id: `${fieldId(path)}-error`, class: 'error' }, errors[path]) : null;
  }
  /** Typing in a field takes its error away (the next submission checks it again). */
  function typed(path: string, set: (v: string) => void) {
    return (e: Event) => {
      const el = e.target as HTMLInputElement;
      set(el.value);
      if (errors[path]) {
        delete errors[path];
        el.removeAttribute('aria-invalid');
        document.getElementById(`${fieldId(path)}-error`)?.remove();
        fixed();
      }
    };
  }
  /** Once every marked field is fixed, the summary goes too. */
  function fixed() {
    if (Object.keys(errors).length) return;
    formError = '';
    document.getElementById('form-error')?.remove();
  }
  function input(path: string, label: string, value: string, set: (v: string) => void, attrs: Record<string, string | number> = {}, hint?: string): HTMLElement {
    const id = fieldId(path);
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h('input', {
        id,
        name: path,
        value,
        'aria-invalid': errors[path] ? 'true' : null,
        'aria-describedby': [hint && `${id}-hint`, errors[path] && `${id}-error`].filter(Boolean).join(' ') || null,
        oninput: typed(path, set),
        ...attrs,
      }),
      hint && h('small', { id: `${id}-hint`, class: 'muted' }, hint),
      error(path),
    );
  }
  function select(path: string, label: string, value: string, options: [string, string][], set: (v: string) => void, rerender = false): HTMLElement {
    const id = fieldId(path);
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h(
        'select',
        {
          id,
          name: path,
          'aria-invalid': errors[path] ? 'true' : null,
          'aria-describedby': errors[path] ? `${id}-error` : null,
          onchange: (e: Event) => {
            typed(path, set)(e);
            if (rerender) page.render(id);
          },
        },
        ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
      ),
      error(path),
    );
  }
  /** Big tap targets: a row of radio buttons that look like buttons. */
  function choice<V extends string>(path: string, label: string, value: V | '' | null, options: [V, string][], set: (v: V) => void, rerender = false): HTMLElement {
    const id = fieldId(path);
    return h(
      'fieldset',
      { class: 'field choice', id, 'aria-invalid': errors[path] ? 'true' : null, 'aria-describedby': errors[path] ? `${id}-error` : null },
      h('legend', null, label),
      h(
        'div',
        { class: 'seg' },
        ...options.map(([v, text]) =>
          h(
            'label',
            null,
            h('input', {
              type: 'radio',
              name: path,
              value: v,
              checked: v === value,
              onchange: () => {
                set(v);
                if (errors[path]) {
                  delete errors[path];
                  document.getElementById(id)?.removeAttribute('aria-invalid');
                  document.getElementById(`${id}-error`)?.remove();
                  fixed();
                }
                if (rerender) page.render(`${id}`);
              },
            }),
            h('span', null, text),
          ),
        ),
      ),
      error(path),
    );
  }
  function documentFields(p: Person, at: string, phoneLabel: H5Key): Child[] {
    const resident = p.idKind === 'resident_id';
    return [
      input(`${at}name`, t('name'), p.name, (v) => (p.name = v), { autocomplete: at ? 'off' : 'name', maxlength: 50 }),
      select(`${at}idKind`, t('idKind'), p.idKind, ID_KINDS.map((k) => [k, t(`id_${k}`)]), (v) => (p.idKind = v as IdKind), true),
      input(
        `${at}idNumber`,
        t('idNumber'),
        p.idNumber,
        (v) => (p.idNumber = v),
        { autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: resident ? 18 : 20 },
        resident ? t('idHint') : undefined,
      ),
      input(`${at}phone`, t(phoneLabel), p.phone, (v) => (p.phone = v), { type: 'tel', inputmode: 'tel', autocomplete: at ? 'off' : 'tel', maxlength: 11 }),
    ];
  }

  function formView(): HTMLElement {
    const f = form;
    const car: Child[] = f.car
      ? [
          choice('plateKind', t('plateKind'), f.plateKind, [['ordinary', t('plate_ordinary')], ['new', t('plate_new')]], (v) => (f.plateKind = v), true),
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'f-plate' }, t('plate')),
            h(
              'div',
              { class: 'plate' },
              h(
                'select',
                { id: 'f-plateProvince', 'aria-label': t('province'), onchange: (e: Event) => (f.plateProvince = (e.target as HTMLSelectElement).value) },
                ...[...PLATE_PROVINCES].map((c) => h('option', { value: c, selected: c === f.plateProvince }, c)),
              ),
              h('input', {
                id: 'f-plate',
                name: 'plate',
                value: f.plateRest,
                autocomplete: 'off',
                autocapitalize: 'characters',
                spellcheck: 'false',
                maxlength: f.plateKind === 'new' ? 7 : 6,
                placeholder: f.plateKind === 'new' ? 'CD12345' : 'C12345',
                'aria-invalid': errors.plate ? 'true' : null,
                'aria-describedby': errors.plate ? 'f-plate-error' : null,
                oninput: typed('plate', (v) => (f.plateRest = v)),
              }),
            ),
            error('plate'),
          ),
          h(
            'fieldset',
            { class: 'group' },
            h('legend', null, t('passengers')),
            ...f.passengers.map((p, i) =>
              h(
                'div',
                { class: 'passenger', 'data-testid': 'passenger' },
                h(
                  'div',
                  { class: 'row' },
                  h('strong', null, t('passenger', { n: String(i + 1) })),
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'link',
                      onclick: () => {
                        f.passengers.splice(i, 1);
                        errors = Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith('passengers.')));
                        page.render('f-add');
                      },
                    },
                    t('remove'),
                  ),
                ),
                ...documentFields(p, `passengers.${i}.`, 'mobileOptional'),
              ),
            ),
            f.passengers.length < MAX_PASSENGERS &&
              h(
                'button',
                {
                  type: 'button',
                  id: 'f-add',
                  class: 'secondary',
                  onclick: () => {
                    f.passengers.push(person());
                    page.render(fieldId(`passengers.${f.passengers.length - 1}.name`));
                  },
                },
                t('addPassenger'),
              ),
          ),
        ]
      : [];
    const reasons = t('reasons').split('|');
    return h(
      'form',
      { class: 'card', novalidate: true, autocomplete: 'off', onsubmit: submitForm, 'data-testid': 'form' },
      h('h3', null, t('you')),
      ...documentFields(f, '', 'mobile'),
      choice('direction', t('direction'), f.direction, [['in', t('dir_in')], ['out', t('dir_out')]], (v) => (f.direction = v)),
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          id: 'f-car',
          checked: f.car,
          onchange: (e: Event) => {
            f.car = (e.target as HTMLInputElement).checked;
            page.render('f-car');
          },
        }),
        h('span', null, t('byCar')),
      ),
      ...car,
      h('h3', null, t('origin')),
      h(
        'div',
        { class: 'pair' },
        select('originProvince', t('province'), f.originProvince, [['', t('chooseProvince')], ...PROVINCES.map(([zh, en]): [string, string] => [zh, currentLang() === 'zh-CN' ? zh : en])], (v) => (f.originProvince = v)),
        input('originCity', t('city'), f.originCity, (v) => (f.originCity = v), { maxlength: 30, autocomplete: 'off' }),
      ),
      input('destination', t('destination'), f.destination, (v) => (f.destination = v), { maxlength: 100, autocomplete: 'off' }),
      input('reason', t('reason'), f.reason, (v) => (f.reason = v), { maxlength: 100, autocomplete: 'off' }),
      h(
        'div',
        { class: 'chips' },
        ...reasons.map((r) =>
          h(
            'button',
            {
              type: 'button',
              class: r === f.reason ? 'on' : null,
              onclick: () => {
                f.reason = r;
                delete errors.reason;
                page.render();
              },
            },
            r,
          ),
        ),
      ),
      h('h3', null, t('health')),
      h('p', { class: 'muted small' }, t('healthHint')),
      ...HEALTH.map((k) =>
        choice(`health.${k}`, t(`h_${k}`), health[k] === null ? null : health[k] ? 'yes' : 'no', [['no', t('no')], ['yes', t('yes')]], (v) => (health[k] = v === 'yes')),
      ),
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'checkbox', id: 'f-remember', checked: remember, onchange: (e: Event) => (remember = (e.target as HTMLInputElement).checked) }),
        h('span', null, t('remember')),
      ),
      h('p', { class: 'muted small' }, t('privacy')),
      formError && h('div', { id: 'form-error', class: 'notice bad', role: 'alert', 'data-testid': 'form-error' }, formError),
      ...sendButtons(t('submit'), 'submit', null),
    );
  }

  /** The submit button, and after a failure the retry that resends the same submission. */
  function sendButtons(label: Child, type: 'submit' | 'button', onclick: (() => void) | null): Child[] {
    if (failure && pending)
      return [
        h('div', { id: 'failure', class: 'notice bad', role: 'alert', tabindex: -1, 'data-testid': 'send-error' }, failure),
        h('button', { class: 'primary', type: 'button', disabled: busy, onclick: () => void send(), 'data-testid': 'retry' }, t(busy ? 'sending' : 'resend')),
      ];
    return [h('button', { class: 'primary', type, disabled: busy, 'aria-busy': busy ? 'true' : null, onclick, 'data-testid': 'submit' }, busy ? t('sending') : label)];
  }

  function oneTapView(s: Details): HTMLElement {
    const who = [s.name, s.car ? plateOf(s) : null, s.car && s.passengers.length ? t('andOthers', { n: String(s.passengers.length + 1) }) : null].filter(Boolean).join(' ');
    return h(
      'section',
      { class: 'card quick', 'data-testid': 'one-tap' },
      h('p', null, t('lastTime'), h('strong', { 'data-testid': 'saved-who' }, who)),
      choice('direction', t('direction'), s.direction, [['in', t('dir_in')], ['out', t('dir_out')]], (v) => {
        s.direction = v;
        store(s);
      }),
      formError && h('div', { class: 'notice bad', role: 'alert' }, formError),
      ...sendButtons(h('span', null, h('small', null, t('oneTapPledge')), t('oneTap')), 'button', submitOneTap),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            'data-testid': 'edit',
            onclick: () => {
              editing = true;
              form = copy(s);
              health = noHealth();
              pending = null;
              failure = formError = '';
              page.render();
            },
          },
          t('edit'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            'data-testid': 'forget',
            onclick: () => {
              store((saved = null));
              editing = true;
              form = blank();
              health = noHealth();
              pending = null;
              failure = formError = '';
              notice = t('forgotten');
              page.render();
            },
          },
          t('forget'),
        ),
      ),
    );
  }

  function checkpointView(c: PublicCheckpoint): HTMLElement {
    return h(
      'section',
      { class: 'card cp', 'data-testid': 'checkpoint' },
      h('p', { class: 'muted small' }, `${c.zoneName} · ${label(`kind_${c.kind}`, c.kind)}`),
      h('h2', null, c.name, c.status === 'service_point' && h('span', { class: 'badge' }, t('servicePoint'))),
      c.risk &&
        h(
          'div',
          { class: `risk ${c.risk.level}`, 'data-testid': 'risk' },
          h('strong', null, `${t(`risk_${c.risk.level}`)} · ${label(`cc_${c.risk.controlClass}`, c.risk.controlClass)}`),
          c.risk.measures && h('p', null, c.risk.measures),
        ),
    );
  }

  function resultView(r: Receipt): HTMLElement {
    const rows: [string, Child][] = [
      [t('time'), instant(r.at, true)],
      [t('checkpoint'), r.checkpointName],
      [t('direction'), t(`dir_${r.direction}`)],
      [t('plate'), r.plate],
    ];
    return h(
      'section',
      { id: 'result', tabindex: -1, 'data-testid': 'result', 'data-result': r.result },
      h(
        'div',
        { class: `outcome ${r.result}`, role: 'status', 'data-testid': 'colour', 'data-colour': r.result },
        h('span', { class: 'icon', 'aria-hidden': 'true' }, r.result === 'green' ? '✓' : r.result === 'yellow' ? '!' : '✕'),
        h('strong', null, t(`res_${r.result}`)),
        h('p', null, t(`hint_${r.result}`)),
      ),
      r.replayed && h('p', { class: 'notice', 'data-testid': 'replayed' }, t('replayed')),
      h('div', { class: 'card codecard' }, h('span', { class: 'muted' }, t('code')), h('strong', { class: 'code', 'data-testid': 'code' }, r.code), h('small', { class: 'muted' }, t('codeHint'))),
      h('dl', { class: 'card fields' }, ...rows.filter((row) => row[1]).flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
      h(
        'section',
        { class: 'card' },
        h('h3', null, t('people')),
        h(
          'ul',
          { class: 'people' },
          ...r.persons.map((p) =>
            h(
              'li',
              { 'data-testid': 'person', 'data-result': p.result },
              h('span', null, p.name, p.reasons.length > 0 && h('small', null, p.reasons.map((x) => label(`r_${x}`, x)).join(' · '))),
              h('span', { class: `badge ${p.result}` }, t(`short_${p.result}`)),
            ),
          ),
        ),
      ),
      h(
        'button',
        {
          class: 'primary',
          type: 'button',
          'data-testid': 'done',
          onclick: () => {
            receipt = null;
            health = noHealth();
            form = saved ? copy(saved) : blank();
            page.render();
            window.scrollTo(0, 0);
          },
        },
        t('done'),
      ),
    );
  }

  const page: Page & { render(focus?: string): void } = {
    /** Draws the page; `focus` names the element to keep the focus on (by id). */
    render(focus?: string) {
      const body: Child[] = [];
      if (!cp) body.push(h('p', { class: 'muted', role: 'status', 'aria-busy': 'true' }, t('loading')));
      else if (!cp.ok) {
        body.push(
          h('h2', null, t('registerTitle')),
          h('div', { class: 'notice bad', role: 'alert', 'data-testid': 'error' }, cp.message),
          (cp.status === 0 || cp.status >= 500) && h('button', { class: 'primary', type: 'button', onclick: () => void loadCheckpoint() }, t('retry')),
        );
      } else if (receipt) body.push(resultView(receipt));
      else {
        body.push(checkpointView(cp.data));
        if (!cp.data.open)
          body.push(
            h('div', { class: 'notice bad closed', role: 'alert', 'data-testid': 'closed' }, h('strong', null, t('closedTitle')), h('p', null, closedMessage || t('closedHint'))),
          );
        else {
          if (notice) body.push(h('div', { class: 'notice ok', role: 'status' }, notice));
          body.push(saved && !editing ? oneTapView(saved) : formView());
        }
      }
      root.replaceChildren(...body.filter((b): b is Node => !!b));
      // A group of radio buttons takes the focus on its chosen (or first) button.
      const el = focus ? document.getElementById(focus) : null;
      (el?.tagName === 'FIELDSET' ? (el.querySelector<HTMLElement>('input:checked') ?? el.querySelector('input')) : el)?.focus();
    },
  };
  void loadCheckpoint();
  return page;
}
