"""The one registry of lint rules: ID, linter, severity, a one-line rationale and an example.

`--list-rules` and the `<!-- lint-rules -->` marker of the contributing pages render this table,
so the documentation of a rule cannot drift from its definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Rule:
    id: str
    linter: str  # links | terms | meta | privacy | scan
    severity: str  # error | warning
    rationale: str
    wrong: str
    right: str
    fixable: bool = False
    rationale_en: str = ""


_RULES = [
    # The parsing front: reported by every linter that reads the file.
    Rule("file-encoding", "scan", "error", "页面必须是 UTF-8 编码，否则构建和搜索会出现乱码。",
         "用 GBK 保存的 page.md", "用 UTF-8 保存的 page.md",
         rationale_en="Pages must be UTF-8; other encodings break the build and search."),
    Rule("file-too-large", "scan", "error", "超大文件多半是误粘贴的数据，拖慢构建，应拆分或移出 docs。",
         "一个 20 MB 的 page.md", "拆成若干页面，数据放在 data/",
         rationale_en="Huge pages are usually pasted data; split them or move the data out of docs/."),
    Rule("file-unclosed-fence", "scan", "error", "未闭合的代码块会吞掉其后的全部内容。",
         "```template 之后没有结束的 ```", "以 ``` 结束代码块",
         rationale_en="An unclosed fence swallows the rest of the page."),
    # links
    Rule("link-not-found", "links", "error", "内部链接或图片必须指向 docs 中存在的文件（区分大小写）。",
         "[做法](practice-joint-crackdwn.md)", "[做法](practice-joint-crackdown.md)",
         rationale_en="Internal links and images must point to an existing file of the docs, exact case."),
    Rule("link-outside-docs", "links", "error", "链接不能跳出 docs 目录，站点上不存在这些文件。",
         "[规范](../../CONTRIBUTING.md)", "[规范](../../contributing/index.md)",
         rationale_en="Links must not leave docs_dir; those files are not on the site."),
    Rule("link-absolute", "links", "error", "以 / 开头的绝对链接在子路径部署时失效，应写相对链接。",
         "[术语](/glossary/index.md)", "[术语](../glossary/index.md)",
         rationale_en="Absolute links break when the site is served below a path; link relatively."),
    Rule("link-unrecognized", "links", "error", "链接应写到具体的 .md 文件，不写目录或无扩展名路径。",
         "[专题](../topics/markets/)", "[专题](../topics/markets/index.md)",
         rationale_en="Link to the .md file, not to a folder or an extension-less path."),
    Rule("link-anchor", "links", "error", "#锚点必须存在于目标页面（按 MkDocs 渲染结果计算）。",
         "[出处](../../sources/report-1.md#p55)", "[出处](../../sources/report-1.md#p5)",
         rationale_en="The #anchor must exist in the target as MkDocs renders it."),
    Rule("link-i18n-ids", "links", "error", "英文页必须保留中文原页的全部标题 ID，链接才能跨语言通用。",
         "## Who does it {#who-does-it}", "## Who does it {#who}",
         rationale_en="A translation keeps every heading ID of its source so links survive translation."),
    Rule("link-i18n-suffix", "links", "warning",
         "链接 .en.md 能打开，但会把两种语言的读者都带到英文页；写中文页文件名，i18n 插件按读者语言选择版本（写法问题，不是断链）。",  # noqa: E501
         "[Summary](index.en.md)", "[Summary](index.md)",
         rationale_en="A link to x.en.md works but sends readers of both languages to the English page; "
                      "link to x.md and the i18n plugin picks each reader's language (style, not breakage)."),
    Rule("link-nav", "links", "error", "mkdocs.yml 导航中的条目必须指向存在的页面。",
         "nav: - 首页: indx.md", "nav: - 首页: index.md",
         rationale_en="Every nav entry of mkdocs.yml must point to an existing page."),
    Rule("link-external-dead", "links", "error", "外部链接已失效（404、410 或域名不存在）。",
         "https://example.invalid/gone", "换成有效地址或删去链接",
         rationale_en="The external link is dead (404, 410 or unknown host)."),
    Rule("link-external-flaky", "links", "warning", "外部链接暂时无法访问（超时、429、5xx），请稍后复查。",
         "返回 503 的地址", "稍后复查；持续失败再替换",
         rationale_en="The external link failed transiently (timeout, 429, 5xx); check again later."),
    # terms
    Rule("term-deprecated", "terms", "error", "使用术语表（data/glossary.yml）规定的规范术语，不用其中列出的不宜写法。",  # noqa: E501
         "见术语表“不宜写作”", "术语表中的规范术语", fixable=True,
         rationale_en="Use the glossary's canonical term, not a form it lists as deprecated."),
    Rule("term-en-rendering", "terms", "error", "英文页中术语的英文译名与术语表一致（括注中文术语处检查）。",
         "joint action (联合执法)", "joint enforcement (联合执法)",
         rationale_en="English pages use the glossary's English rendering where the Chinese term is given."),
    Rule("wording-typo", "terms", "error", "常见错别字（data/wording.yml）。",
         "再接再励", "再接再厉", fixable=True,
         rationale_en="A common miswritten word (data/wording.yml)."),
    Rule("wording-variant", "terms", "error", "异形词用推荐词形（《第一批异形词整理表》等，见 data/wording.yml）。",  # noqa: E501
         "笔划", "笔画", fixable=True,
         rationale_en="Use the recommended form of a variant word (data/wording.yml)."),
    Rule("wording-confusable", "terms", "error", "易混词按词义选用（data/wording.yml）。",
         "截止目前", "截至目前", fixable=True,
         rationale_en="A commonly confused word in this context (data/wording.yml)."),
    Rule("wording-suspect", "terms", "warning",
         "疑似别字：分词后不成词的片段，换一个同音字就成为常用词或成语（输入法误选）。只提示，不自动修改；确实无误时可忽略或用 lint-disable。",  # noqa: E501
         "心杆情愿；该善人居环境", "心甘情愿；改善人居环境",
         rationale_en="A likely misspelling no list names: a segment that is no word, while one "
                      "homophone makes it a common word or idiom (an input-method slip). "
                      "A warning, never fixed."),
    Rule("wording-redundant", "terms", "error", "成分赘余：约数词和“左右”、“超过”和“以上”不并用。",
         "约200人左右", "约200人（或：200人左右）",
         rationale_en="Redundancy: 约 with 左右, 超过 with 以上."),
    Rule("punct-halfwidth", "terms", "error", "中文行文用全角标点，句中、行末和引号前都一样（GB/T 15834—2011）。",  # noqa: E501
         "各位领导,现将情况汇报如下:", "各位领导，现将情况汇报如下：", fixable=True,
         rationale_en="Chinese prose uses full-width punctuation, mid-line, at a line's end and before "
                      "a closing quote (GB/T 15834-2011)."),
    Rule("punct-quote-halfwidth", "terms", "error", "中文行文用弯引号“”，不用直引号 \"\"（GB/T 15834—2011）。",  # noqa: E501
         "\"五小\"行业", "“五小”行业",
         rationale_en="Chinese prose uses “” quotes, not straight quotes."),
    Rule("punct-pair", "terms", "error", "引号、括号、书名号必须成对（GB/T 15834—2011）。",
         "《志愿服务条例实施", "《志愿服务条例》实施",
         rationale_en="Quotes, brackets and title marks come in pairs."),
    Rule("punct-ellipsis", "terms", "error", "省略号用“……”（两个三连点），不用 ... 或 。。。（GB/T 15834—2011）。",  # noqa: E501
         "整治、宣传...", "整治、宣传……", fixable=True,
         rationale_en="The Chinese ellipsis is …… (two ellipsis characters)."),
    Rule("number-year-zero", "terms", "error", "汉字数字年份中的零写作“〇”（GB/T 15835—2011）。",
         "二0一一年", "二〇一一年", fixable=True,
         rationale_en="In years written with Chinese numerals, zero is 〇 (GB/T 15835-2011)."),
    Rule("numbering-order", "terms", "error",
         "公文层次序数依次为 一、（一）1.（1）（GB/T 9704—2012），不写 1、；只检查模板、报告写作、常用语页面和 template/phrase 代码块（data/wording.yml official_numbering）。",  # noqa: E501
         "1、建立台账", "1.建立台账", fixable=True,
         rationale_en="Official-document numbering is 一、（一）1.（1） (GB/T 9704-2012), not 1、; "
                      "checked on "
                      "templates, report writing and phrase pages and in template/phrase fences."),
    Rule("punct-ordinal", "terms", "error", "汉字序次语后用顿号（一、），带括号的序次语后不再加标点（GB/T 15834—2011）。",  # noqa: E501
         "一.工作开展情况；（一）、加强领导", "一、工作开展情况；（一）加强领导", fixable=True,
         rationale_en="A Chinese ordinal takes 、 (一、), a bracketed one takes no mark ((一)) "
                      "(GB/T 15834-2011)."),
    Rule("number-range", "terms", "error", "数值范围用浪纹线“～”，不用连字符；百分数和万、亿前后都写（GB/T 15834、15835）。",  # noqa: E501
         "15-30%；3-5名", "15%～30%；3～5名", fixable=True,
         rationale_en="Ranges use ～ and repeat % (and 万/亿) on both numbers."),
    Rule("date-zero-pad", "terms", "error", "汉字日期中的月、日不补零（GB/T 15835—2011）。",
         "2025年03月01日", "2025年3月1日", fixable=True,
         rationale_en="Months and days in Chinese dates are not zero-padded."),
    # meta
    Rule("meta-missing", "meta", "error", "每个内容页以 YAML 元数据开头（见参与贡献 §2）。",
         "页面直接以 # 标题 开头", "---\\ntitle: …\\ntype: …\\n---",
         rationale_en="Every content page starts with YAML front matter (CONTRIBUTING §2)."),
    Rule("meta-yaml", "meta", "error", "元数据必须是合法的 YAML 映射，并以 --- 结束。",
         "title: [未闭合", "title: 联合执法",
         rationale_en="Front matter must be a valid YAML mapping closed by ---."),
    Rule("meta-schema", "meta", "error", "元数据的键和值符合页面类型的要求（必填键、类型、专题、标签、来源、日期）。",  # noqa: E501
         "type: practise", "type: practice",
         rationale_en="Keys and values follow the schema (required keys, type, topic, tags, sources, date)."),
    Rule("meta-unknown-key", "meta", "warning", "未知的元数据键多半是拼写错误。",
         "tag: [乡镇]", "tags: [乡镇]",
         rationale_en="An unknown front matter key is usually a typo."),
    Rule("meta-translation-source", "meta", "error", "英文页 x.en.md 必须有中文原页 x.md。",
         "只有 index.en.md", "index.md 和 index.en.md",
         rationale_en="An English page x.en.md needs its Chinese source x.md."),
    Rule("meta-translation-hash", "meta", "error", "translation_of 是中文原页的内容哈希（十六进制字符串）。",
         "translation_of: yes", "translation_of: 3f2a9c1e…",
         rationale_en="translation_of is the content hash (hex string) of the Chinese source."),
    Rule("meta-translation-mismatch", "meta", "error", "英文页的 type、topic、sources 与中文原页相同。",
         "type: guide（原页为 practice）", "type: practice",
         rationale_en="An English page has the same type, topic and sources as its source."),
    Rule("page-unfilled", "meta", "error", "make new 写入的【待填写：……】等提示要换成正文；模板正文中的占位符除外。",  # noqa: E501
         "【待填写：牵头单位、配合单位和具体岗位。】", "由街道城管科牵头，各社区配合。",
         rationale_en="Replace the prompts of make new (【待填写：…】); a template's own placeholders stay."),
    Rule("practice-no-source", "meta", "error", "典型做法页面必须链接到原始汇报的具体段落。",
         "出处：某街道汇报", "出处：[第二篇第9段](../../sources/report-2.md#p9)",
         rationale_en="A model practice links to the paragraph of the source report it comes from."),
    # privacy
    Rule("privacy-mobile", "privacy", "error", "不公开手机号码。", "联系人：13912345678", "联系人：【联系电话】",  # noqa: E501
         rationale_en="No mobile phone numbers."),
    Rule("privacy-id-card", "privacy", "error", "不公开居民身份证号码（按 GB 11643 校验码识别）。",
         "身份证号 11010519491231002X", "身份证号【已隐去】",
         rationale_en="No resident ID numbers (recognised by their GB 11643 checksum)."),
    Rule("privacy-landline", "privacy", "error", "不公开个人或科室的固定电话号码。",
         "值班电话：0571-87654321", "值班电话：【联系电话】",
         rationale_en="No personal or office landline numbers."),
    Rule("privacy-bank-card", "privacy", "error", "不公开银行卡号（按 Luhn 校验码识别）。",
         "卡号 6222 0212 3456 7890 128", "卡号【已隐去】",
         rationale_en="No bank card numbers (recognised by their Luhn check digit)."),
    Rule("privacy-email", "privacy", "error", "不公开个人电子邮箱；示例用 example.org。",
         "zhangsan@163.com", "name@example.org",
         rationale_en="No personal e-mail addresses; examples use example.org."),
    Rule("privacy-plate", "privacy", "error", "不公开机动车号牌。", "车牌京A12345违停", "一辆小型汽车违停",
         rationale_en="No vehicle licence plates."),
    Rule("html-unsafe", "privacy", "error", "不写可执行的 HTML（script、iframe、on* 属性、javascript: 链接）。",  # noqa: E501
         "<iframe src=…>", "[视频](https://…)",
         rationale_en="No executable HTML (script, iframe, on* attributes, javascript: links)."),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
LINTERS = ("links", "terms", "meta", "privacy")


def rule(rule_id: str) -> Rule:
    return RULES[rule_id]


def rules_table(locale: str = "zh") -> str:
    """The rule list as a Markdown table, in the page's language."""
    if locale == "en":
        header = "| Rule | Checked by | Level | Why | Wrong | Right | --fix |"
    else:
        header = "| 规则 | 检查器 | 级别 | 理由 | 错误示例 | 正确示例 | 可自动修正 |"
    rows = [header, "| --- | --- | --- | --- | --- | --- | --- |"]
    for item in _RULES:
        why = item.rationale_en if locale == "en" and item.rationale_en else item.rationale
        fix = ("yes" if locale == "en" else "是") if item.fixable else ""
        rows.append(
            f"| `{item.id}` | {item.linter} | {item.severity} | {_cell(why)} | {_code(item.wrong)} "
            f"| {_code(item.right)} | {fix} |"
        )
    return "\n".join(rows)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _code(text: str) -> str:
    text = text.replace("|", "\\|")
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def lint_rules(locale: str, docs: Path, page_dir: str) -> str:
    """Renderer of the `<!-- lint-rules -->` marker (see handbook/build/generate.py)."""
    return rules_table(locale)
