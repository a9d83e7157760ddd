// A small, safe Markdown subset for the online filing guide (网上办事申报流程): headings,
// paragraphs (a single line break stays a break), **bold**, *italic*, `code`, ordered and
// unordered lists, and links to http/https only. The parser builds a tree of plain data; the
// renderer (Markdown.tsx) turns it into React elements, so text is always text: raw HTML,
// `javascript:` links and the like can only ever show up as the characters they are.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'break' }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] };

/** The URL of a link when it is an absolute http or https URL; null for anything else. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  // Browsers drop tabs and line breaks inside URLs (`java\tscript:`); refuse any control character.
  // eslint-disable-next-line no-control-regex
  if (!href || /[\u0000-\u001f\u007f\s]/.test(href)) return null;
  if (!/^https?:\/\//i.test(href)) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const ESCAPABLE = new Set('\\`*_{}[]()#+-.!>|~'.split(''));
const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Index of the closing `delim` for an opening one that ends just before `from`, or -1. */
function closing(s: string, delim: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(delim, i) && i > from && s[i - 1] !== ' ') {
      // `*` closing must not be the start of `**`, and `_` must not sit inside a word.
      if (delim.length === 1 && s[i + 1] === delim) {
        i++;
        continue;
      }
      if (delim === '_' && isWordChar(s[i + 1])) continue;
      return i;
    }
  }
  return -1;
}

/** The `](url)` part of a link starting at `[` (index `open`), or null. */
function linkAt(s: string, open: number): { textEnd: number; href: string; end: number } | null {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) {
        if (s[i + 1] !== '(') return null;
        // The URL ends at the `)` that balances its `(`: https://x/a_(b) stays whole.
        let parens = 0;
        for (let j = i + 2; j < s.length; j++) {
          if (s[j] === '(') parens++;
          else if (s[j] === ')') {
            if (parens === 0) return { textEnd: i, href: s.slice(i + 2, j), end: j + 1 };
            parens--;
          } else if (s[j] === '\n') return null;
        }
        return null;
      }
    }
  }
  return null;
}

export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && ESCAPABLE.has(s[i + 1]!)) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '\n') {
      flush();
      out.push({ type: 'break' });
      i++;
      continue;
    }
    if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: 'code', text: s.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if ((c === '*' || c === '_') && s[i + 1] === c && s[i + 2] !== ' ' && s[i + 2] !== undefined) {
      const end = closing(s, c + c, i + 2);
      if (end > 0) {
        flush();
        out.push({ type: 'strong', children: parseInline(s.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((c === '*' || c === '_') && s[i + 1] !== c && s[i + 1] !== ' ' && s[i + 1] !== undefined && !(c === '_' && isWordChar(s[i - 1]))) {
      const end = closing(s, c, i + 1);
      if (end > 0) {
        flush();
        out.push({ type: 'em', children: parseInline(s.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      const link = linkAt(s, i);
      if (link) {
        const children = parseInline(s.slice(i + 1, link.textEnd));
        const href = safeHref(link.href);
        flush();
        // A link to anything but http(s) keeps its words and loses its target.
        if (href) out.push({ type: 'link', href, children });
        else out.push(...children);
        i = link.end;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const BULLET = /^[ \t]{0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^[ \t]{0,3}(\d{1,9})[.)][ \t]+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | null = null;
  const endPara = () => {
    if (para.length) blocks.push({ type: 'paragraph', children: parseInline(para.join('\n')) });
    para = [];
  };
  const endList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, start: list.start, items: list.items.map(parseInline) });
    list = null;
  };
  for (const line of lines) {
    if (!line.trim()) {
      endPara();
      endList();
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      endPara();
      endList();
      blocks.push({ type: 'heading', level: h[1]!.length as 1 | 2 | 3 | 4 | 5 | 6, children: parseInline(h[2]!) });
      continue;
    }
    const b = BULLET.exec(line);
    const o = b ? null : ORDERED.exec(line);
    if (b || o) {
      endPara();
      const ordered = !!o;
      if (list && list.ordered !== ordered) endList();
      if (!list) list = { ordered, start: o ? Number(o[1]) : 1, items: [] };
      list.items.push((b ? b[1] : o![2])!);
      continue;
    }
    // A line right under a list item, indented, continues that item.
    if (list && /^[ \t]+\S/.test(line)) {
      list.items[list.items.length - 1] += `\n${line.trim()}`;
      continue;
    }
    endList();
    para.push(line.trim());
  }
  endPara();
  endList();
  return blocks;
}
