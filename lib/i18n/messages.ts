// Messages of the server actions and their validations in English. They are written in Chinese
// where they are raised (the default language, which tests read); this catalog, keyed by the
// Chinese text as gettext keys by the source text, gives the English one. `{}` in a key matches
// any text (a name, a number, a date, or another message, which is translated in turn); `{0}`,
// `{1}`… in the English text put the matches back in their order. A message not in the catalog is
// shown as it is. Client-safe: pages translate the server's own texts (a date check) with it too.
import type { Lang } from './dictionaries';

export const MESSAGES: readonly (readonly [zh: string, en: string])[] = [
  // lib/actions/result.ts, lib/auth.ts, rate limits
  ['该记录已被其他人修改，请刷新后重试（您的修改未保存）', 'Someone else changed this record: refresh and try again (your change was not saved)'],
  ['数据库暂时不可用，请稍后再试', 'The database is unavailable for the moment: try again later'],
  ['输入有误，请检查标出的字段', 'Some fields need attention: see the marked ones'],
  ['输入有误', 'Some fields need attention'],
  ['请先登录', 'Please sign in first'],
  ['没有权限执行此操作', 'You are not allowed to do this'],
  ['尝试次数过多，请 {} 秒后再试', 'Too many attempts: try again in {0} seconds'],
  ['尝试次数过多，请 {} 分钟后再试', 'Too many attempts: try again in {0} minutes'],
  ['已保存（重复提交，未再创建）', 'Saved (submitted twice: created once)'],
  ['已保存', 'Saved'],
  ['已删除', 'Deleted'],
  ['已合并', 'Merged'],
  // auth
  ['用户名或密码不正确', 'Wrong user name or password'],
  ['请填写用户名和密码', 'Enter your user name and password'],
  ['该账号已停用，请联系管理员', 'This account is deactivated: ask an administrator'],
  ['请输入用户名', 'Enter a user name'],
  ['用户名过长', 'User name too long'],
  ['请输入密码', 'Enter a password'],
  ['密码过长', 'Password too long'],
  // batch import and import
  ['请先选择文件或文件夹', 'Choose files or a folder first'],
  ['文件过大：最大 10 MB', 'File too large: 10 MB at most'],
  ['已加入队列：{} 个文件', 'Queued: {0} files'],
  ['批次编号无效', 'Invalid batch number'],
  ['请输入报纸名称', 'Enter the newspaper'],
  ['报纸名称过长', 'Newspaper name too long'],
  ['请选择出版日期', 'Choose the publication date'],
  ['日期格式应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD'],
  ['日期无效', 'Invalid date'],
  ['版面过长', 'Page too long'],
  ['粘贴的文字过长（最多 200 万字）', 'The pasted text is too long (2 million characters at most)'],
  ['文件“{}”是空的（0 字节）', 'The file “{0}” is empty (0 bytes)'],
  ['文件过大：{} MB，最大 10 MB（请按版面拆分后导入）', 'File too large: {0} MB, 10 MB at most (split it by page first)'],
  ['文件过大：最大 10 MB（请按版面拆分后导入）', 'File too large: 10 MB at most (split it by page first)'],
  ['只支持 .txt 文本文件或 .pdf 电子报版面', 'Only .txt text files or .pdf newspaper pages'],
  ['不是有效的 PDF 文件', 'Not a valid PDF file'],
  ['请粘贴报纸文字，或选择一个 .txt / .pdf 文件', 'Paste the newspaper text, or choose a .txt / .pdf file'],
  ['导入出错：{}', 'Import failed: {0}'],
  ['导入出错，未保存任何内容：{}', 'Import failed, nothing was saved: {0}'],
  ['已导入：{} 篇文章，{} 条待审数据{}', 'Imported: {0} articles, {1} draft figures{2}'],
  ['；其中 {} 条的单位与所选指标不符，已存为待归类：{}', '; {0} of them have a unit that does not fit the metric chosen and were kept as unclassified: {1}'],
  ['无法解压：不是有效的 .zip 文件', 'Cannot unpack: not a valid .zip file'],
  ['压缩包过大：最多 {} 个文件、共 {} MB，单个文件最大 10 MB', 'Archive too large: {0} files and {1} MB at most, 10 MB per file'],
  ['压缩包里没有 .txt 或 .pdf 文件', 'The archive holds no .txt or .pdf file'],
  ['只支持 .txt、.pdf 或 .zip 文件', 'Only .txt, .pdf or .zip files'],
  ['文件是空的（0 字节）', 'The file is empty (0 bytes)'],
  ['无法确定出版日期：文件名里没有日期（如 2023-05-19.txt），正文也没有报头或电头日期', 'No publication date: the file name has none (e.g. 2023-05-19.txt) and the text has no masthead or dateline date'],
  ['这期报纸已导入过（期次 #{}，日期为 {}，不是 {}）{}', 'This issue was imported already (issue #{0}, dated {1}, not {2}){3}'],
  ['这期报纸已导入过（期次 #{}，{}）{}', 'This issue was imported already (issue #{0}, {1}){2}'],
  ['这期报纸已导入过（期次 #{}）{}', 'This issue was imported already (issue #{0}){1}'],
  ['，该期已撤回，可在期次页恢复，未做任何更改', '; it is withdrawn and can be restored on its page; nothing was changed'],
  ['，未做任何更改', '; nothing was changed'],
  // issues
  ['期次 #{} 不存在', 'Issue #{0} does not exist'],
  ['期次编号无效', 'Invalid issue number'],
  ['出版日期 {} 晚于今天（{}），请检查', 'The date {0} is after today ({1}): please check'],
  ['出版日期 {} 晚于今天（{}）', 'The date {0} is after today ({1})'],
  ['出版日期不能晚于今天（{}）', 'The date cannot be after today ({0})'],
  ['正文的报头日期指向 {}，与所填日期 {} 不符', "The text's masthead points to {0}, not to the date entered, {1}"],
  ['正文的电头日期指向 {}，与所填日期 {} 不符', "The text's datelines point to {0}, not to the date entered, {1}"],
  ['{}。确认无误请勾选“仍使用此日期”后再保存', '{0}. If the date is right, tick “Use this date anyway” and save again'],
  ['该期次已撤回', 'This issue is withdrawn already'],
  ['已撤回：{} 条数据已从所有页面撤下', 'Withdrawn: {0} figures left every page'],
  ['该期次未撤回', 'This issue is not withdrawn'],
  ['已恢复：{} 条数据重新上线', 'Restored: {0} figures are back'],
  ['请写明撤回原因', 'Give the reason for the withdrawal'],
  ['原因过长（最多 500 字）', 'Reason too long (500 characters at most)'],
  // facts
  ['文章不存在', 'The article does not exist'],
  ['指标不存在', 'The metric does not exist'],
  ['该指标已合并到其他指标，请选择目标指标', 'This metric was merged into another: choose that one'],
  ['单位与指标“{}”不符：{}', 'The unit does not fit the metric “{0}”: {1}'],
  ['单位“{}”（{}）与指标的单位“{}”（{}）不属同一类，不能换算', 'The unit “{0}” ({1}) is not of the kind of the metric’s unit “{2}” ({3}): they do not convert'],
  ['园区不存在', 'The park does not exist'],
  ['区县不存在', 'The county does not exist'],
  ['项目不存在', 'The project does not exist'],
  ['机构不存在', 'The organisation does not exist'],
  ['数据不存在或已删除', 'The figure does not exist or was deleted'],
  ['数据 #{} 不存在或已删除', 'Figure #{0} does not exist or was deleted'],
  ['已保存并批准', 'Saved and approved'],
  ['已批准 {} 条', '{0} approved'],
  ['已驳回 {} 条', '{0} rejected'],
  ['已录入并批准', 'Entered and approved'],
  ['已录入为待审', 'Entered as a draft'],
  ['此数据已被他人修改，请刷新后重试', 'Someone else changed this figure: refresh and try again'],
  ['无效的编号', 'Invalid id'],
  ['请输入数值', 'Enter a value'],
  ['数值超出范围', 'Value out of range'],
  ['请选择指标', 'Choose a metric'],
  ['名称过长', 'Name too long'],
  ['年份应为整数', 'The year must be a whole number'],
  ['年份过早', 'Year too early'],
  ['年份过晚', 'Year too late'],
  ['期间格式：FY、H1、Q1、M01-M07 或 cumulative', 'Period: FY, H1, Q1, M01-M07 or cumulative'],
  ['请选择类型', 'Choose a kind'],
  ['请选择比较符', 'Choose a comparator'],
  ['请输入单位', 'Enter a unit'],
  ['请输入单位（如 元、名、人次、%）', 'Enter a unit (e.g. 元, 名, 人次, %)'],
  ['单位过长', 'Unit too long'],
  ['请选择园区', 'Choose a park'],
  ['请选择区县', 'Choose a county'],
  ['请选择机构，或输入新机构的名称', 'Choose an organisation, or type the name of a new one'],
  ['请选择项目，或输入新项目的名称', 'Choose a project, or type the name of a new one'],
  ['表单已过期，请刷新页面', 'The form expired: refresh the page'],
  ['请选择状态', 'Choose a status'],
  ['请说明数据来源', 'Say where the figure comes from'],
  ['请说明数据来源（至少 4 个字）', 'Say where the figure comes from (4 characters at least)'],
  ['来源说明过长', 'Source note too long'],
  ['选中的文字无效', 'Invalid selection'],
  ['请选中一段较短的文字（含一个数字）', 'Select a shorter piece of text (with one number)'],
  ['请至少选择一条', 'Choose one at least'],
  ['一次最多 1000 条', '1000 at most at once'],
  ['请填写驳回理由', 'Give a reason for the rejection'],
  ['理由过长', 'Reason too long'],
  ['选中的文字不在正文里', 'The selection is not in the text'],
  ['选中的文字里没有数字', 'The selection holds no number'],
  // figures
  ['该数字不存在或已被处理，请刷新', 'This figure does not exist or was settled already: refresh'],
  ['所选报道不属于这个数字', 'The report chosen is not one of this figure'],
  ['请选择这个数字的一条报道', 'Choose one report of this figure'],
  ['数据 #{} 已被他人修改，请刷新后重试', 'Someone else changed figure #{0}: refresh and try again'],
  ['已裁定：保留 #{}', 'Settled: #{0} kept'],
  ['有数据不存在或已删除', 'Some figures do not exist or were deleted'],
  ['只有“事件”类指标的报道可以按事件合并', 'Only reports of an event metric can be merged into one event'],
  ['只能合并同一主体、同一指标、同一年份的报道', 'Only reports of the same subject, metric and year can be merged'],
  ['已合并为一个事件（{} 条报道）', 'Merged into one event ({0} reports)'],
  ['只有“事件”类指标的报道可以拆分为单独事件', 'Only reports of an event metric can be split into events of their own'],
  ['数据已被他人修改，请刷新后重试', 'Someone else changed the figure: refresh and try again'],
  ['已拆分为单独事件', 'Split into an event of its own'],
  ['请至少选择两条报道', 'Choose two reports at least'],
  ['一次最多 50 条', '50 at most at once'],
  ['报道重复', 'The same report twice'],
  // headline
  ['指标不存在或已合并：{}', 'Metric missing or merged: {0}'],
  ['已恢复默认', 'Back to the default'],
  ['最多选择{}个指标', '{0} metrics at most'],
  ['未知的看板', 'Unknown dashboard'],
  ['同一指标只能选一次', 'Each metric once only'],
  // metrics
  ['该指标代码已存在', 'This metric key exists already'],
  ['已创建指标', 'Metric created'],
  ['指标不存在或已删除', 'The metric does not exist or was deleted'],
  ['被合并的指标不存在', 'The metric to merge does not exist'],
  ['目标指标不存在', 'The target metric does not exist'],
  ['该指标已被合并过', 'This metric was merged already'],
  ['目标指标已合并到其他指标', 'The target metric was merged into another'],
  ['不能合并：{}', 'Cannot merge: {0}'],
  ['已合并：{} 条数据移到“{}”', 'Merged: {0} figures moved to “{1}”'],
  ['“未分类”指标是导入所必需的，不能删除', 'The “unclassified” metric is needed by imports and cannot be deleted'],
  ['该指标还有 {} 条数据：请先合并到其他指标', 'This metric still has {0} figures: merge it into another first'],
  ['已删除指标', 'Metric deleted'],
  ['关键词过长', 'Keyword too long'],
  ['关键词过多', 'Too many keywords'],
  ['请输入指标代码', 'Enter a metric key'],
  ['指标代码：小写字母开头，只含小写字母、数字、下划线', 'Metric key: starts with a lower-case letter; lower-case letters, digits and underscores only'],
  ['请输入中文名称', 'Enter the Chinese name'],
  ['请输入英文名称', 'Enter the English name'],
  ['单位代码，如 CNY、percent、person、other:台', 'A unit code, e.g. CNY, percent, person, other:台'],
  ['请选择数值类型', 'Choose a value type'],
  ['请选择汇总方式', 'Choose how it adds up'],
  ['请选择方向', 'Choose a direction'],
  ['请选择指标性质', 'Choose what the metric measures'],
  ['分类过长', 'Category too long'],
  ['说明过长', 'Description too long'],
  ['请选择被合并的指标', 'Choose the metric to merge'],
  ['请选择目标指标', 'Choose the target metric'],
  ['不能合并到自身', 'A metric cannot be merged into itself'],
  // places and recognitions
  ['同名园区已存在', 'A park of this name exists already'],
  ['已创建园区', 'Park created'],
  ['园区不存在或已删除', 'The park does not exist or was deleted'],
  ['上级不能是自身', 'A region cannot be its own parent'],
  ['上级区划不存在', 'The parent region does not exist'],
  ['该区划代码已存在', 'This region code exists already'],
  ['已创建区划', 'Region created'],
  ['区划不存在或已删除', 'The region does not exist or was deleted'],
  ['已删除园区（可在数据库中恢复）', 'Park deleted (it can be restored in the database)'],
  ['园区不能是自己的上级园区', 'A park cannot be its own parent'],
  ['上级园区不存在或已删除', 'The parent park does not exist or was deleted'],
  ['不能设为上级：{}属于本园区（会形成循环）', 'Not allowed as parent: {0} belongs to this park (that would make a loop)'],
  ['该园区下还有子园区（{}），请先改设其上级园区或删除', 'This park still has sub-parks ({0}): give them another parent or delete them first'],
  ['该区划下还有 {} 个园区、{} 个下级区划', 'This region still has {0} parks and {1} regions under it'],
  ['已删除区划', 'Region deleted'],
  ['已添加荣誉', 'Award added'],
  ['记录不存在或已删除', 'The record does not exist or was deleted'],
  ['别名过长', 'Alias too long'],
  ['别名过多', 'Too many aliases'],
  ['请输入园区名称', 'Enter the park name'],
  ['类型过长', 'Type too long'],
  ['请选择级别', 'Choose a level'],
  ['请选择所在区县', 'Choose its county'],
  ['请输入行政区划代码', 'Enter the region code'],
  ['行政区划代码为 6 位数字', 'The region code is 6 digits'],
  ['请输入名称', 'Enter a name'],
  ['请选择园区或区县', 'Choose a park or a county'],
  ['请输入年份', 'Enter a year'],
  ['请输入称号', 'Enter the title'],
  ['称号过长', 'Title too long'],
  // saved views
  ['已有同名视图，请换一个名称或选择覆盖', 'A view of this name exists: choose another name or overwrite it'],
  ['已有同名视图', 'A view of this name exists'],
  ['已保存视图“{}”', 'View “{0}” saved'],
  ['视图不存在', 'The view does not exist'],
  ['已删除视图“{}”', 'View “{0}” deleted'],
  ['“{}”已设为起始页', '“{0}” is now the start page'],
  ['已取消起始页', 'No start page any more'],
  ['请填写名称', 'Enter a name'],
  ['名称不超过 60 个字', '60 characters at most'],
  ['视图过长', 'View too long'],
  // scorecard
  ['“未归类指标”不能作为评价指标', 'The “unclassified” metric cannot be an indicator'],
  ['未归类指标不能入选', 'The unclassified metric cannot be chosen'],
  ['该指标已合并到其他指标，请选择合并后的指标', 'This metric was merged into another: choose that one'],
  ['维度不存在', 'The dimension does not exist'],
  ['“{}”已在“{}”中', '“{0}” is in “{1}” already'],
  ['已在该维度中', 'In this dimension already'],
  ['已将“{}”移到“{}”', '“{0}” moved to “{1}”'],
  ['已将“{}”加入“{}”', '“{0}” added to “{1}”'],
  ['该指标不在评价指标中', 'This metric is not an indicator'],
  ['已从“{}”移除“{}”', '“{1}” removed from “{0}”'],
  ['已在最前', 'First already'],
  ['已在最后', 'Last already'],
  ['已上移', 'Moved up'],
  ['已下移', 'Moved down'],
  ['请选择维度', 'Choose a dimension'],
  ['方向只能是上移或下移', 'The direction is up or down'],
  // users
  ['用户不存在', 'The user does not exist'],
  ['至少需要保留一名启用的管理员，此操作被拒绝', 'At least one active administrator must remain: refused'],
  ['用户名已存在', 'This user name exists already'],
  ['已创建用户 {}', 'User {0} created'],
  ['角色未变化', 'The role did not change'],
  ['{} 的角色已改为 {}', "{0}'s role is now {1}"],
  ['已重置 {} 的密码', "{0}'s password was reset"],
  ['状态未变化', 'The status did not change'],
  ['已启用 {}', '{0} reactivated'],
  ['已停用 {}', '{0} deactivated'],
  ['缺少用户编号', 'The user id is missing'],
  ['缺少版本号', 'The version is missing'],
  ['请选择角色', 'Choose a role'],
  ['密码至少 {} 个字符', 'The password needs {0} characters at least'],
  ['用户名至少 3 个字符', 'The user name needs 3 characters at least'],
  ['用户名最多 32 个字符', 'The user name has 32 characters at most'],
  ['用户名只能包含字母、数字、点、下划线和连字符', 'The user name may hold letters, digits, dots, underscores and hyphens only'],
  ['请输入姓名', 'Enter the name'],
  ['姓名最多 50 个字符', 'The name has 50 characters at most'],
  // audit notes of an issue's date change
  ['期次 #{} 出版日期 {} → {}：年份按新日期重新推算', 'Issue #{0} redated {1} → {2}: year re-read with the new date'],
  ['{} 条待审数据的年份按新日期重新推算', "{0} drafts' years re-read with the new date"],
  ['{} 条已批准数据的年份按新日期会改变，未改动，待核对：{}', '{0} approved figures would take another year with the new date; left as they are, to check: {1}'],
  ['{}；{}', '{0}; {1}'],
  // role names inside messages
  ['管理员', 'admin'],
  ['分析员', 'analyst'],
  ['查看者', 'viewer'],
];

interface Compiled {
  re: RegExp;
  en: string;
}

const EXACT = new Map<string, string>();
const PATTERNS: Compiled[] = [];
for (const [zh, en] of MESSAGES) {
  if (!zh.includes('{}')) {
    EXACT.set(zh, en);
    continue;
  }
  const body = zh.split('{}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('([\\s\\S]*?)');
  PATTERNS.push({ re: new RegExp(`^${body}$`), en });
}
// The most specific pattern first: the one with more fixed text.
PATTERNS.sort((a, b) => b.re.source.replace(/\(\[\\s\\S\]\*\?\)/g, '').length - a.re.source.replace(/\(\[\\s\\S\]\*\?\)/g, '').length);

/** The message in the reader's language (Chinese as written; English from the catalog, else as written). */
export function translateMessage(message: string, lang: Lang): string {
  if (lang === 'zh' || message === '') return message;
  const exact = EXACT.get(message);
  if (exact !== undefined) return exact;
  for (const p of PATTERNS) {
    const m = p.re.exec(message);
    if (!m) continue;
    const args = m.slice(1).map((a) => translateMessage(a ?? '', lang));
    return p.en.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? '');
  }
  return message;
}

/** A server action's answer with its message and field errors in the reader's language. */
export function translateResult<R>(result: R, lang: Lang): R {
  if (lang === 'zh' || !result || typeof result !== 'object') return result;
  const r = result as { message?: unknown; fieldErrors?: Record<string, string[]> };
  const out: Record<string, unknown> = { ...(result as Record<string, unknown>) };
  if (typeof r.message === 'string') out.message = translateMessage(r.message, lang);
  if (r.fieldErrors) {
    out.fieldErrors = Object.fromEntries(
      Object.entries(r.fieldErrors).map(([k, v]) => [k, k === 'proposedDate' ? v : v.map((m) => translateMessage(m, lang))]),
    );
  }
  return out as R;
}
