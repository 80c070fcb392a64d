// Segmentation of a page into articles (headline lines, dateline and byline, body; photo
// captions) and of bodies into sentences, on pages laid out the way the e-paper cut gives them.
import { describe, expect, it } from 'vitest';
import { normalizeIssueText } from '@/lib/extract/normalize';
import { endsSentence, segmentArticles, splitSentences } from '@/lib/extract/segment';

const page = (...parts: string[]) => normalizeIssueText(parts.join('\n\n'));

describe('segmentArticles', () => {
  it('splits a page at its datelines, with headline, byline and dateline', () => {
    const text = page(
      '全市平安建设工作推进会召开',
      '本报讯(记者 刘建强)5月18日上午,全市平安建设工作推进会召开。',
      '会议通报了2022年度考核情况。',
      '23名见义勇为先进个人受表彰',
      '本报讯（记者 刘建强）5月18日下午,23人被授予荣誉称号。',
    );
    const arts = segmentArticles(text);
    expect(arts.map((a) => [a.ordinal, a.kind, a.headline])).toEqual([
      [0, 'news', '全市平安建设工作推进会召开'],
      [1, 'news', '23名见义勇为先进个人受表彰'],
    ]);
    expect(arts[0]?.byline).toBe('记者刘建强');
    expect(arts[0]?.dateline).toBe('本报讯(记者刘建强)');
    expect(arts[0]?.body).toContain('会议通报了2022年度考核情况。');
    expect(arts[0]?.body).not.toContain('见义勇为');
    expect(arts[1]?.body).toContain('23人被授予荣誉称号');
  });

  it('keeps a kicker (引题) apart from the headline', () => {
    const arts = segmentArticles(page('补短板、堵漏洞、强弱项', '我市全力迎接"八五"普法中期评估', '本报讯(记者 吴珊)5月18日,我市召开会议。'));
    expect(arts[0]?.headline).toBe('我市全力迎接"八五"普法中期评估');
    expect(arts[0]?.subheadlines).toEqual(['补短板、堵漏洞、强弱项']);
  });

  it('joins a headline broken over two lines under a kicker', () => {
    const arts = segmentArticles(page('学习"湘"当红', '市两新组织出资人(负责人)暨', '高端经营管理人才示范培训班举行', '本报讯(记者 陈静)学习"湘"当红。'));
    expect(arts[0]?.headline).toBe('市两新组织出资人(负责人)暨高端经营管理人才示范培训班举行');
    expect(arts[0]?.subheadlines).toEqual(['学习"湘"当红']);
  });

  it('takes a dateline with a local station as byline (湘乡记者站)', () => {
    const arts = segmentArticles(page('警示教育片成为"热播剧"', '本报讯(湘乡记者站 何兴安 通讯员 吴莎)截至目前,已有120余家单位观看。'));
    expect(arts[0]?.byline).toBe('湘乡记者站何兴安通讯员吴莎');
  });

  it('makes a photo caption an article of its own, titled from its first clause', () => {
    const arts = segmentArticles(
      page(
        '生态环境部门开展臭氧污染防控培训',
        '本报讯(记者 廖艳霞)日前,市生态环境局举办培训。',
        '本报记者 李新辉 摄影报道',
        '近日,在韶山高新区的产业园项目现场,施工人员正在进行外墙装修(见图)。总投资达23858万元。',
      ),
    );
    expect(arts).toHaveLength(2);
    const photo = arts[1];
    expect(photo?.kind).toBe('photo');
    expect(photo?.headline).toMatch(/韶山高新区的产业园项目现场.*\(图片报道\)$/);
    expect(photo?.byline).toContain('李新辉');
    expect(photo?.body).toContain('总投资达23858万元');
    expect(arts[0]?.body).not.toContain('23858');
  });

  it('re-joins a paragraph broken across columns (no sentence-final punctuation)', () => {
    const arts = segmentArticles(page('标题一', '本报讯(记者 王超)为我市150余名科技特派员讲解科技政策。接下来,科技部门将为乡村', '振兴贡献智慧和力量。', '另起一段。'));
    const body = arts[0]?.body ?? '';
    expect(body).toContain('将为乡村振兴贡献智慧和力量。');
    expect(body).toContain('力量。\n另起一段。');
  });

  it('does not join paragraphs that end a sentence, with ASCII or full-width punctuation', () => {
    for (const end of ['。', '!', '?', ';', '！', '？', '；', '。”', '."']) {
      const arts = segmentArticles(page('标题', `本报讯(记者 甲)第一段${end}`, '第二段。'));
      expect(arts[0]?.body.endsWith(`第一段${end}\n第二段。`)).toBe(true);
    }
  });

  it('does not glue the next article’s headline to a broken last paragraph', () => {
    const arts = segmentArticles(page('标题一', '本报讯(记者 甲)全市新增企业12家,为乡村', '标题二', '本报讯(记者 乙)新增项目8个。'));
    expect(arts).toHaveLength(2);
    expect(arts[0]?.body).not.toContain('标题二');
    expect(arts[1]?.headline).toBe('标题二');
  });

  it('gives text before the first headline to the first article, and every body a headline', () => {
    const arts = segmentArticles(page('上一版转来的内容,全市新增企业12家。', '标题一', '本报讯(记者 甲)新增项目8个。'));
    expect(arts.every((a) => a.headline.length > 0)).toBe(true);
    expect(arts.map((a) => a.body).join('\n')).toContain('全市新增企业12家');
  });

  it('returns no article for empty or blank text, one for text without datelines', () => {
    expect(segmentArticles('')).toEqual([]);
    expect(segmentArticles(normalizeIssueText(' \n\n \n'))).toEqual([]);
    const arts = segmentArticles('全市新增企业12家。同比增长8.5%。');
    expect(arts).toHaveLength(1);
    expect(arts[0]?.body).toContain('同比增长8.5%');
  });

  it('numbers articles 0…n-1 in page order', () => {
    const parts: string[] = [];
    for (let k = 0; k < 6; k++) parts.push(`标题${k}`, `本报讯(记者 甲)正文${k}。`);
    expect(segmentArticles(page(...parts)).map((a) => a.ordinal)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('endsSentence', () => {
  it.each([
    ['完成了任务。', true],
    ['他说:"好!"', true],
    ['他说:“好。”', true],
    ['为乡村', false],
    ['(见图)', false],
    ['增长12%;', true],
    ['达到先进水平.', true],
    ['精益生产4.', false],
    ['', false],
  ])('%s → %s', (p, expected) => {
    expect(endsSentence(p)).toBe(expected);
  });
});

describe('splitSentences', () => {
  it('splits after 。！？；!?; and line breaks, keeping closing quotes, with exact offsets', () => {
    const body = '标题\n他说:"今年力争增长8%。"去年增长6%!目前已完成;下一步?继续';
    const ss = splitSentences(body);
    expect(ss.map((s) => s.text)).toEqual(['标题', '他说:"今年力争增长8%。"', '去年增长6%!', '目前已完成;', '下一步?', '继续']);
    for (const s of ss) expect(body.slice(s.start, s.end)).toBe(s.text);
  });

  it('treats an ellipsis (……) as an end', () => {
    const ss = splitSentences('救助10多名落水者……2022年,涌现出一大批先进个人。');
    expect(ss.length).toBeGreaterThanOrEqual(2);
    expect(ss[ss.length - 1]?.text).toContain('2022年');
  });
});
