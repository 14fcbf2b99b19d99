import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, plainExcerpt, safeHref } from './markdown';

describe('article markdown', () => {
  it('parses headings, lists and paragraphs', () => {
    const blocks = parseMarkdown('# 通知\n国庆期间\n正常受理。\n\n- 窗口一\n- 窗口二\n1. 第一\n2. 第二');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list']);
    expect(blocks[0]).toMatchObject({ level: 2 });
    expect(blocks[1]).toMatchObject({ lines: [[{ kind: 'text', text: '国庆期间' }], [{ kind: 'text', text: '正常受理。' }]] });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: '窗口一' }], [{ text: '窗口二' }]] });
    expect(blocks[3]).toMatchObject({ ordered: true });
  });

  it('keeps HTML and unsafe links as plain text', () => {
    expect(parseInline('<script>alert(1)</script>')).toEqual([{ kind: 'text', text: '<script>alert(1)</script>' }]);
    expect(parseInline('[点我](javascript:alert(1))')[0]!.kind).toBe('text');
    expect(parseInline('见[办事指南](/items)和**重要**')).toEqual([
      { kind: 'text', text: '见' }, { kind: 'link', text: '办事指南', href: '/items' }, { kind: 'text', text: '和' }, { kind: 'bold', text: '重要' },
    ]);
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('https://www.gov.cn/')).toBe('https://www.gov.cn/');
  });

  it('gives a plain excerpt', () => {
    expect(plainExcerpt('# 标题\n**加粗**内容', 6)).toBe('标题 加粗内…');
  });
});
