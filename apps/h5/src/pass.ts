// /h5/p/<token>: what a building pass's QR code opens (出入证). A card in the pass's colour (the
// colour of its floor) with the verdict first — valid, revoked or expired — so a guard sees it at a
// glance; the holder's name comes masked.
import { api, currentLang, date, h, t, type ApiResult, type Child, type Page } from './ui';
import { i18n } from './i18n';

type PublicPass = {
  holderName: string;
  buildingName: string;
  floor: number;
  colour: string;
  status: 'active' | 'revoked';
  validUntil: string | null;
  valid: boolean;
};

const label = (key: string, fallback: string) => (i18n[currentLang()] as Record<string, string>)[key] ?? fallback;
const floorName = (n: number) => (n < 0 ? t('basementN', { n: String(-n) }) : t('floorN', { n: String(n) }));

export function passPage(root: HTMLElement, token: string): Page {
  let state: ApiResult<PublicPass> | null = null;

  async function load() {
    state = null;
    page.render();
    state = await api<PublicPass>(`/api/public/passes/${encodeURIComponent(token)}`);
    page.render();
  }

  function card(p: PublicPass): HTMLElement {
    const verdict = p.status === 'revoked' ? 'revoked' : p.valid ? 'valid' : 'expired';
    const rows: [string, Child][] = [
      [t('passHolder'), p.holderName],
      [t('building'), p.buildingName],
      [t('floor'), floorName(p.floor)],
      [t('colour'), label(`pc_${p.colour}`, p.colour)],
      [t('validUntil'), p.validUntil ? date(p.validUntil) : t('noEnd')],
    ];
    return h(
      'section',
      { class: `card pass pc-${p.colour}`, 'data-testid': 'pass', 'data-verdict': verdict, 'data-colour': p.colour },
      h('div', { class: 'band' }, h('span', null, p.buildingName), h('strong', null, floorName(p.floor))),
      h(
        'div',
        { class: `verdict ${verdict === 'valid' ? 'ok' : 'bad'}`, role: 'status', 'data-testid': 'verdict' },
        h('span', { class: 'icon', 'aria-hidden': 'true' }, verdict === 'valid' ? '✓' : '✕'),
        h('strong', null, t(verdict === 'valid' ? 'passValid' : verdict === 'revoked' ? 'passRevoked' : 'passExpired')),
      ),
      h('dl', { class: 'fields' }, ...rows.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    );
  }

  const page: Page = {
    render() {
      const body: Child[] = [h('h2', null, t('passTitle'))];
      if (!state) body.push(h('p', { class: 'muted', role: 'status', 'aria-busy': 'true' }, t('checking')));
      else if (state.ok) body.push(card(state.data));
      else
        body.push(
          h('div', { class: 'notice bad', role: 'alert', 'data-testid': 'error' }, state.message),
          (state.status === 0 || state.status >= 500) && h('button', { class: 'primary', type: 'button', onclick: () => void load() }, t('retry')),
        );
      root.replaceChildren(...body.filter((b): b is Node => !!b));
    },
  };
  void load();
  return page;
}
