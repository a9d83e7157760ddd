// The guide's Markdown: the subset it knows, and nothing that runs.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './components/Markdown';
import { parseInline, parseMarkdown, safeHref } from './markdown';

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe('guide markdown', () => {
  it('renders headings, paragraphs, emphasis, lists and links', () => {
    const out = html(
      ['# 办理流程', '', '登录**一网通办**平台，选择*企业开办*。', '第二行', '', '1. 填写申请', '2. 上传材料', '', '- 营业执照', '- 公章', '', '详见[指南](https://www.gov.cn/a?b=1&c=2)。'].join('\n'),
    );
    expect(out).toContain('<h3 style="font-size:18px;font-weight:600;margin:12px 0 8px">办理流程</h3>');
    expect(out).toContain('<p style="margin:0 0 8px">登录<strong>一网通办</strong>平台，选择<em>企业开办</em>。<br/>第二行</p>');
    expect(out).toMatch(/<ol[^>]*><li[^>]*>填写申请<\/li><li[^>]*>上传材料<\/li><\/ol>/);
    expect(out).toMatch(/<ul[^>]*><li[^>]*>营业执照<\/li><li[^>]*>公章<\/li><\/ul>/);
    expect(out).toContain('<a href="https://www.gov.cn/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer nofollow">指南</a>');
  });

  it('keeps an ordered list starting elsewhere and nested emphasis', () => {
    expect(parseMarkdown('3. 三\n4. 四')).toEqual([{ type: 'list', ordered: true, start: 3, items: [[{ type: 'text', text: '三' }], [{ type: 'text', text: '四' }]] }]);
    expect(parseInline('**粗 *斜* 体**')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: '粗 ' }, { type: 'em', children: [{ type: 'text', text: '斜' }] }, { type: 'text', text: ' 体' }] },
    ]);
  });

  it('leaves snake_case words, lone stars and escaped marks alone', () => {
    expect(parseInline('file_name_here 2 * 3 = 6 \\*x\\*')).toEqual([{ type: 'text', text: 'file_name_here 2 * 3 = 6 *x*' }]);
  });

  it('shows raw HTML as text, never as markup', () => {
    const out = html('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n# <b onclick="x()">t</b>\n\n- <iframe src="javascript:alert(1)">');
    expect(out).not.toMatch(/<script|<img|<iframe|<b /i);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(out).toContain('&lt;b onclick=&quot;x()&quot;&gt;t&lt;/b&gt;');
  });

  it('drops the target of links that are not http or https, keeping their words', () => {
    const bad = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'javascript&#58;alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      '//evil.example/x',
      '/relative',
      'https:evil',
      'http://exa mple.com',
    ];
    for (const href of bad) {
      const out = html(`[点这里](${href})`);
      expect(out, href).not.toContain('<a');
      expect(out, href).toContain('点这里');
      expect(out, href).not.toContain(')');
      expect(safeHref(href), href).toBeNull();
    }
  });

  it('keeps balanced parentheses inside a URL', () => {
    expect(parseInline('[wiki](https://en.wikipedia.org/wiki/Hefei_(city)) end')).toEqual([
      { type: 'link', href: 'https://en.wikipedia.org/wiki/Hefei_(city)', children: [{ type: 'text', text: 'wiki' }] },
      { type: 'text', text: ' end' },
    ]);
  });

  it('cannot break out of the href attribute', () => {
    const out = html('[x](https://a.example/"onmouseover="alert(1))');
    expect(out).not.toMatch(/<a[^>]*\sonmouseover=/);
    const href = /href="([^"]*)"/.exec(out)?.[1] ?? '';
    expect(href).not.toContain('"');
    expect(href.startsWith('https://a.example/')).toBe(true);
  });

  it('says nothing for an empty guide but what it is given', () => {
    expect(parseMarkdown('  \n\n ')).toEqual([]);
    expect(renderToStaticMarkup(createElement(Markdown, { source: '', empty: '无' }))).toContain('无');
  });
});
