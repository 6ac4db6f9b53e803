"""Normalize stage: Document → one matching text, with a map back to the original characters.

Matching happens on a text where full-width forms are ASCII (NFKC), traditional
characters are simplified, letters are lower case, CJK text broken across lines
or spaced out (`接 通 率`) is rejoined, and soft line wraps are undone.  Every
character of that text remembers the line and column it came from, so evidence
always points at the original.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from clausekit.models import Document

_TERMINAL = set("。.;!?:")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NUMBER_IN_WORDS = re.compile(r"(?<![a-z])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                              r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)$")
_MARKER = re.compile(
    r"^(?:#{1,6}\s|第[一二三四五六七八九十百零〇两\d]+[条章节款部分篇]|[一二三四五六七八九十]+\s*[、.]|"
    r"\([一二三四五六七八九十\d]+\)|\d+(?:\.\d+)*\s*[.、)]|\d+\.\d+|[-*•·●▪]\s|\||"
    r"(?:article|section|clause|schedule|exhibit|appendix|annex|附件|附录)\s*[\da-z一二三四五六七八九十])"
)


def is_cjk(ch: str) -> bool:
    """True for CJK ideographs and CJK punctuation: text where words are not space-separated."""
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F
            or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FA1F or 0xFF01 <= o <= 0xFF64)


@lru_cache(maxsize=4096)
def _nfkc(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


# Taiwan and Hong Kong contracts name the same things with other words; after simplification
# they are mapped to the mainland word of the same length (offsets stay put), so one pattern
# finds both: 契約 → 合同, 訓練 → 培训, 服務水準 → 服务水平, 個人資料 → 个人信息, ...
REGIONAL_WORDS = {
    "契约": "合同", "合约": "合同", "委外": "外包", "训练": "培训", "督导": "主管", "到职": "入职",
    "服务水准": "服务水平", "客诉": "投诉", "移转": "转移", "资讯": "信息", "个人资料": "个人信息",
    "营业秘密": "商业秘密", "品质": "质量", "进线": "呼入", "网路": "网络", "软体": "软件", "帐号": "账号",
    "帐户": "账户", "薪资": "工资", "检讨": "回顾", "电邮": "邮件", "专案": "项目", "窗口人员": "对接人员",
    "行销": "营销", "外拨": "外呼", "缴付": "支付",
    # Hong Kong
    "质素": "质量", "人手": "人员", "公众假期": "法定假日", "工作天": "工作日", "私隐": "隐私", "外判": "外包",
    "服务供应商": "服务提供商", "网上聊天": "在线聊天", "前线": "一线", "资讯保安": "信息安全",
}
_REGIONAL = re.compile("|".join(sorted(map(re.escape, REGIONAL_WORDS), key=len, reverse=True)))


def to_simplified(text: str) -> str:
    """Return `text` with traditional characters simplified and regional words mapped, length kept."""
    if text.isascii():
        return text
    out = _t2s().convert(text)
    if len(out) != len(text):
        conv = _t2s().convert
        out = "".join(c if len(c := conv(ch)) == 1 else ch for ch in text)
    return _REGIONAL.sub(lambda m: REGIONAL_WORDS[m.group()], out)


def fold_text(text: str) -> str:
    """Return the matching form of a short text (a pattern literal, an example): no offset map."""
    return normalize_line(text)[0]


def normalize_line(line: str) -> tuple[str, list[int]]:
    """Return the normalized line and, per output character, its column in `line`.

    Whitespace is collapsed to one space, and dropped next to CJK characters.  A tab
    between words separates table cells (tab-separated tables): it becomes ` | `'s `|`.
    """
    chars: list[str] = []
    cols: list[int] = []
    line = _SURROGATE.sub("\ufffd", line)  # lone surrogates from bad decoding: keep length, drop the char
    if unicodedata.is_normalized("NFKC", line):
        chars, cols = list(line), list(range(len(line)))
    else:
        for i, ch in enumerate(line):
            for c in _nfkc(ch):
                chars.append(c)
                cols.append(i)
    text = to_simplified("".join(chars)).lower()
    if len(text) != len(chars):  # lower() may expand a rare letter; fall back per character
        text = "".join(c if len(c := ch.lower()) == 1 else ch for ch in to_simplified("".join(chars)))
    out: list[str] = []
    out_cols: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            if out and j < n and "\t" in text[i:j]:
                out.append("|")
                out_cols.append(cols[i + text[i:j].index("\t")])
            elif out and j < n and not (is_cjk(out[-1]) or is_cjk(text[j])):
                out.append(" ")
                out_cols.append(cols[i])
            i = j
            continue
        out.append(ch)
        out_cols.append(cols[i])
        i += 1
    return "".join(out), out_cols


def _width(s: str) -> int:
    return sum(2 if is_cjk(c) else 1 for c in s)


@dataclass(frozen=True)
class MatchText:
    """The normalized text of a document and the map back to its lines.

    `text` holds one '\\n' per hard break (paragraph end); `origin[i]` is the
    offset in the original text (lines joined by '\\n') of `text[i]`.
    """

    text: str
    origin: tuple[int, ...]
    line_starts: tuple[int, ...]
    original: str

    def line_of(self, pos: int) -> int:
        """Return the 1-based original line of normalized position `pos`."""
        pos = min(max(pos, 0), len(self.origin) - 1)
        return bisect.bisect_right(self.line_starts, self.origin[pos]) if self.origin else 1

    def original_span(self, start: int, end: int) -> str:
        """Return the original text behind normalized span [start, end), whitespace collapsed."""
        if not self.origin or start >= end:
            return ""
        a = self.origin[start]
        b = self.origin[min(end, len(self.origin)) - 1] + 1
        return " ".join(self.original[a:b].split())


def normalize(doc: Document, headings: set[int] | None = None) -> MatchText:
    """Return the MatchText of `doc`; lines in `headings` (0-based) always end a paragraph."""
    headings = headings or set()
    raw = [ln.text for ln in doc.lines]
    starts: list[int] = []
    pos = 0
    for t in raw:
        starts.append(pos)
        pos += len(t) + 1
    norm = [normalize_line(t) for t in raw]
    widths = sorted(_width(t) for t, _ in norm if t)
    typical = widths[int(len(widths) * 0.8)] if widths else 0

    text: list[str] = []
    origin: list[int] = []
    prev = ""
    for idx, (t, cols) in enumerate(norm):
        if not t:
            if text and text[-1] != "\n":
                text.append("\n")
                origin.append(starts[idx])
            prev = ""
            continue
        if text and text[-1] != "\n":
            if _hard_break(prev, t, typical, idx - 1 in headings or idx in headings):
                text.append("\n")
                origin.append(starts[idx] - 1)
            elif not (is_cjk(prev[-1]) or is_cjk(t[0])):
                text.append(" ")
                origin.append(starts[idx] - 1)
        text.extend(t)
        origin.extend(starts[idx] + c for c in cols)
        prev = t
    return MatchText("".join(text), tuple(origin), tuple(starts), "\n".join(raw))


def _hard_break(prev: str, nxt: str, typical: int, heading: bool) -> bool:
    """Decide whether the line break between `prev` and `nxt` ends a paragraph (else it is a wrap)."""
    if _NUMBER_IN_WORDS.search(prev) and re.match(r"\(\d+\)", nxt):
        return False  # "within thirty" / "(30) days": a figure wrapped, not a list item
    if heading or prev[-1] in _TERMINAL or _MARKER.match(nxt):
        return True
    if "|" in prev or (_MARKER.match(prev) and _width(prev) < 40):
        return True
    return _width(prev) < typical * 0.7
