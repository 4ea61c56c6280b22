"""How a cited title is matched to a document's title (no Qt).

A citation prints a title as its author typed it: 〔〕 or [] or （）, with or without the issuing
organ in front (《钦州市人民政府关于…的通知》 / 《关于…的通知》), and often names the document a
notice issued rather than the notice (《…实施方案》（钦政办〔2019〕68号） is issued by the notice
关于印发…实施方案的通知, 68号). The keys here fold those differences (and 人民政府 / 政府,
one organ; traditional characters) and nothing else: a wrong link is worse than none.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_DROP = re.compile(r"[\s《》“”\"'‘’「」『』〈〉<>·•.。，,、：:；;！!？?_\-—–－]+")
_OPEN = str.maketrans({"（": "(", "〔": "(", "[": "(", "【": "(", "［": "(", "﹝": "("})
_CLOSE = str.maketrans({"）": ")", "〕": ")", "]": ")", "】": ")", "］": ")", "﹞": ")"})
# Traditional characters as 公文 titles print them (a province's big5 gateway, a Hong Kong or
# Taiwan copy) folded to simplified for matching only: a title cited one way is found the other.
_TRAD = (
    "關於發規範檔縣國務決強實辦區會經濟與為見號條員門開進運際權當選舉體認證說請議論讓變"
    "處理質財稅費價錢銀資產業營貿標準確護衛醫療藥農業林漁環境廳隊職責組織領導幹幫農從眾優勢"
    "機構製訂頒佈廢執應單項類統計劃劃畫設計審覈核準備報執權歸屬價值總額點擊網絡電腦軟件"
    "鄉鎮壩礦鐵鋼線車輛駕駛航遊戲場館區間證書許監督檢測驗輸運傳統節約態營養衛與書記紀員"
    "協調聯繫辦公廳廳屬級務區縣鄉鎮縣級區級鄉級鎮級區縣鄉鎮級區劃劃區劃撥補償徵收際"
)
_SIMP = (
    "关于发规范档县国务决强实办区会经济与为见号条员门开进运际权当选举体认证说请议论让变"
    "处理质财税费价钱银资产业营贸标准确护卫医疗药农业林渔环境厅队职责组织领导干帮农从众优势"
    "机构制订颁布废执应单项类统计划划画设计审核核准备报执权归属价值总额点击网络电脑软件"
    "乡镇坝矿铁钢线车辆驾驶航游戏场馆区间证书许监督检测验输运传统节约态营养卫与书记纪员"
    "协调联系办公厅厅属级务区县乡镇县级区级乡级镇级区县乡镇级区划划区划拨补偿征收际"
)
_SIMPLIFIED = str.maketrans(_TRAD, _SIMP)


TABLE_PROBLEM = ""  # why the full table could not be read (the self-test says it)


@functools.cache
def char_table() -> dict[int, str]:
    """Traditional → simplified, one character for one (so offsets in a text stay where they
    are): the single characters of zhconv's table (a dependency), else the frequent ones above."""
    try:  # its data file read directly: zhconv's own loader goes through pkg_resources
        import json
        from importlib import resources

        data = json.loads((resources.files("zhconv") / "zhcdict.json").read_text(encoding="utf-8"))
        pairs = {k: v for k, v in data["zh2Hans"].items() if len(k) == 1 and len(v) == 1}
        return str.maketrans(pairs)
    except Exception as exc:  # a bundle without zhconv's data: the frequent characters still fold
        global TABLE_PROBLEM
        TABLE_PROBLEM = f"{type(exc).__name__}: {exc}"
        return _SIMPLIFIED


# characters only traditional text uses, frequent enough that any such text has some
TRADITIONAL_HINT = re.compile("[國們這為於與關發務會對時來個後過裡經還說當點從實現開間進長問體見條規辦區縣]")
_ISSUED = re.compile(
    r"^(?:关于)?(?:印发|转发|颁发|发布|公布|批转|下发)(.+?)(?:的)?(?:通知|决定|公告|通告|令)$"
)


@functools.cache
def _traditional() -> re.Pattern:
    """Any character the table changes (one scan says a text has nothing to fold)."""
    return re.compile("[" + "".join(re.escape(chr(c)) for c in char_table()) + "]")


@functools.lru_cache(maxsize=1 << 16)
def simplified(text: str) -> str:
    """Traditional characters as simplified (for matching; the text shown is unchanged)."""
    if text.isascii() or not _traditional().search(text):
        return text
    return text.translate(char_table())


@functools.lru_cache(maxsize=1 << 16)  # the same laws and notices are cited everywhere
def title_key(title: str | None) -> str | None:
    """The title with width, brackets, quotes, spaces and punctuation folded away."""
    if not title:
        return None
    folded = simplified(unicodedata.normalize("NFKC", title)).translate(_OPEN).translate(_CLOSE)
    # 市政府 and 市人民政府 name one organ: titles are cited with either
    key = _DROP.sub("", folded).replace("人民政府", "政府")
    return key or None


def untitled(title: str | None) -> bool:
    """A document the parser found no title for (named after its file, or after its 发文字号):
    it cannot disagree with the title a citation prints."""
    if not title or not any("\u4e00" <= c <= "\u9fff" for c in title):
        return True
    from reader.gazette.numbers import number_line

    return number_line(simplified(title)) is not None


def folded_number_key(number: str | None, key: str | None = None) -> str | None:
    """A 发文字号's key with traditional characters folded (蘇政發〔2015〕90號 is 苏政发〔2015〕90号)."""
    if not number:
        return key
    from reader.gazette.numbers import number_key

    plain = simplified(number)
    return number_key(plain) if plain != number else key or number_key(number)


def core_key(key: str | None) -> str | None:
    """The title from its 关于 on (the organ in front dropped): 钦州市人民政府关于X的通知 → 关于X的通知."""
    if not key:
        return None
    at = key.find("关于")
    return key[at:] if at > 0 else key


def issued_key(key: str | None) -> str | None:
    """The name of what a 印发 notice issues: 关于印发X方案的通知 → X方案 (None for other titles)."""
    m = _ISSUED.match(core_key(key) or "")
    return m.group(1) if m else None


def titles_agree(cited: str | None, title: str | None) -> bool:
    """Is the cited title this document's (same title, or the same with or without its organ, or
    the document this notice issues)?"""
    a, b = title_key(cited), title_key(title)
    if not a or not b:
        return False
    if a == b or core_key(a) == core_key(b):
        return True
    inner = issued_key(b)
    if inner and (a == inner or core_key(a) == core_key(inner) or (a.endswith(inner) and len(inner) >= 6)):
        return True
    outer = issued_key(a)  # cited as 《关于印发X的通知》, the library holds X on its own
    return bool(outer and (b == outer or core_key(b) == core_key(outer)))
