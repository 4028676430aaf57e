/**
 * The word list the corpus generator draws on, next to the seed's sentences.
 * Government prose repeats a small core vocabulary but names many places,
 * units and projects; the name parts below let the generator coin thousands of
 * such names, so that the search index grows the way a real archive's does.
 */

/** Issuing bodies (发布机构). */
export const ISSUERS = [
  '光明区人民政府办公室',
  '光明区发展和改革局',
  '光明区财政局',
  '光明区住房和建设局',
  '光明区水务局',
  '光明区城市管理和综合执法局',
  '光明区应急管理局',
  '光明区教育局',
  '光明区卫生健康局',
  '光明区民政局',
  '光明区司法局',
  '光明区政务服务数据管理局',
  '光明区科技创新局',
  '光明区工业和信息化局',
  '光明区文化广电旅游体育局',
  '光明区土地整备事务中心',
  '光明区统计局',
  '光明区审计局',
  '光明区信访局',
  '光明区档案馆',
];

/** 主题分类: broad subjects, a few per document. */
export const TOPICS = [
  '政务服务', '土地整备', '重大项目', '交通建设', '治水提质', '应急管理', '智慧城市', '法治政府',
  '督查督办', '绩效考核', '意识形态', '宣传文明', '档案保密', '机要工作', '营商环境', '城市更新',
  '民生实事', '教育发展', '医疗卫生', '养老服务', '生态环境', '安全生产', '科技创新', '产业发展',
  '财政预算', '审计监督', '信访维稳', '人大政协', '党的建设', '干部队伍',
];

/** 主题词 that are not names: policy vocabulary. */
export const KEYWORDS = [
  '整村搬迁', '一网通办', '网格化管理', '海绵城市', '黑臭水体', '风险隐患', '应急预案', '应急演练',
  '规范性文件', '行政复议', '行政诉讼', '行政执法', '合同审查', '法律顾问', '政务值班', '舆情处置',
  '文明城市', '理论中心组', '绩效指标', '督查通知', '重点任务', '民生实事', '改革举措', '制度成果',
  '试点示范', '供给侧结构性改革', '云数据中心', '大数据平台', '物联感知', '电子政务', '移动办公',
  '营商环境', '审批事项', '窗口受理', '公共服务', '基坑整治', '危险边坡', '断头路', '供电设施',
  '消防设施', '食品安全', '校园安全', '垃圾分类', '河长制', '污水管网', '雨污分流', '老旧小区',
  '保障性住房', '人才住房', '产业园区', '专项债券', '资金拨付', '预算执行', '审计整改', '信访积案',
];

/** Characters that make up place names, two at a time (凤凰, 塘尾…). */
export const PLACE_SYLLABLES = [
  '光', '明', '凤', '凰', '公', '马', '田', '新', '湖', '玉', '塘', '尾', '红', '坳', '楼', '村', '甲', '子', '东',
  '周', '圳', '美', '合', '水', '白', '花', '石', '岩', '迳', '口', '茜', '坑', '将', '围', '长', '圳', '碧', '眼',
  '木', '墩', '下', '村', '上', '屋', '西', '田', '南', '庄', '翠', '湖', '蓝', '鹤', '桥', '头', '塘', '家', '章',
  '阁', '根', '竹', '园', '甫', '观',
];

/** What a place name is: 凤凰街道, 塘尾社区… */
export const PLACE_SUFFIXES = ['街道', '社区', '村', '片区', '工业园', '股份合作公司', '新村', '花园'];

/** What is built or run there: 塘尾社区污水管网工程… */
export const PROJECT_KINDS = [
  '道路改造工程', '污水管网工程', '学校建设项目', '医院扩建工程', '水质净化厂', '综合整治项目', '城市更新单元',
  '土地整备项目', '保障性住房项目', '公园建设工程', '河道治理工程', '党群服务中心', '人才公寓项目', '产业园区项目',
  '地铁站点', '消防站建设项目', '垃圾转运站', '边坡治理工程',
];

/** Offices within a department that write reports. */
export const DEPARTMENTS = [
  '综合科', '秘书科', '督查室', '法制办', '改革办', '信息中心', '应急指挥中心', '绩效办', '政策研究室', '机要科',
  '档案科', '宣传科', '财务科', '人事科',
];

/** Family names and given-name characters for authors and leaders. */
export const FAMILY_NAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
export const GIVEN_NAME_CHARACTERS = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀', '霞', '平', '刚', '桂', '华', '建', '国', '文'];
export const LEADER_POSTS = ['区委书记', '区长', '常务副区长', '副区长', '区委常委、办公室主任', '市政府副秘书长'];

/** Internal journals (内刊) and their URL slugs. */
export const JOURNALS = [
  { slug: 'guangming-xinxi', name: '光明信息' },
  { slug: 'guangming-gaige', name: '光明改革' },
  { slug: 'guangming-fazhan-yanjiu', name: '光明发展研究' },
  { slug: 'zhengwu-dongtai', name: '政务动态' },
  { slug: 'ducha-tongbao', name: '督查通报' },
  { slug: 'yingji-zhoubao', name: '应急周报' },
];

/** Indicators with a slug for their id, a name and a unit, for the yearly series. */
export const INDICATOR_NAMES = [
  { slug: 'documents-received', name: '收文数量', unit: '份' },
  { slug: 'documents-handled', name: '办文数量', unit: '份' },
  { slug: 'official-events', name: '政务活动', unit: '个' },
  { slug: 'opinion-cases', name: '舆情处置', unit: '宗' },
  { slug: 'news-articles', name: '新闻稿件', unit: '篇' },
  { slug: 'classified-documents', name: '涉密文件', unit: '份' },
  { slug: 'inspection-notices', name: '督查通知', unit: '份' },
  { slug: 'site-inspections', name: '现场督查', unit: '次' },
  { slug: 'hazards-identified', name: '风险隐患排查', unit: '宗' },
  { slug: 'emergency-plans', name: '应急预案', unit: '个' },
  { slug: 'approval-items', name: '审批事项', unit: '项' },
  { slug: 'service-windows', name: '服务窗口', unit: '个' },
  { slug: 'normative-documents-reviewed', name: '规范性文件审查', unit: '份' },
  { slug: 'legal-opinions', name: '法律意见', unit: '条' },
  { slug: 'administrative-reconsiderations', name: '行政复议案件', unit: '宗' },
  { slug: 'reform-projects', name: '改革项目', unit: '个' },
  { slug: 'reform-measures', name: '改革举措', unit: '条' },
  { slug: 'proposals-handled', name: '建议提案', unit: '件' },
  { slug: 'grid-events', name: '网格事件', unit: '件' },
  { slug: 'training-attendance', name: '培训人次', unit: '人' },
] as const;
