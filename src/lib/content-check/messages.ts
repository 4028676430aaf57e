/** What `npm run check` and the build say to editors, in Chinese with English in brackets. */

/** `1 error`, `2 errors`: the English in brackets counts properly. */
const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** `2,097,152`: byte counts an editor can read. */
const bytes = (count: number) => count.toLocaleString('en-US');

export const checkMessages = {
  emptyFile: (required: readonly string[]) =>
    `文件是空的；应有 --- 元数据块，至少包括字段 ${required.join('、')}，然后是正文（the file is empty）`,
  outsideCollections: (folders: readonly string[]) =>
    `文件不在任何内容类别目录中，不会被发布；应放在 content/ 下的 ${folders.join('、')} 目录之一（file is outside every content folder; move it into one of them）`,
  notCollectionFile: (extensions: readonly string[]) =>
    `此目录只读取 ${extensions.join('、')} 文件，此文件不会被发布（this folder only reads ${extensions.join(', ')} files; this file is ignored）`,
  importReviewFile: '导入时生成的指标候选复核文件，核对完后请删除（figures review file from an import; delete it after review）',
  noFrontMatter: (required: readonly string[]) =>
    `文件开头缺少以 --- 开始和结束的元数据块，至少包括字段 ${required.join('、')}（missing the front matter block between --- lines）`,
  unknownField: (key: string, suggestion: string | undefined, known: readonly string[]) =>
    suggestion !== undefined && suggestion.toLowerCase() === key.toLowerCase()
      ? `未知字段 ${key}：字段名区分大小写，应写作 ${suggestion}（unknown field: field names are case-sensitive, write ${suggestion}）`
      : suggestion !== undefined
        ? `未知字段 ${key}，是否应为 ${suggestion}？可用字段：${known.join('、')}（unknown field; did you mean ${suggestion}?）`
        : `未知字段 ${key}；可用字段：${known.join('、') || '（无）'}（unknown field）`,
  yamlSyntax: (detail: string) => `YAML 语法错误，请检查冒号、引号和缩进（YAML syntax error: ${detail}）`,
  notAMapping: '元数据应为“字段: 值”的形式，每行一个字段（front matter must be `field: value` lines）',
  missingField: '缺少必填字段（missing required field）',
  placeholder: '还是 TODO 占位内容，请填写实际内容（placeholder not filled in）',
  unknownPublication: (known: readonly string[]) =>
    `刊物不在 content/publications/ 中；可选：${known.join('、') || '（无）'}（unknown journal）`,
  duplicateIssue: (others: readonly string[]) => `期号重复，同一刊物同年同期还有：${others.join('、')}（duplicate bulletin issue）`,
  duplicateIndexNo: (others: readonly string[]) => `索引号重复，同一索引号还出现在：${others.join('、')}（duplicate indexNo）`,
  mdxSyntax: 'MDX 语法错误：标签要成对闭合，{ } 中应为合法表达式（MDX syntax error）',
  unknownComponent: (known: readonly string[]) =>
    `未知组件：只能使用站点提供的组件${known.length ? `：${known.join('、')}` : ''}（unknown MDX component）`,
  missingLinkTarget: '链接指向的文档不存在，请检查相对路径和文件名（link target does not exist）',
  missingAnchor: (available: readonly string[]) =>
    `链接中的 # 标题锚点在目标文档中不存在${available.length ? `；可用：${available.slice(0, 8).join('、')}` : ''}（heading anchor not found）`,
  excludedLinkTarget:
    '链接指向本次构建不发布的文档（草稿、不予公开或非公开文档），将显示为纯文本（link to an unpublished document is shown as plain text）',
  excludedRawHtmlLink:
    'HTML 链接指向本次构建不发布的文档（草稿、不予公开或非公开文档），发布后会泄露其网址；请删除链接，或改写为 Markdown 链接 [文字](路径)，构建时显示为纯文本（raw HTML link to an unpublished document; remove it or write a Markdown link, which is shown as plain text）',
  mdxImport: (components: readonly string[]) =>
    `MDX 中不能写 import 或 export：文档不运行代码；站点组件 ${components.join('、')} 无需 import 即可使用（import and export are not allowed in MDX）`,
  mdxExpression:
    'MDX 中不能写 { } 表达式（JavaScript）；要显示大括号请写 \\{，代码请放进代码块；组件属性只能直接写数字、字符串或字符串数组，如 year={2020}（JavaScript expressions are not allowed in MDX）',
  mdxFragment: 'MDX 中不能写 <> 片段，请去掉 <> 和 </>（fragments are not allowed in MDX）',
  componentAttributes: (component: string, documented: readonly string[]) =>
    `<${component}> 只接受这些属性，值须直接写出：${documented.join(' ') || '（无）'}（only these attributes, with literal values）`,
  htmlAttributeExpression: 'HTML 属性值只能写在引号中，不能用 { } 表达式（HTML attributes take quoted text only）',
  htmlElement: (tags: readonly string[]) =>
    `不允许的 HTML 元素，不会发布；可用的元素：${tags.join(' ')}（HTML element not allowed, never published）`,
  htmlAttribute: (tag: string, attributes: readonly string[]) =>
    `不允许的 HTML 属性或属性值，不会发布；<${tag}> 可用的属性：${attributes.join(' ') || '（无）'}；不能用 on… 事件、style、class、id（HTML attribute not allowed, never published）`,
  unsafeUrl: '链接只能指向 http:、https:、mailto: 或站内地址，图片只能是 http:、https: 或站内地址（URL scheme not allowed）',
  mdxLayout: 'MDX 文档不能指定 layout，版式由站点决定；请删除这一行（layout is not allowed in a document）',
  mdxRenderFailed: (where: string, detail: string) => `${where}：MDX 正文渲染失败（MDX render failed）\n  ${detail}`,
  crashed: '检查内容时程序出错；加 --verbose 查看详情（the content check itself failed; use --verbose for details）',
  symlink:
    '是符号链接，不会被读取也不会被发布；内容文件必须是 content/ 中的真实文件，请把文件本身放进来（a symbolic link: content files must be real files inside content/; links are never followed）',
  notRegularFile: '不是普通文件，不会被读取；内容文件必须是 content/ 中的真实文件（not a regular file）',
  notUtf8:
    '文件不是 UTF-8 编码（可能是 GBK/GB18030 或 UTF-16），发布出来会是乱码；请在编辑器中另存为 UTF-8，或用 npm run import 重新导入原始的 .txt/.docx 文件，它会自动转换编码（the file is not UTF-8: save it as UTF-8, or import the original with npm run import, which converts GB18030 and UTF-16）',
  tooLarge: (size: number, limit: number) =>
    `文件有 ${bytes(size)} 字节，超过上限 ${bytes(limit)} 字节（GAZETTE_MAX_DOCUMENT_BYTES）；请拆分文档，或删去误粘贴的内容（the file is ${bytes(size)} bytes, over the limit of ${bytes(limit)} bytes）`,
  sameUrl: (others: readonly string[]) =>
    `与 ${others.join('、')} 对应同一个网址，只有一个能被发布；文件名只差大小写、标点或扩展名（.md/.mdx）时网址相同，请给其中一个改名（two files map to the same URL and one would disappear; rename one of them）`,
  sameEntryName: (others: readonly string[], extensions: readonly string[]) =>
    `与 ${others.join('、')} 得到同一个条目名，只有一个会被读取；文件名只差大小写、标点或扩展名（${extensions.join('/')}）时条目名相同，请给其中一个改名（two files get the same entry name and one would be ignored; rename one of them）`,
} as const;

/** Field names for the report lines. */
export const checkLabels = {
  errorCount: (errors: number, warnings: number) =>
    `内容检查：${errors} 个错误，${warnings} 个警告（content check: ${counted(errors, 'error')}, ${counted(warnings, 'warning')}）`,
  allGood: (files: number) => `内容检查通过：${files} 个文件（content check passed: ${counted(files, 'file')}）`,
  error: '错误',
  warning: '警告',
  field: '字段',
  found: '发现',
  expected: '应为',
  file: '文件',
  body: '正文',
  link: '链接',
  folder: '目录',
  encoding: '编码',
  size: '大小',
  url: '网址',
  watching: (folder: string) => `修改 ${folder} 中的文件后会自动重新检查（watching ${folder}; content is checked again on every change）`,
  buildStopped: '内容有错误，构建已停止。请按上面的提示修改后重试。（content errors: build stopped）',
  linksChanged: '文档之间的链接与上次构建不同，全部文档重新渲染（links between documents changed: every document is rendered again）',
} as const;
