/** What `npm run import` says to editors, in Chinese with English in brackets. */
import { PLACEHOLDER_PREFIX } from '../content-check/entry-problems.ts';
import { DOCUMENT_KINDS } from '../kinds.ts';

export const importMessages = {
  usage: `用法（usage）：npm run import -- <文件.txt|文件.docx> --kind <${DOCUMENT_KINDS.join('|')}> [--out content/<类别>/<名称>.md] [--force]`,
  missingFile: '请给出要导入的文件（give the file to import）',
  unknownOption: (option: string) => `未知参数 ${option}（unknown option）`,
  unknownKind: (kind: string, kinds: readonly string[]) =>
    `未知的文档类别“${kind}”，应为 ${kinds.join('、')} 之一（unknown kind; expected one of ${kinds.join(', ')}）`,
  unsupportedType: (file: string) => `${file}：只能导入 .txt 和 .docx 文件（only .txt and .docx files can be imported）`,
  unreadable: (file: string) =>
    `${file}：无法读取为文本，文件可能已损坏或不是文本文件（the file cannot be read as text; it may be damaged or not a text file）`,
  empty: (file: string) => `${file}：文件没有正文内容（the file has no text）`,
  outputExists: (file: string) =>
    `${file} 已存在，未做任何改动；确认要覆盖请加 --force（output exists; nothing was changed; add --force to overwrite）`,
  outputNotMarkdown: (file: string) => `${file}：输出文件应以 .md 结尾（the output must be a .md file）`,
  outputOutsideKind: (file: string, folder: string) => `${file}：输出文件应在 ${folder}/ 目录中（the output must be in the kind's folder）`,
  outputThroughLink: (file: string, real: string, folder: string) =>
    `${file}：路径经符号链接指向 ${real}，不在 ${folder}/ 目录中，未做任何改动（through a symbolic link the output leads outside the kind's folder; nothing was changed）`,
  nameGivesNoSlug: (file: string) =>
    `${file}：无法从文件名生成网址（文件名中没有文字或数字），请用 --out 指定输出文件，如 --out content/reports/名称.md（the file name gives no URL; name the output with --out）`,
  written: (file: string, encoding: string) => `已导入（imported）：${file}（源文件编码 ${encoding}）`,
  reviewWritten: (file: string, count: number) => `发现 ${count} 个数字，已列入复核文件（figures found, listed for review）：${file}`,
  todo: (fields: readonly string[]) =>
    fields.length > 0
      ? `请补全元数据中的 TODO 字段：${fields.join('、')}，然后运行 npm run check（fill in the TODO fields, then run npm run check）`
      : '请核对元数据，然后运行 npm run check（review the front matter, then run npm run check）',
} as const;

const TODO = PLACEHOLDER_PREFIX;

/** Placeholder texts the importer writes where the document does not say; each starts with TODO so the check rejects it. */
export const placeholders = {
  title: `${TODO} 填写标题`,
  date: `${TODO} 填写成文日期，格式 YYYY-MM-DD`,
  issuer: `${TODO} 填写发布机构全称`,
  /** Kinds' own fields that need more words than their label (src/lib/kinds.ts `importer`). */
  fields: {
    publication: `${TODO} 填写刊物名称，与 content/publications/ 中的 name 一致`,
    issue: `${TODO} 填写期号（数字）`,
    year: `${TODO} 填写年度（四位数字，如 2020）`,
  },
  /** A field whose schema is a list of choices. */
  oneOf: (values: readonly string[]) => `${TODO} 填写 ${values.join('、')} 之一`,
  /** Any other field, by its label in fieldLabels. */
  field: (label: string) => `${TODO} 填写${label}`,
} as const;

/** The header of the figures review file. */
export const reviewHeader = [
  '指标候选（figures found in the prose）：导入程序不会自动写入指标。',
  '请逐条核对：需要的数值由编辑录入 content/indicators/ 中对应的指标（suggestedIndicator 为建议的指标编号）。',
  '核对完成后删除本文件（delete this file after review）。',
].join('\n');
