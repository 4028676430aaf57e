import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { detectOfficialHeading, splitRunIn } from '../../src/official-headings/headings.ts';
import { officialHeadingsPlugin } from '../../src/official-headings/mdast-plugin.ts';

describe('detectOfficialHeading', () => {
  it.each([
    ['一、2020年工作总结', 2, '一、'],
    ['十二、其他', 2, '十二、'],
    ['（一）政务服务', 3, '（一）'],
    ['(一)政务服务', 3, '(一)'],
    ['（十一）半角全角混用)', 3, '（十一）'],
    ['1．第三级', 4, '1．'],
    ['1.第三级', 4, '1.'],
    ['12、第三级', 4, '12、'],
    ['（1）第四级', 5, '（1）'],
    ['(2)第四级', 5, '(2)'],
  ])('%s is level %i', (text, depth, marker) => {
    expect(detectOfficialHeading(text)).toEqual({ depth, marker });
  });

  it.each(['一是严把质量关', '2020年是', '1.5亿元投资', '——法治政府建设有新突破', '一、', '（一）', '普通段落'])(
    '%s is not a heading',
    (text) => {
      expect(detectOfficialHeading(text)).toBeNull();
    },
  );
});

describe('splitRunIn', () => {
  it('splits after the first 。 and keeps every character', () => {
    const text = '(一)政务服务协调保障能力明显提升。紧紧围绕红坳村整村搬迁。全年共组织政务活动1930个。';
    const { heading, body } = splitRunIn(text);
    expect(heading).toBe('(一)政务服务协调保障能力明显提升。');
    expect(body).toBe('紧紧围绕红坳村整村搬迁。全年共组织政务活动1930个。');
    expect(heading + body).toBe(text);
  });

  it('leaves a heading with no body alone', () => {
    expect(splitRunIn('一、2020年工作总结')).toEqual({ heading: '一、2020年工作总结', body: '' });
    expect(splitRunIn('（二）只有一句。')).toEqual({ heading: '（二）只有一句。', body: '' });
  });
});

describe('official headings Markdown transform', () => {
  const render = (md: string) => markdownToHtml(md, { mdastPlugins: [officialHeadingsPlugin] }).html;

  it('promotes numbered paragraphs to h2–h5', () => {
    const html = render('一、总体情况\n\n（一）第二级\n\n1．第三级\n\n（1）第四级\n');
    expect(html).toContain('<h2>一、总体情况</h2>');
    expect(html).toContain('<h3>（一）第二级</h3>');
    expect(html).toContain('<h4>1．第三级</h4>');
    expect(html).toContain('<h5>（1）第四级</h5>');
  });

  it('splits a run-in heading into a heading and its paragraph, keeping inline markup', () => {
    const html = render('(一)政务服务协调保障能力明显提升。紧紧围绕**红坳村**整村搬迁。\n');
    expect(html).toBe('<h3>(一)政务服务协调保障能力明显提升。</h3>\n<p>紧紧围绕<strong>红坳村</strong>整村搬迁。</p>\n');
  });

  it('splits the run-in body off an explicit Markdown heading but keeps its depth', () => {
    const html = render('### （二）综合文字服务保障有力。全年完成文字材料500多篇。\n');
    expect(html).toBe('<h3>（二）综合文字服务保障有力。</h3>\n<p>全年完成文字材料500多篇。</p>\n');
  });

  it('leaves numbering inside lists and ordinary paragraphs alone', () => {
    const html = render('- （一）列表项\n\n一是严把质量关。二是加强协调。\n');
    expect(html).toContain('<li>（一）列表项</li>');
    expect(html).toContain('<p>一是严把质量关。二是加强协调。</p>');
    expect(html).not.toMatch(/<h\d/);
  });
});
