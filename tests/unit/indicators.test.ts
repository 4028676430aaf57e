/**
 * The indicator logic without a build: series arithmetic, derived values,
 * the rate and growth checks on the seed's own figures, the schema's
 * messages, reference errors, formatting, the downloads and the dashboard.
 */
import { describe, expect, it } from 'vitest';
import { indicatorGroupSchema } from '../../src/schemas/indicator.ts';
import { checkFigures, findReferenceErrors } from '../../src/indicators/checks.ts';
import { csvField, indicatorRecord, indicatorTable, toCsv, UTF8_BOM } from '../../src/indicators/downloads.ts';
import { formatChange, formatValue, pointNotes } from '../../src/indicators/format.ts';
import { indicatorsFromGroup, limitToPublished, type Indicator } from '../../src/indicators/model.ts';
import {
  agreesWithPrinted,
  changeFromYearBefore,
  decimalsOf,
  derivePriorValue,
  latestPoint,
  percentOf,
} from '../../src/indicators/series.ts';
import { comparisonFigure, seriesFigure } from '../../src/charts/figures.ts';
import { countBy, measuresPerYear, reformRates, type ReformRecord } from '../../src/indicators/reform-dashboard.ts';

const SOURCE = 'summaries/2020-annual-summary';

/** Indicators as the loader makes them from one group file. */
function group(indicators: Record<string, unknown>, category = '应急管理'): Indicator[] {
  const data = indicatorGroupSchema.parse({ category, issuer: '光明新区综合办公室', indicators });
  return indicatorsFromGroup('content/indicators/test.yaml', data);
}

const seedEmergency = () =>
  group({
    'hazards-identified': { name: '排查风险隐患', unit: '宗', values: [{ year: 2020, value: 285, source: SOURCE }] },
    'hazards-rectified': { name: '整改风险隐患', unit: '宗', values: [{ year: 2020, value: 226, source: SOURCE }] },
    'hazard-rectification-rate': {
      name: '风险隐患整改率',
      unit: '%',
      rate: { numerator: 'hazards-rectified', denominator: 'hazards-identified' },
      values: [{ year: 2020, value: 78, source: SOURCE }],
    },
  });

const seedReform = () =>
  group(
    {
      'central-documents': { name: '对接中央深改组审定文件', unit: '个', values: [{ year: 2020, value: 153, source: SOURCE }] },
      'central-documents-implemented': {
        name: '已落实中央深改组审定文件',
        unit: '个',
        values: [{ year: 2020, value: 140, source: SOURCE }],
      },
      'central-documents-implementation-rate': {
        name: '中央深改组审定文件落实率',
        unit: '%',
        rate: { numerator: 'central-documents-implemented', denominator: 'central-documents' },
        values: [{ year: 2020, value: 91.5, source: SOURCE }],
      },
    },
    '改革',
  );

describe('series arithmetic', () => {
  it('finds the latest point and the change from the calendar year before', () => {
    const points = [
      { year: 2018, value: 7000 },
      { year: 2020, value: 8555 },
      { year: 2019, value: 8000 },
    ];
    expect(latestPoint(points)).toEqual({ year: 2020, value: 8555 });
    const change = changeFromYearBefore(points)!;
    expect(change).toMatchObject({ fromYear: 2019, toYear: 2020, from: 8000, to: 8555, difference: 555 });
    expect(change.percent).toBeCloseTo(6.9375, 6);
    expect(changeFromYearBefore(points, 2019)!.difference).toBe(1000);
  });

  it('reports no change when the year before is missing, and no percent from zero', () => {
    expect(
      changeFromYearBefore([
        { year: 2018, value: 1 },
        { year: 2020, value: 2 },
      ]),
    ).toBeUndefined();
    expect(changeFromYearBefore([{ year: 2020, value: 5 }])).toBeUndefined();
    expect(changeFromYearBefore([])).toBeUndefined();
    expect(
      changeFromYearBefore([
        { year: 2019, value: 0 },
        { year: 2020, value: 4 },
      ])!.percent,
    ).toBeUndefined();
  });

  it('derives the prior year from a stated growth rate, rounded', () => {
    // The seed: 涉密文件807份, 同比增长26%; 电报277份, 增长73%; 上级密件457份, 增长21%.
    expect(derivePriorValue(807, 26)).toBe(640);
    expect(derivePriorValue(277, 73)).toBe(160);
    expect(derivePriorValue(457, 21)).toBe(378);
    expect(derivePriorValue(90, -10)).toBe(100);
    expect(() => derivePriorValue(10, -100)).toThrow(RangeError);
  });

  it('compares a recomputed figure at the precision it was printed with', () => {
    expect(decimalsOf(78)).toBe(0);
    expect(decimalsOf(91.5)).toBe(1);
    expect(agreesWithPrinted(91.5, percentOf(140, 153))).toBe(true);
    expect(agreesWithPrinted(78, percentOf(226, 285))).toBe(false);
    expect(agreesWithPrinted(79, percentOf(226, 285))).toBe(true);
    expect(agreesWithPrinted(79.3, percentOf(226, 285))).toBe(true);
    expect(agreesWithPrinted(79.4, percentOf(226, 285))).toBe(false);
    expect(agreesWithPrinted(50, 50.5)).toBe(true);
    expect(() => percentOf(1, 0)).toThrow(RangeError);
  });
});

describe('indicator model', () => {
  it('fills in the group defaults and adds derived prior-year values marked as derived', () => {
    const [classified, telegrams] = group(
      {
        'classified-documents-received': {
          name: '接收办理涉密文件',
          unit: '份',
          values: [{ year: 2020, value: 807, growth: 26, source: SOURCE }],
        },
        'telegrams-received': {
          name: '接收办理电报',
          unit: '份',
          issuer: '机要室',
          values: [
            { year: 2020, value: 277, growth: 73, source: SOURCE },
            { year: 2019, value: 150, source: SOURCE },
          ],
        },
      },
      '机要保密',
    );
    expect(classified).toMatchObject({ category: '机要保密', issuer: '光明新区综合办公室', file: 'content/indicators/test.yaml' });
    expect(classified!.values.map((p) => [p.year, p.value])).toEqual([
      [2019, 640],
      [2020, 807],
    ]);
    expect(classified!.values[0]!.derivedFrom).toEqual({ year: 2020, value: 807, growth: 26 });
    expect(classified!.values[0]!.source).toBe(SOURCE);
    expect(pointNotes(classified!.values[0]!, '份').join()).toMatch(/由2020年数值807份及原文所述同比增长26%推算/);
    expect(classified!.values[1]!.derivedFrom).toBeUndefined();
    // A year the data already has is kept as written, never replaced by a derived one.
    expect(telegrams!.issuer).toBe('机要室');
    expect(telegrams!.values.map((p) => [p.year, p.value, p.derivedFrom])).toEqual([
      [2019, 150, undefined],
      [2020, 277, undefined],
    ]);
  });

  it('leaves out figures whose source document the build does not publish, and indicators left empty', () => {
    const indicators = group({
      mixed: {
        name: '混合来源',
        unit: '份',
        values: [
          { year: 2019, value: 1, source: 'reports/restricted' },
          { year: 2020, value: 2, source: SOURCE },
        ],
      },
      hidden: { name: '仅内部来源', unit: '份', values: [{ year: 2020, value: 3, source: 'reports/restricted' }] },
    });
    const published = limitToPublished(indicators, (key) => key === SOURCE);
    expect(published.map((i) => i.id)).toEqual(['mixed']);
    expect(published[0]!.values.map((p) => p.year)).toEqual([2020]);
  });
});

describe('figure checks', () => {
  it('flags 整改率78% against 226/285 = 79.3%', () => {
    const [check] = checkFigures(seedEmergency());
    expect(check).toMatchObject({
      kind: 'rate',
      indicator: 'hazard-rectification-rate',
      year: 2020,
      printed: 78,
      ok: false,
      source: SOURCE,
      inputs: [
        { indicator: 'hazards-rectified', value: 226 },
        { indicator: 'hazards-identified', value: 285 },
      ],
    });
    expect(check!.computed).toBeCloseTo(79.2982, 3);
  });

  it('passes 落实率91.5% against 140/153', () => {
    const checks = checkFigures(seedReform());
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ indicator: 'central-documents-implementation-rate', printed: 91.5, ok: true });
  });

  it('checks a stated growth against a written prior year, but not against a derived one', () => {
    const indicators = group({
      written: {
        name: '有上年数值',
        unit: '份',
        values: [
          { year: 2019, value: 100 },
          { year: 2020, value: 130, growth: 26 },
        ],
      },
      consistent: {
        name: '增长相符',
        unit: '份',
        values: [
          { year: 2019, value: 100 },
          { year: 2020, value: 126, growth: 26 },
        ],
      },
      derived: { name: '上年为推算', unit: '份', values: [{ year: 2020, value: 807, growth: 26 }] },
    });
    const checks = checkFigures(indicators);
    expect(checks.map((c) => [c.indicator, c.kind, c.ok])).toEqual([
      ['written', 'growth', false],
      ['consistent', 'growth', true],
    ]);
    expect(checks[0]!.computed).toBeCloseTo(30, 6);
  });

  it('does not recompute a rate from approximate figures', () => {
    const indicators = group({
      events: { name: '事件', unit: '件', values: [{ year: 2020, value: 1000000, qualifier: '超过' }] },
      handled: { name: '已处理', unit: '件', values: [{ year: 2020, value: 970000 }] },
      rate: { name: '处理率', unit: '%', rate: { numerator: 'handled', denominator: 'events' }, values: [{ year: 2020, value: 50 }] },
    });
    expect(checkFigures(indicators)).toEqual([]);
  });
});

describe('reference errors', () => {
  it('names the file and the indicator for an unknown source document', () => {
    const indicators = group({ a: { name: '甲', unit: '份', values: [{ year: 2020, value: 1, source: 'reports/no-such-report' }] } });
    const errors = findReferenceErrors(indicators, new Set([SOURCE]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('content/indicators/test.yaml');
    expect(errors[0]).toContain('indicators.a');
    expect(errors[0]).toContain('reports/no-such-report');
    expect(findReferenceErrors(indicators, new Set(['reports/no-such-report']))).toEqual([]);
  });

  it('reports an id used in two files, and rates over unknown indicators or mixed units', () => {
    const first = group({ twice: { name: '重复', unit: '份', values: [{ year: 2020, value: 1 }] } });
    const second = indicatorsFromGroup(
      'content/indicators/other.yaml',
      indicatorGroupSchema.parse({
        category: '其他',
        issuer: '某单位',
        indicators: {
          twice: { name: '重复', unit: '份', values: [{ year: 2020, value: 2 }] },
          people: { name: '人数', unit: '人', values: [{ year: 2020, value: 2 }] },
          'bad-rate': { name: '比率', unit: '%', rate: { numerator: 'missing', denominator: 'twice' }, values: [{ year: 2020, value: 1 }] },
          'mixed-rate': {
            name: '混合',
            unit: '%',
            rate: { numerator: 'people', denominator: 'twice' },
            values: [{ year: 2020, value: 1 }],
          },
        },
      }),
    );
    const errors = findReferenceErrors([...first, ...second], new Set());
    expect(errors.find((e) => e.includes('twice') && e.includes('重复'))).toMatch(/test\.yaml 和 content\/indicators\/other\.yaml/);
    expect(errors.find((e) => e.includes('bad-rate.rate.numerator'))).toContain('missing');
    expect(errors.find((e) => e.includes('mixed-rate.rate'))).toMatch(/单位不同/);
  });
});

describe('indicator schema messages', () => {
  const parse = (indicators: Record<string, unknown>) =>
    indicatorGroupSchema.safeParse({ category: '文件处理', issuer: '综合办', indicators });
  const messages = (indicators: Record<string, unknown>) =>
    (parse(indicators).error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

  it('accepts a well-formed group', () => {
    expect(
      parse({ 'documents-received': { name: '收文数量', unit: '份', values: [{ year: 2020, value: 8555, source: SOURCE }] } }).success,
    ).toBe(true);
  });

  it('rejects a non-numeric value, naming the indicator', () => {
    expect(messages({ 'documents-received': { name: '收文数量', unit: '份', values: [{ year: 2020, value: '8,555' }] } })).toEqual([
      'indicators.documents-received.values.0.value: 应为数字，不带单位和千分位逗号（expected a plain number such as 8555）',
    ]);
  });

  it('rejects a duplicate year', () => {
    const result = messages({
      x: {
        name: '甲',
        unit: '份',
        values: [
          { year: 2020, value: 1 },
          { year: 2020, value: 2 },
        ],
      },
    });
    expect(result).toEqual(['indicators.x.values: 年份 2020 重复出现 2 次（duplicate year）']);
  });

  it('rejects an unknown unit and lists the known ones', () => {
    const [message] = messages({ x: { name: '甲', unit: '公斤', values: [{ year: 2020, value: 1 }] } });
    expect(message).toMatch(/^indicators\.x\.unit: 单位应为 份 个 宗 .* 之一/);
  });

  it('rejects a bad id, a malformed source key, a rate not in percent and unknown fields', () => {
    expect(messages({ 'Bad Id': { name: '甲', unit: '份', values: [{ year: 2020, value: 1 }] } })[0]).toMatch(
      /^indicators\.Bad Id: 指标编号应由小写字母、数字和连字符组成/,
    );
    expect(messages({ data: { name: '甲', unit: '份', values: [{ year: 2020, value: 1 }] } })[0]).toMatch(/不能为 data/);
    expect(messages({ x: { name: '甲', unit: '份', values: [{ year: 2020, value: 1, source: '2020-annual-summary' }] } })[0]).toMatch(
      /^indicators\.x\.values\.0\.source: 应为“类别\/文件名”形式的文档编号/,
    );
    expect(
      messages({ x: { name: '甲', unit: '份', rate: { numerator: 'a', denominator: 'b' }, values: [{ year: 2020, value: 1 }] } }),
    ).toEqual(['indicators.x.unit: 比率指标的单位应为 %（a rate is in %）']);
    expect(messages({ x: { name: '甲', unit: '份', valeus: [], values: [{ year: 2020, value: 1 }] } })[0]).toMatch(
      /^indicators\.x: .*valeus/,
    );
    expect(messages({ x: { name: '甲', unit: '份', values: [] } })).toEqual([
      'indicators.x.values: 至少需要一个年度数值（at least one value）',
    ]);
  });
});

describe('formatting', () => {
  it('prints figures the way the document words them', () => {
    expect(formatValue({ value: 8555, qualifier: undefined }, '份')).toBe('8555份');
    expect(formatValue({ value: 500, qualifier: '多' }, '篇')).toBe('500多篇');
    expect(formatValue({ value: 3500, qualifier: '余' }, '篇')).toBe('3500余篇');
    expect(formatValue({ value: 97, qualifier: '超过' }, '%')).toBe('超过97%');
    expect(formatValue({ value: 91.5, qualifier: undefined }, '%')).toBe('91.5%');
  });

  it('prints a change in the unit and in percent, and a rate change in percentage points', () => {
    const change = changeFromYearBefore([
      { year: 2019, value: 640 },
      { year: 2020, value: 807 },
    ])!;
    expect(formatChange(change, '份')).toBe('增加167份（+26.1%）');
    const fall = changeFromYearBefore([
      { year: 2019, value: 10 },
      { year: 2020, value: 8 },
    ])!;
    expect(formatChange(fall, '宗')).toBe('减少2宗（−20%）');
    const rate = changeFromYearBefore([
      { year: 2019, value: 76.5 },
      { year: 2020, value: 78 },
    ])!;
    expect(formatChange(rate, '%')).toBe('增加1.5个百分点');
    expect(
      formatChange(
        changeFromYearBefore([
          { year: 2019, value: 3 },
          { year: 2020, value: 3 },
        ])!,
        '份',
      ),
    ).toBe('持平');
  });
});

describe('downloads', () => {
  it('writes CSV with a BOM, CRLF line ends and RFC 4180 quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(91.5)).toBe('91.5');
    const csv = toCsv([
      ['指标', '备注'],
      ['收文数量', '原文写作“较2020年增长73%”，按同比增长理解, 见"附注"'],
    ]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('指标,备注\r\n收文数量,"原文写作“较2020年增长73%”，按同比增长理解, 见""附注"""\r\n');
  });

  it('neutralises text cells a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    // Prefixed with ' and quoted, as OWASP recommends.
    for (const formula of [
      '=HYPERLINK("http://example.invalid","点击")',
      "+1+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(A1:A9)',
      '\t=1+1',
      '\r=1+1',
    ]) {
      expect(csvField(formula)).toBe(`"'${formula.replaceAll('"', '""')}"`);
    }
    expect(csvField('=1+1')).toBe('"\'=1+1"');
    expect(csvField('=A1,B1')).toBe('"\'=A1,B1"');
    // Leading spaces do not hide a formula sign from a spreadsheet that trims them.
    expect(csvField('  =1+1')).toBe('"\'  =1+1"');
    expect(csvField('\u3000@SUM(A1)')).toBe('"\'\u3000@SUM(A1)"');
    // Numbers stay numbers, negative ones too; a negative-looking text cell is text and is escaped.
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(-640)).toBe('-640');
    expect(csvField('-3.5')).toBe('"\'-3.5"');
    // Ordinary text, a sign inside the text and Chinese are untouched.
    expect(csvField('增长-3.5%')).toBe('增长-3.5%');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('http://localhost/kb/reports/x/')).toBe('http://localhost/kb/reports/x/');
    const csv = toCsv([['收文数量', 2020, -12.5, '=HYPERLINK("http://example.invalid")']]);
    expect(csv.slice(1)).toBe('收文数量,2020,-12.5,"\'=HYPERLINK(""http://example.invalid"")"\r\n');
  });

  it('lists one row per indicator and year, with the source and the derived mark', () => {
    const indicators = group(
      { classified: { name: '接收办理涉密文件', unit: '份', values: [{ year: 2020, value: 807, growth: 26, source: SOURCE }] } },
      '机要保密',
    );
    const sourceOf = (key: string) => ({ key, title: '年度总结', url: `http://localhost/${key}/` });
    const [header, derived, printed] = indicatorTable(indicators, sourceOf);
    expect(header).toEqual(['指标编号', '指标名称', '类别', '单位', '年份', '数值', '约数', '推算', '来源文档', '来源链接', '备注']);
    expect(derived!.slice(0, 8)).toEqual(['classified', '接收办理涉密文件', '机要保密', '份', 2019, 640, undefined, '是']);
    expect(derived![10]).toMatch(/推算/);
    expect(printed!.slice(4, 10)).toEqual([2020, 807, undefined, undefined, '年度总结', `http://localhost/${SOURCE}/`]);
    const record = indicatorRecord(indicators[0]!, 'http://localhost/indicators/classified/', sourceOf);
    expect(record.values).toHaveLength(2);
    expect(record.values[0]).toMatchObject({ year: 2019, value: 640, derived: true });
    expect(JSON.parse(JSON.stringify(record)).values[1]).toEqual({
      year: 2020,
      value: 807,
      source: { key: SOURCE, title: '年度总结', url: `http://localhost/${SOURCE}/` },
      notes: [],
    });
  });
});

describe('figures', () => {
  it('draws a series as lines over the union of years, with gaps where a series has no figure', () => {
    const indicators = group({
      a: {
        name: '甲',
        unit: '份',
        values: [
          { year: 2018, value: 1 },
          { year: 2020, value: 3 },
        ],
      },
      b: { name: '乙', unit: '份', values: [{ year: 2019, value: 5, source: SOURCE }] },
    });
    const figure = seriesFigure(indicators);
    expect(figure.chart.kind).toBe('line');
    expect(figure.chart.labels).toEqual(['2018年', '2019年', '2020年']);
    expect(figure.chart.series.map((s) => s.values)).toEqual([
      [1, null, 3],
      [null, 5, null],
    ]);
    expect(figure.table.rows.map((row) => [row.header.text, ...row.cells.map((c) => c.text)])).toEqual([
      ['2018年', '1份', '—'],
      ['2019年', '—', '5份'],
      ['2020年', '3份', '—'],
    ]);
    expect(figure.sources).toEqual([SOURCE]);
  });

  it('compares one year as bars, capping percentages at 100', () => {
    const rates = group({
      a: { name: '甲率', unit: '%', values: [{ year: 2020, value: 78 }] },
      b: { name: '乙率', unit: '%', values: [{ year: 2020, value: 91.5 }] },
    });
    const figure = comparisonFigure('应急管理', 2020, rates);
    expect(figure.chart).toMatchObject({ kind: 'bar', labels: ['甲率', '乙率'], series: [{ values: [78, 91.5] }], valueMax: 100 });
    expect(figure.chart.description).toContain('甲率78%');
  });
});

describe('reform dashboard', () => {
  const record = (status: string, level: string, year: number, measures?: number, outcomes?: number): ReformRecord => ({
    key: `reforms/${status}-${level}-${year}`,
    status,
    level,
    year,
    measures,
    outcomes,
  });
  const records = [
    record('推进中', '国家试点', 2020),
    record('推进中', '市级试点', 2020),
    record('已完成', '区级', 2020, 142, 76),
    record('已完成', '区级', 2019, 10),
  ];

  it('counts records by status and level, zero included', () => {
    expect(countBy(records, 'status', ['谋划中', '推进中', '已完成'])).toEqual([
      { label: '谋划中', count: 0 },
      { label: '推进中', count: 2 },
      { label: '已完成', count: 2 },
    ]);
    expect(countBy(records, 'level', ['国家试点', '区级'])).toEqual([
      { label: '国家试点', count: 1 },
      { label: '区级', count: 2 },
    ]);
  });

  it('sums measures and outcomes per year', () => {
    expect(measuresPerYear(records)).toEqual([
      { year: 2019, measures: 10, outcomes: 0 },
      { year: 2020, measures: 142, outcomes: 76 },
    ]);
  });

  it('computes the implementation rate 140/153 = 91.5% from its parts', () => {
    const [rate] = reformRates(seedReform());
    expect(rate).toMatchObject({ year: 2020, computed: '91.5%', printed: '91.5%' });
    expect(rate!.numerator.value).toBe(140);
    expect(rate!.denominator.value).toBe(153);
    expect(reformRates(seedEmergency())).toEqual([]);
  });
});
