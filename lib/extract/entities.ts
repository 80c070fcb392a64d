// Finds named projects, organisations and parks the gazetteer does not list, by the word that
// ends their name: …项目 (a project), …有限公司/集团/合作社 (an organisation), …产业园/物流园/产业城/
// 众创城 (a park). A name starts where its clause starts or right after 的; generic phrases
// (重点项目, 签约项目, 该项目) are not names.

export type EntityType = 'project' | 'org' | 'park';

export interface Entity {
  type: EntityType;
  name: string;
  start: number;
  end: number;
}

const SUFFIXES: [RegExp, EntityType][] = [
  [/(?:股份有限公司|有限责任公司|有限公司|集团|合作社)/y, 'org'],
  // Hospitals and schools (常德市第一人民医院, 衡阳县第一中学); not 中学生, 大学生, 集中学习.
  [/(?:医院|学校|中学(?![生习])|小学(?![生习])|大学(?![生习])|学院(?![士派]))/y, 'org'],
  [/项目/y, 'project'],
  [/(?:产业园|工业园|物流园|科技园|产业城|众创城|产业新城|创新城|智造城|产业基地)/y, 'park'],
];
/** Where a name may start: after punctuation, a line break, 的, or a clause-opening word. */
const OPENERS = /[，,。；;：:！？!?、“”"\n\s]|的|其中|附|及|和|与/;
/** A name's own characters: Chinese, brackets (湖南(韶山)…), Latin and digits inside names. */
const NAME_CHAR = /[\u4e00-\u9fffA-Za-z0-9()（）·]/;
/** Words that make the phrase a description, not a name (重点项目, 签约项目, 锂电材料项目 stays). */
const GENERIC_END = /(专业|农民|重点|重大|产业|招商|签约|开工|新建|续建|在建|建设|集中|投资|各类|全部|所有|个|批|类|该|本|此|这|新|大|好|等|入园|入驻|落地|省级|市级|县级|区级|示范|亿元|万元|以上|以下|定点|公立|民营)$/;
const GENERIC_START = /^(共有|共|有|全县|全市|全区|全省|我市|我县|我区|园内|区内|今年|去年|目前|已|将|为|对|在|把|以|其中|一批|一个|多个|各|该|本|此|这|新(?!能源|材料|型|兴|一代)|引进|签约|开工|建设|推进|加快|实施|完成)/;
/** A dateline glued to the name by normalisation (本报讯华菱线缆…, 湘潭县融媒体中心讯…): not part of it. */
const DATELINE_IN = /^(?:.{0,16}?(?:报|中心|在线|网|台|日|融媒|端)讯|.{0,12}?记者.{2,30}?报道)/;
/** A capacity that opens a project's name (年产5万吨锂电正极材料项目): part of the name. */
const CAPACITY_NAME = /^(?:年产|年处理|年加工|年吞吐)[\d.]+[万亿]?/;
const CAPACITY_INSIDE = /(?:年产|年处理|年加工|年吞吐)[\d.]+[万亿]?/;

/** A verb inside the run means it is a clause, not a name (专家团队帮助企业争取项目). */
const VERB_INSIDE = /培育|新增|发展|组建|成立|扶持|蝉联|获评|荣获|成为|入选|位列|评为|帮助|争取|推动|加快|实施|开展|完成|实现|引进|推进|服务|支持|共有|铺排|纳入|列入|围绕|聚焦|打造|投资|组织|参与|参加|举行|举办|召开|签订|签署/;

/** First characters of the suffixes: the scan looks at nothing else. */
const TRIGGER = new Set([...'项有股集合产工物科众创智医学中小大'].map((c) => c.charCodeAt(0)));
/** Where a visitor comes from or a thing stands (来自湘潭大学, 位于…): the name starts after it. */
const ORIGIN = /.*(?:来自|位于|走进|来到)/;
/** Institutions (医院, 学校…): a name cut at 与/和 inside a longer one (…环境与资源学院) is no name. */
const INSTITUTION = /^(?:医院|学校|中学|小学|大学|学院)$/;
/** The verb that builds a project: its name starts after it (双方将合作建设智能终端制造基地项目). */
const NAME_AFTER = /.*(?:合作建设|投资建设|投资兴建|建设|兴建|投建|打造|来自|位于|走进|来到)/;

export function findEntities(text: string): Entity[] {
  const out: Entity[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!TRIGGER.has(text.charCodeAt(i))) continue;
    for (const [re, type] of SUFFIXES) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) continue;
      const end = i + m[0].length;
      // 跨境电商产业园项目: the project, not the park its name contains.
      // 中联重科智慧产业城二期项目, …产业园扩建项目: also the project.
      if (type === 'park' && /^(?:[一二三四五六七八九十\d]{1,2}期(?:工程)?|扩建|扩能|提质改造|技改)?项目/.test(text.slice(end, end + 8))) continue;
      // 湖南省产业园区, 全市工业园区: the generic word for parks, not a name.
      if (type === 'park' && text[end] === '区' && /[省市县全各]$/.test(text.slice(Math.max(0, i - 1), i))) continue;
      // Scan back over the name's characters to an opener, at most 24 characters.
      let a = i;
      let depth = 0;
      while (a > 0 && i - a < 24) {
        const c = text[a - 1] ?? '';
        if (c === ')' || c === '）') depth++;
        else if (c === '(' || c === '（') {
          if (depth === 0) break;
          depth--;
        } else if (depth === 0 && (!NAME_CHAR.test(c) || (OPENERS.test(c) && !(c === '附' && text[a] === '属')))) break; // 附属医院 is a name
        a--;
      }
      // 的 and clause-opening words inside the run end the name on their right.
      let core = text.slice(a, i);
      const dl = DATELINE_IN.exec(core);
      if (dl) {
        a += dl[0].length;
        core = core.slice(dl[0].length);
      }
      // Only for projects: 建设 is part of many companies' names (湖南省建设工程集团).
      const built = type === 'project' ? NAME_AFTER.exec(core) : ORIGIN.exec(core);
      if (built && built[0].length < core.length) {
        a += built[0].length;
        core = core.slice(built[0].length);
      }
      // 湖南金渌新材料有限公司年产3万吨铜箔项目: the project's name starts at its capacity.
      const capAt = type === 'project' ? core.search(CAPACITY_INSIDE) : -1;
      if (capAt > 0) {
        a += capAt;
        core = core.slice(capAt);
      }
      const wordCut = Math.max(core.lastIndexOf('的'), core.lastIndexOf('其中'));
      const digitAt = core.search(/\d[^\d]*$/);
      const capacityName = type === 'project' && CAPACITY_NAME.test(core.slice(wordCut < 0 ? 0 : wordCut + (core.startsWith('其中', wordCut) ? 2 : 1)));
      const cut = Math.max(wordCut, capacityName ? -1 : digitAt);
      if (cut >= 0) {
        const skip = core.startsWith('其中', cut) ? 2 : 1;
        a += cut + skip;
        core = core.slice(cut + skip);
      }
      // 湖南星火农机专业合作社: 专业 belongs to the name; a bare 农民专业合作社 is the generic word.
      const own = type === 'org' ? core.replace(/(?:农民)?专业$/, '') : core;
      if (INSTITUTION.test(m[0]) && /[与和及]/.test(text[a - 1] ?? '') && /[\u4e00-\u9fff]/.test(text[a - 2] ?? '')) continue;
      if (own.length < 2 || GENERIC_END.test(own) || GENERIC_START.test(core) || VERB_INSIDE.test(capacityName ? core.replace(CAPACITY_NAME, '') : core)) continue;
      // A longer name covers the ones found inside it (南华大学附属第一医院新院区项目): it alone is kept.
      while (out.length > 0 && (out[out.length - 1]?.start ?? -1) >= a) out.pop();
      out.push({ type, name: text.slice(a, end), start: a, end });
      i = end - 1;
      break;
    }
  }
  return out;
}
