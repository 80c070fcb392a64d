// The pure parts of issues as records: the de-duplication key, the date check against the text's
// own dates, and the calendar's gaps.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentKeyOf, dedupeText } from '@/lib/ingest/content-key';
import { checkIssueDate, proposeIssueDate, todayInChina } from '@/lib/ingest/issue-date';
import { buildCalendar, findGaps } from '@/lib/issues/calendar';
import { duplicateMessage } from '@/lib/ingest/messages';

const DEMO = readFileSync('prisma/seed/demo/xiangtan-daily-2023-05-19.txt', 'utf8');

describe('de-duplication key', () => {
  it.each([
    ['full-width punctuation', '本报讯(记者 张三)今年,园区完成投资45.6亿元:同比增长12%.', '本报讯（记者　张三）今年，园区完成投资45.6亿元：同比增长12%。'],
    ['full-width digits and letters', '完成GDP 45.6亿元', '完成ＧＤＰ　４５.６亿元'],
    ['Chinese and ASCII quotes', '"八五"普法', '“八五”普法'],
    ['compatibility ideographs and radicals', '⻓沙市', '长沙市'],
    ['spaces cut into the text and line breaks', '湘潭经开区 完成投资\n\n45.6亿元', '湘潭经开区完成投资45.6亿元'],
  ])('%s give the same key', (_name, a, b) => {
    expect(dedupeText(a)).toBe(dedupeText(b));
    expect(contentKeyOf(a)).toBe(contentKeyOf(b));
  });
  it('a different figure is a different issue', () => {
    expect(contentKeyOf('完成投资45.6亿元')).not.toBe(contentKeyOf('完成投资45.7亿元'));
  });
});

describe('issue date', () => {
  it('today is Beijing time', () => {
    expect(todayInChina(new Date('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
    expect(todayInChina(new Date('2026-12-01T15:00:00Z'))).toBe('2026-12-01');
  });
  it('proposes the day after the latest dateline (the demo issue: datelines 5月18日 → 2023-05-19)', () => {
    expect(proposeIssueDate(DEMO, 2023)).toEqual({ date: '2023-05-19', basis: 'dateline' });
    // Without a hint: the latest year the text reports from (2023, not 2022 which it names more often).
    expect(proposeIssueDate(DEMO)).toEqual({ date: '2023-05-19', basis: 'dateline' });
    expect(proposeIssueDate('本报讯 5月18日，力争到2025年园区产值翻番，2022年完成产值100亿元。')).toEqual({ date: '2022-05-19', basis: 'dateline' });
    expect(checkIssueDate(DEMO, '2023-05-19', '2026-12-02')).toMatchObject({ error: null, warning: null, proposed: '2023-05-19' });
  });
  it('prefers a masthead date at the top', () => {
    const text = '湘潭日报 2024年3月8日 星期五\n\n标题\n\n本报讯 3月6日，……';
    expect(proposeIssueDate(text)).toEqual({ date: '2024-03-08', basis: 'masthead' });
  });
  it('refuses a date after today and warns when the text points elsewhere', () => {
    expect(checkIssueDate(DEMO, '2027-01-01', '2026-12-02').error).toMatch(/晚于今天/);
    const far = checkIssueDate(DEMO, '2023-08-01', '2026-12-02');
    expect(far.error).toBeNull();
    expect(far.warning).toMatch(/2023-05-19/);
  });
  it('says nothing when the text has no dates', () => {
    expect(checkIssueDate('园区新增企业15家。', '2023-01-01', '2026-12-02')).toEqual({ error: null, warning: null, proposed: null, basis: null });
  });
});

describe('calendar', () => {
  it('lists the runs of days without a live issue between the first and the last', () => {
    expect(findGaps(['2023-05-01', '2023-05-02', '2023-05-05', '2023-05-07'])).toEqual([
      { from: '2023-05-03', to: '2023-05-04', days: 2 },
      { from: '2023-05-06', to: '2023-05-06', days: 1 },
    ]);
    expect(findGaps(['2023-05-01'])).toEqual([]);
  });
  it('lays a month out from Monday and counts days with a live issue', () => {
    const months = buildCalendar(2023, [
      { id: 1, date: '2023-05-19', page: '1', withdrawn: false, articles: 3, drafts: 1, approved: 2 },
      { id: 2, date: '2023-05-20', page: '1', withdrawn: true, articles: 3, drafts: 0, approved: 0 },
    ]);
    const may = months[4]!;
    expect(may.issueDays).toBe(1);
    // 2023-05-01 is a Monday: no empty cells before it.
    expect(may.cells[0]?.date).toBe('2023-05-01');
    expect(may.cells.filter(Boolean)).toHaveLength(31);
    const june = months[5]!;
    expect(june.cells.findIndex(Boolean)).toBe(3); // 2023-06-01 is a Thursday
  });
});

describe('duplicate message', () => {
  it('names the other date, and a withdrawn issue', () => {
    expect(duplicateMessage({ issueId: 7, duplicateOf: { date: '2023-05-19', publication: '湘潭日报', page: '1', withdrawn: false } }, '2023-05-20')).toBe(
      '这期报纸已导入过（期次 #7，日期为 2023-05-19，不是 2023-05-20），未做任何更改',
    );
    expect(duplicateMessage({ issueId: 7, duplicateOf: { date: '2023-05-19', publication: '湘潭日报', page: '1', withdrawn: true } }, '2023-05-19')).toMatch(/已撤回/);
  });
});
