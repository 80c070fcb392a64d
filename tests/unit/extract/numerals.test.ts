// Numerals to exact decimals: Chinese, Arabic, financial, full-width and mixed spellings.
import { describe, expect, it } from 'vitest';
import { parseNumeral } from '@/lib/extract/numerals';

const CASES: [string, string][] = [
  // Chinese numerals
  ['零', '0'], ['〇', '0'], ['十', '10'], ['十一', '11'], ['二十三', '23'], ['两百', '200'], ['一百零五', '105'],
  ['一千二百万', '12000000'], ['三万五', '35000'], ['两千六', '2600'], ['一百二', '120'], ['十万零一', '100001'],
  ['一万零一亿', '1000100000000'], ['三千零五十万零八', '30500008'], ['九千九百九十九万九千九百九十九', '99999999'],
  ['一亿', '100000000'], ['二十三亿', '2300000000'],
  // financial (capital) digits and traditional forms
  ['壹佰', '100'], ['贰仟零壹拾', '2010'], ['叁万肆仟', '34000'], ['壹拾壹元壹角壹分', '11.11'], ['兩萬', '20000'], ['陸億', '600000000'],
  // Arabic and mixes
  ['23858万', '238580000'], ['2.4万', '24000'], ['1.2万亿', '1200000000000'], ['0.1亿', '10000000'], ['10.1万', '101000'],
  ['100万三千', '1003000'], ['200亿零四千230', '20000004230'], ['1,234.5', '1234.5'], ['23,858万', '238580000'],
  ['１２３', '123'], ['１２．５', '12.5'],
  // decimals written with 点
  ['一点五', '1.5'], ['十二点五', '12.5'], ['一点五亿', '150000000'], ['一百点123', '100.123'], ['零点零五', '0.05'],
  // signs
  ['负一点二', '-1.2'], ['-10.1万', '-101000'], ['负3', '-3'],
  // fractions: exact when terminating, 6 decimals otherwise
  ['三分之一', '0.333333'], ['四分之一', '0.25'], ['百分之十二', '0.12'], ['5分之2', '0.4'], ['三分之二', '0.666667'],
  // digit-by-digit
  ['一七二零', '1720'], ['二〇〇二', '2002'],
];

describe('parseNumeral', () => {
  it.each(CASES)('%s → %s', (input, value) => {
    expect(parseNumeral(input)).toBe(value);
  });

  it.each(['', '元', '十十', '一二三十', 'abc', '点', '三分之', '两两', '1.2.3', 'x'.repeat(100), '1'.repeat(100)])('rejects %j', (input) => {
    expect(parseNumeral(input)).toBeNull();
  });
});
