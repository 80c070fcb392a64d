// The `extract` command as CONTRACTS.md §1 defines it, run as a child process: JSON Lines on
// stdout with the contract's fields, UTF-8 / GB18030 / stdin input, exit 2 with one stderr
// line for unreadable input, exit 0 with no output when there is no fact.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const tsx = path.join(root, 'node_modules/.bin/tsx');
const demo = path.join(root, 'prisma/seed/demo/xiangtan-daily-2023-05-19.txt');
const dir = mkdtempSync(path.join(tmpdir(), 'extract-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** As `npm run extract` runs it: through scripts/run.mjs (the cached bundle). */
function run(args: string[], input?: Buffer | string) {
  const r = spawnSync(process.execPath, ['scripts/run.mjs', 'extract', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The script itself under tsx, as before the runner. */
function runTsx(args: string[], input?: Buffer | string) {
  const r = spawnSync(tsx, ['scripts/extract.ts', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: Buffer | string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

const UNITS = /^(CNY|USD|percent|pp|mu|m2|hectare|km2|ton|kwh|person|person_time|org|project|item|case|times|day|month|year_count|other:.+)$/;

describe('extract CLI', () => {
  const demoRun = run(['--date', '2023-05-19', '--publication', '湘潭日报', demo]);
  const facts = demoRun.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('prints the same through the runner as the script does under tsx', () => {
    const direct = runTsx(['--date', '2023-05-19', '--publication', '湘潭日报', demo]);
    expect(direct.code).toBe(0);
    expect(demoRun.stdout).toBe(direct.stdout);
    const bad = runTsx([path.join(dir, 'missing.txt')]);
    expect(run([path.join(dir, 'missing.txt')])).toEqual(bad);
  });

  it('prints one JSON object per fact with the contract fields', () => {
    expect(demoRun.code).toBe(0);
    expect(demoRun.stderr).toBe('');
    expect(facts.length).toBeGreaterThan(20);
    for (const f of facts) {
      expect(Object.keys(f).sort()).toEqual(['article', 'comparator', 'confidence', 'evidence', 'kind', 'metric', 'period', 'raw', 'span', 'subject', 'unit', 'value', 'year'].sort());
      expect(typeof f.article).toBe('string');
      expect(['number', 'string']).toContain(typeof f.value);
      expect(f.unit).toMatch(UNITS);
      expect(['eq', 'gt', 'gte', 'lt', 'lte', 'approx']).toContain(f.comparator);
      expect(['actual', 'target', 'forecast', 'plan']).toContain(f.kind);
      expect(f.year === null || Number.isInteger(f.year)).toBe(true);
      expect(f.period === null || /^(FY|H[12]|Q[1-4]|M\d\d-M\d\d|M\d\d|cumulative)$/.test(String(f.period))).toBe(true);
      const subject = f.subject as { type: string; name: string } | null;
      if (subject) expect(['park', 'region', 'project', 'org']).toContain(subject.type);
      const metric = f.metric as { key: string; label: string };
      expect(metric.key).toMatch(/^[a-z0-9_]+$/);
      expect(metric.label.length).toBeGreaterThan(0);
      expect(String(f.evidence)).toContain(String(f.raw));
      const span = f.span as [number, number];
      expect(span[1] - span[0]).toBe(String(f.raw).length);
      expect(Number(f.confidence)).toBeGreaterThanOrEqual(0);
      expect(Number(f.confidence)).toBeLessThanOrEqual(1);
    }
  });

  it('converts values exactly: 23858万元 is the number 238580000', () => {
    const f = facts.find((x) => x.raw === '23858万元');
    expect(f?.value).toBe(238580000);
    expect(f?.unit).toBe('CNY');
  });

  it('reads stdin when FILE is -', () => {
    const r = run(['--date', '2023-05-19', '--publication', '湘潭日报', '-'], readFileSync(demo));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(demoRun.stdout);
  });

  it.skipIf(!existsSync('/usr/bin/iconv'))('reads GB18030 the same as UTF-8', () => {
    const gb = spawnSync('/usr/bin/iconv', ['-f', 'UTF-8', '-t', 'GB18030', demo]);
    expect(gb.status).toBe(0);
    const r = run(['--date', '2023-05-19', '--publication', '湘潭日报', file('gb.txt', gb.stdout)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(demoRun.stdout);
  });

  it('keeps relative years null without --date, resolves them with it', () => {
    const p = file('rel.txt', '园区经济稳中向好\n\n本报讯(记者 张三)今年,全市新增高新技术企业85家。\n');
    const without = JSON.parse(run([p]).stdout.trim()) as { year: number | null };
    const withDate = JSON.parse(run(['--date', '2023-07-20', p]).stdout.trim()) as { year: number | null };
    expect(without.year).toBeNull();
    expect(withDate.year).toBe(2023);
  });

  it('exits 0 with no output for an empty file or a text without facts', () => {
    for (const content of ['', '今天天气很好。\n']) {
      const r = run([file(`none-${content.length}.txt`, content)]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
    }
  });

  it.each([
    ['a missing file', () => [path.join(dir, 'no-such-file.txt')]],
    ['a PNG image', () => [file('img.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]))]],
    ['binary with NUL bytes', () => [file('bin.dat', Buffer.from([0x41, 0, 0x42, 0, 0xff, 0xfe]))]],
    ['bytes that are neither UTF-8 nor GB18030', () => [file('bad.txt', Buffer.from([0xe6, 0xb9, 0x98, 0x80, 0xff, 0x80, 0xff]))]],
    ['a malformed --date', () => ['--date', '19/05/2023', demo]],
    ['no FILE argument', () => []],
  ])('exits 2 with one line on stderr for %s', (_name, args) => {
    const r = run(args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim().length).toBeGreaterThan(0);
  });
});
