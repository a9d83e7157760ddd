export type H5Lang = 'zh-CN' | 'en-US';

const zhCN = {
  title: '双胜 · 公共服务',
  lead: '示范高新区面向公众的手机页面。',
  soon: '扫码登记、办件进度查询、线上招聘会等服务开通后，扫描现场二维码即可进入。',
};

export const i18n: Record<H5Lang, typeof zhCN> = {
  'zh-CN': zhCN,
  'en-US': {
    title: 'Shuangsheng · Public services',
    lead: "The zone's pages for the public, made for phones.",
    soon: 'QR registration, application progress lookup and online job fairs open here once in service: scan the QR code on site.',
  },
};
