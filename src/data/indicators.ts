/**
 * The site's indicators, read once per build: validated against the
 * documents they cite, limited to what this build publishes, with every rate
 * and stated growth recomputed. Pages and components read indicators from
 * here, never from `getCollection`.
 */
import { getCollection } from 'astro:content';
import { checkFigures, findReferenceErrors, type FigureCheck } from '../indicators/checks.ts';
import type { SourceLink } from '../indicators/downloads.ts';
import { comparisonFigure, detailTable, seriesFigure } from '../charts/figures.ts';
import { checkNote, formatChange, formatValue, withUnit } from '../indicators/format.ts';
import { indicatorsFromGroup, limitToPublished, type Indicator } from '../indicators/model.ts';
import { chartReferenceProblem, figureReferenceProblem } from '../indicators/references.ts';
import { publishFigureReport, type FigureReportEntry } from '../indicators/report.ts';
import { changeFromYearBefore, decimalsOf, latestPoint, pointFor, roundTo } from '../indicators/series.ts';
import { indicatorUi, ui } from '../translations/zh-CN.ts';
import { slugify } from '../lib/slug.ts';
import { SITE_BASE, SITE_URL, href } from '../site-settings.ts';
import { citableUrl } from '../lib/urls.ts';
import { ContentError, getDocuments, getEveryDocumentKey, type SiteDocument } from './documents.ts';

export type { Indicator } from '../indicators/model.ts';

export interface IndicatorData {
  /** Published indicators, by category then name. */
  indicators: Indicator[];
  byId: Map<string, Indicator>;
  /** Recomputed figures that disagree with the printed ones, by `indicator@year`. */
  disputed: Map<string, FigureCheck>;
}

function byCategoryThenName(a: Indicator, b: Indicator): number {
  return a.category.localeCompare(b.category, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);
}

let documentsByKey: Promise<Map<string, SiteDocument>> | undefined;

/** Published documents by key, mapped once: every chart and every document page looks them up. */
function publishedDocuments(): Promise<Map<string, SiteDocument>> {
  documentsByKey ??= getDocuments().then((docs) => new Map(docs.map((doc) => [doc.key, doc])));
  return documentsByKey;
}

function reportEntry(check: FigureCheck, byId: ReadonlyMap<string, Indicator>, docs: ReadonlyMap<string, SiteDocument>): FigureReportEntry {
  const indicator = byId.get(check.indicator)!;
  const unitOf = (id: string) => byId.get(id)?.unit ?? '';
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const source = check.source ? docs.get(check.source) : undefined;
  const printed = check.kind === 'growth' ? `同比增长${withUnit(check.printed, '%')}` : withUnit(check.printed, '%');
  const document = source ? `${source.key}《${source.data.title}》` : '（未注明来源）';
  return {
    ok: check.ok,
    kind: check.kind,
    file: check.file,
    indicator: check.indicator,
    name: indicator.name,
    year: check.year,
    document,
    printed: check.printed,
    computed: roundTo(check.computed, Math.max(1, decimalsOf(check.printed))),
    inputs: check.inputs,
    message: `${check.file}: ${indicator.name}（${check.indicator}）${check.year}年，来源 ${document}：原文为 ${printed}，${checkNote(check, unitOf, nameOf)}`,
  };
}

async function loadIndicatorData(): Promise<IndicatorData> {
  const groups = await getCollection('indicators');
  const all = groups.flatMap((group) => indicatorsFromGroup(group.filePath ?? `indicators/${group.id}`, group.data));
  const errors = findReferenceErrors(all, await getEveryDocumentKey());
  if (errors.length > 0) throw new ContentError(errors.join('\n'));

  const docs = await publishedDocuments();
  const indicators = limitToPublished(all, (key) => docs.has(key)).sort(byCategoryThenName);
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  const checks = checkFigures(indicators);
  const disputed = new Map(checks.filter((check) => !check.ok).map((check) => [`${check.indicator}@${check.year}`, check]));
  publishFigureReport(checks.map((check) => reportEntry(check, byId, docs)));
  return { indicators, byId, disputed };
}

let cached: Promise<IndicatorData> | undefined;

/** Every published indicator with the results of the figure checks. */
export function getIndicatorData(): Promise<IndicatorData> {
  cached ??= loadIndicatorData();
  return cached;
}

export async function getIndicators(): Promise<Indicator[]> {
  return (await getIndicatorData()).indicators;
}

function disputeNote(data: IndicatorData, indicator: Indicator, year: number): string | undefined {
  const check = data.disputed.get(`${indicator.id}@${year}`);
  if (!check) return undefined;
  const note = checkNote(
    check,
    (id) => data.byId.get(id)?.unit ?? '',
    (id) => data.byId.get(id)?.name ?? id,
  );
  return `${note}，${indicatorUi.keptAsPrinted}`;
}

/** Site-relative path of an indicator's page. */
export function indicatorPath(indicator: Pick<Indicator, 'id'>): string {
  return `indicators/${indicator.id}/`;
}

/** Id of a category's section on the indicators page. */
export function categoryAnchor(category: string): string {
  return `category-${slugify(category)}`;
}

/** The address that citations and downloads print: absolute under SITE_URL, else the path (see `citableUrl`). */
export function citedUrl(sitePath: string): string {
  return citableUrl(SITE_BASE, sitePath, SITE_URL);
}

/** A link to a published document; undefined for one this build does not publish. */
function documentLink(docs: ReadonlyMap<string, SiteDocument>, key: string): { title: string; href: string } | undefined {
  const doc = docs.get(key);
  return doc && { title: doc.data.title, href: href(doc.path) };
}

/** Links to the published documents among `keys`, for figure captions. */
export async function documentLinks(keys: readonly string[]): Promise<{ title: string; href: string }[]> {
  const docs = await publishedDocuments();
  return keys.flatMap((key) => documentLink(docs, key) ?? []);
}

/** Resolves source keys for the downloads (only published documents reach here). */
export async function sourceLinks(): Promise<(key: string) => SourceLink | undefined> {
  const docs = await publishedDocuments();
  return (key) => {
    const doc = docs.get(key);
    return doc && { key, title: doc.data.title, url: citedUrl(doc.path) };
  };
}

/** Everything an indicator's page shows, computed once here so the page stays a template. */
export async function indicatorDetails(indicator: Indicator) {
  const data = await getIndicatorData();
  const docs = await publishedDocuments();
  const linkTo = (key: string) => documentLink(docs, key);
  const latest = latestPoint(indicator.values)!;
  const change = changeFromYearBefore(indicator.values);
  const table = detailTable(indicator, linkTo, (year) => disputeNote(data, indicator, year));
  // A series is drawn as a line; a single year is compared with the category's other indicators of its
  // unit, the very chart the indicators page shows, so it is drawn once for all of them.
  const isSeries = indicator.values.length > 1;
  const peers = data.indicators.filter(
    (other) => other.category === indicator.category && other.unit === indicator.unit && pointFor(other.values, latest.year),
  );
  const figure = isSeries
    ? { ...seriesFigure([indicator]), table }
    : comparisonFigure(indicator.category, latest.year, peers, (other) => href(indicatorPath(other)));
  const url = citedUrl(indicatorPath(indicator));
  const years = indicatorUi.yearRange(indicator.values[0]!.year, latest.year);
  const rateParts = indicator.rate && {
    numerator: data.byId.get(indicator.rate.numerator),
    denominator: data.byId.get(indicator.rate.denominator),
  };
  return {
    latest: `${formatValue(latest, indicator.unit)}（${indicatorUi.yearLabel(latest.year)}）`,
    change: change && formatChange(change, indicator.unit, latest.scale),
    figure,
    /** The full table when the chart's own table shows other indicators. */
    separateTable: isSeries ? undefined : table,
    sources: [...new Set(indicator.values.flatMap((point) => point.source ?? []))].flatMap((key) => linkTo(key) ?? []),
    rate:
      rateParts?.numerator && rateParts.denominator ? { numerator: rateParts.numerator, denominator: rateParts.denominator } : undefined,
    citation: indicatorUi.citation(indicator.issuer, indicatorUi.citationTitle(indicator.name, years), ui.siteName, url),
    downloads: { csv: href(`indicators/${indicator.id}.csv`), json: href(`indicators/${indicator.id}.json`) },
  };
}

let indicatorsBySource: Promise<Map<string, Indicator[]>> | undefined;

/** Each document's indicators, in the indicators' order, mapped once: every document page asks. */
async function loadIndicatorsBySource(): Promise<Map<string, Indicator[]>> {
  const bySource = new Map<string, Indicator[]>();
  for (const indicator of await getIndicators()) {
    for (const source of new Set(indicator.values.flatMap((point) => point.source ?? []))) {
      const list = bySource.get(source);
      if (list) list.push(indicator);
      else bySource.set(source, [indicator]);
    }
  }
  return bySource;
}

/**
 * 本文档中的指标: each indicator with a figure taken from `doc`, with only the
 * figures the document printed, not ones derived from them.
 */
export async function documentIndicatorRows(doc: SiteDocument): Promise<{ name: string; href: string; figures: string[] }[]> {
  indicatorsBySource ??= loadIndicatorsBySource();
  return ((await indicatorsBySource).get(doc.key) ?? []).map((indicator) => ({
    name: indicator.name,
    href: href(indicatorPath(indicator)),
    figures: indicator.values
      .filter((point) => point.source === doc.key && !point.derivedFrom)
      .map((point) => `${formatValue(point, indicator.unit)}（${indicatorUi.yearLabel(point.year)}）`),
  }));
}

/**
 * Looks up a figure for prose (`<Indicator id year />`), failing with a
 * message that names the page's file when the id or the year is unknown.
 */
export async function figureFor(id: string, year: number, where: string) {
  const { byId } = await getIndicatorData();
  const problem = figureReferenceProblem(byId, id, year);
  if (problem) throw new ContentError(`${where}: ${problem}`);
  const indicator = byId.get(id)!;
  const point = pointFor(indicator.values, year)!;
  return { indicator, point, text: formatValue(point, indicator.unit) };
}

/** `getStaticPaths` of the routes with one file per indicator (page, CSV, JSON). */
export async function indicatorStaticPaths() {
  return (await getIndicators()).map((indicator) => ({ params: { id: indicator.id }, props: { indicator } }));
}

let documentsByHref: Promise<Map<string, SiteDocument>> | undefined;

/** The source file of the document rendered at `pathname` (for messages), or the path itself. */
export async function fileAtPath(pathname: string): Promise<string> {
  const decoded = decodeURI(pathname);
  // A map rather than a search: every <Indicator> and <IndicatorChart> asks.
  documentsByHref ??= getDocuments().then((docs) => new Map(docs.map((doc) => [href(doc.path), doc])));
  return (await documentsByHref).get(decoded)?.filePath ?? decoded;
}

/**
 * The figure for `<IndicatorChart ids={[…]} year? title? />`: a line chart
 * of the indicators over the years, or with `year` a bar chart of that year.
 * Fails naming `where` when an id is unknown, units differ or the year has no figures.
 */
export async function chartFigureFor(ids: readonly string[], options: { year?: number; title?: string }, where: string) {
  const { byId } = await getIndicatorData();
  const problem = chartReferenceProblem(byId, ids, options.year);
  if (problem) throw new ContentError(`${where}: ${problem}`);
  const indicators = ids.map((id) => byId.get(id)!);
  if (options.year === undefined) return seriesFigure(indicators, options.title);
  const figure = comparisonFigure(indicators[0]!.category, options.year, indicators);
  return options.title ? { ...figure, chart: { ...figure.chart, title: options.title } } : figure;
}
