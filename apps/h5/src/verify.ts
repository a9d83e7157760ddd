// /h5/verify/<code>: what a QR code on an e-licence opens. A clear verdict first, then the
// licence's particulars so that the reader can compare them with the paper in hand.
import { api, date, h, t, type ApiResult, type Child, type Page } from './ui';

type Verification = {
  genuine: boolean;
  status: 'valid' | 'revoked' | null;
  zoneName: string | null;
  licenceName: string | null;
  number: string | null;
  holderName: string | null;
  itemName: string | null;
  issuedOn: string | null;
  revokedOn: string | null;
};

export function verifyPage(root: HTMLElement, code: string): Page {
  let state: ApiResult<Verification> | 'loading' = 'loading';

  async function load() {
    state = 'loading';
    page.render();
    state = code ? await api<Verification>(`/api/public/licences/${encodeURIComponent(code)}`) : { ok: false, status: 400, message: t('noCode') };
    page.render();
  }

  function verdict(v: Verification): HTMLElement {
    const kind = !v.genuine ? 'forged' : v.status === 'revoked' ? 'revoked' : 'valid';
    const sub = kind === 'valid' ? t('validHint') : kind === 'revoked' ? (v.revokedOn ? t('revokedOn', { date: date(v.revokedOn) }) : '') : t('forgedHint');
    return h(
      'section',
      { class: `verdict ${kind === 'valid' ? 'ok' : 'bad'}`, role: 'status', 'data-testid': 'verdict', 'data-verdict': kind },
      h('span', { class: 'icon', 'aria-hidden': 'true' }, kind === 'valid' ? '✓' : '✕'),
      h('strong', null, t(kind)),
      sub && h('p', null, sub),
    );
  }

  function details(v: Verification): HTMLElement | null {
    const issuedOn = v.issuedOn && date(v.issuedOn);
    const revokedOn = v.revokedOn && date(v.revokedOn);
    const rows: [string, string | null][] = [
      [t('licenceName'), v.licenceName],
      [t('licenceNumber'), v.number],
      [t('holderName'), v.holderName],
      [t('itemName'), v.itemName],
      [t('issuer'), v.zoneName],
      [t('issuedOn'), issuedOn],
      [t('revokedOnLabel'), revokedOn],
    ];
    const shown = rows.filter((r): r is [string, string] => !!r[1]);
    return shown.length ? h('dl', { class: 'card fields' }, ...shown.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)])) : null;
  }

  const page: Page = {
    render() {
      const body: Child[] = [];
      if (state === 'loading') body.push(h('p', { class: 'muted', role: 'status', 'aria-busy': 'true' }, t('checking')));
      else if (state.ok) body.push(verdict(state.data), details(state.data));
      else {
        const again = state.status === 0 || state.status >= 500;
        body.push(
          h('div', { class: 'notice bad', role: 'alert', 'data-testid': 'error' }, state.message),
          again && h('button', { class: 'primary', type: 'button', onclick: () => void load() }, t('retry')),
        );
      }
      root.replaceChildren(h('h2', null, t('verifyTitle')), ...body.filter((b): b is Node => !!b));
    },
  };
  void load();
  return page;
}
