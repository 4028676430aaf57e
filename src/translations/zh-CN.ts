/**
 * Every user-facing string of the site, in zh-CN. Components look strings up
 * here; none is written inline, so wording changes in one place.
 */
import type { DocumentKind } from '../lib/kinds.ts';

export const ui = {
  siteName: '光明新区综合办文献库',
  siteShortName: '文献库',
  siteDescription: '综合办简报、调研报告、年度总结与计划、改革事项的统一查阅平台',
  skipToContent: '跳到正文',
  home: '首页',
  mainNav: '主导航',
  breadcrumb: '当前位置',
  searchLabel: '站内搜索',
  searchPlaceholder: '搜索全文、文号……',
  searchButton: '搜索',
  browseAll: '浏览全部',
  newest: '最新文档',
  journals: '内部刊物',
  latestIssue: '最新一期',
  issueArchive: '往期目录',
  byYear: '按年份',
  byIssuer: '按发布机构',
  byTopic: '按主题',
  years: '年份',
  issuers: '发布机构',
  topics: '主题分类',
  documentCount: (n: number) => `共 ${n} 篇`,
  tableOfContents: '目录',
  metadata: '文档信息',
  related: '相关文档',
  previousIssue: '上一期',
  nextIssue: '下一期',
  instructions: '领导批示',
  feed: 'RSS 订阅',
  feedAll: '全站 RSS 订阅',
  pagination: '分页',
  previousPage: '上一页',
  nextPage: '下一页',
  pageOf: (page: number, total: number) => `第 ${page} 页，共 ${total} 页`,
  yearHeading: (year: number) => `${year}年`,
  issueLabel: (issue: number) => `第${issue}期`,
  totalIssueLabel: (total: number) => `总第${total}期`,
  journalIssue: (journal: string, year: number, issue: number) => `《${journal}》${year}年第${issue}期`,
  footer: '本站为内部资料，仅供工作参考。',
  footnotesLabel: '注释',
  footnoteBackLabel: '返回正文第 {reference} 处',
  notFound: '页面不存在',
  notFoundHint: '您访问的页面不存在或已移除，请从首页重新查找。',
} as const;

/** Kind names, singular-ish labels used in headings and metadata. */
export const kindLabels: Record<DocumentKind, string> = {
  bulletins: '简报内刊',
  reports: '调研报告',
  summaries: '年度总结计划',
  reforms: '改革事项',
};

/** Chinese labels of document fields, as official metadata blocks print them. */
export const fieldLabels = {
  title: '标题',
  date: '成文日期',
  published: '发布日期',
  issuer: '发布机构',
  docNo: '发文字号',
  indexNo: '索引号',
  topics: '主题分类',
  keywords: '主题词',
  summary: '内容概述',
  validity: '有效性',
  access: '公开属性',
  kind: '文档类别',
  publication: '刊物',
  issue: '期号',
  totalIssue: '总期号',
  department: '承办部门',
  authors: '执笔',
  year: '年度',
  level: '试点层级',
  status: '推进状态',
  lead: '牵头单位',
  startYear: '启动年份',
  measures: '改革举措',
  outcomes: '制度成果',
} as const;

/** How each access level is shown to readers. */
export const accessLabels = {
  public: '主动公开',
  internal: '内部资料',
  restricted: '不予公开',
} as const;

/** A document's revision history (修订记录) from git, GOV.UK change-note style. */
export const historyUi = {
  heading: '修订记录',
  lastUpdated: '最后更新',
  revisionCount: (n: number) => `共 ${n} 次修订`,
} as const;
