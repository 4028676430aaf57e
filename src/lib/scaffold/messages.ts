/** What `npm run new` asks and says, in Chinese with English in brackets. */
import { DOCUMENT_KINDS } from '../kinds.ts';

export const scaffoldMessages = {
  usage: `用法（usage）：npm run new -- <${DOCUMENT_KINDS.join('|')}> [--title 标题] [--date YYYY-MM-DD] [--journal 刊物] [--issuer 发布机构]`,
  unknownKind: (kind: string, kinds: readonly string[]) =>
    `未知的文档类别“${kind}”，应为 ${kinds.join('、')} 之一（unknown kind; expected one of ${kinds.join(', ')}）`,
  askTitle: '标题（title）：',
  askJournal: (journals: readonly string[]) =>
    `刊物（journal）：\n${journals.map((name, i) => `  ${i + 1}. ${name}`).join('\n')}\n请输入序号或刊名：`,
  askDate: (today: string) => `成文日期（date），直接回车为今天 ${today}：`,
  askIssuer: '发布机构全称（issuer）：',
  titleRequired: '标题不能为空（a title is required）',
  badDate: (value: string) => `日期“${value}”无效，应为存在的日期，格式 YYYY-MM-DD（expected a real date like 2021-03-01）`,
  unknownJournal: (value: string, known: readonly string[]) =>
    `刊物“${value}”不在 content/publications/ 中；可选：${known.join('、') || '（无）'}（unknown journal）`,
  issuerRequired: '无法从已有文档推断发布机构，请用 --issuer 给出（no issuer to copy; give --issuer）',
  missingAnswers: (flags: readonly string[]) => `非交互运行时请给出 ${flags.join('、')}（not interactive: give ${flags.join(', ')}）`,
  written: (file: string) => `已新建（created）：${file}`,
  nextSteps:
    '文件已设为草稿（draft: true），不会发布；写好正文、核对元数据后删除 draft 这一行，再运行 npm run check。（the file is a draft; remove the draft line when it is ready）',
  draftComment: '草稿：写好正文、核对元数据后删除 draft 这一行即可发布（draft: remove the line to publish）',
  choicesComment: (field: string, values: readonly string[]) => `${field} 可选：${values.join('、')}`,
  bodyPlaceholder: '（正文待撰写）',
} as const;
