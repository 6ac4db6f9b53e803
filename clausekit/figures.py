"""Figures: find the amounts a clause must state (percent, seconds, days, count, money).

Works on normalized text (see normalize.py): ASCII digits and punctuation, lower
case, simplified characters.  Chinese numerals (一…九, 十, 百, 千, 万, 两, 壹…玖)
and English number words ("thirty (30) days") count as figures; a blank or masked
figure (`【 】%`, `#元`, `***%`) does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_EN_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
            r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
            r"eighty|ninety|hundred|thousand)")
_AR = r"\d+(?:[.,]\d+)*"
_IN_DIGITS = rf"(?:\s*\(\s*{_AR}\s*\))?"  # "thirty (30)", "十四(14)"
_NUM = rf"(?:{_AR}|[{_CN}]+{_IN_DIGITS}|(?<![a-z]){_EN_WORD}(?:[- ]{_EN_WORD})*{_IN_DIGITS}|半)"

_CURRENCY_CODES = r"(?<![a-z])(?:rmb|cny|usd|hkd|twd|ntd|eur|gbp|jpy|php|inr|sgd|aud|cad|myr|krw|vnd|idr|thb)"

_KINDS: dict[str, str] = {
    # a score in points (质检得分不低于90分) is a percentage-like target, and "service level 80/20"
    # means 80% of calls within 20 seconds
    # so is a rate per thousand / ten thousand (万分之三, 2件/万通, 3 per 1,000 calls)
    "percent": (rf"{_NUM}\s*(?:%|‰|‱|percent|per\s*cent|个百分点)|(?:百|千|万)分之\s*{_NUM}"
                r"|[一二三四五六七八九]成[一二三四五六七八九]?(?![本功交立员熟果为人年])"
                rf"|{_AR}\s*(?:件|次|起|宗|个|单|例)?\s*/\s*(?:百|千|万|十万)\s*(?:通|次|件|单|户|人次|个|笔)"
                rf"|{_AR}\s*(?:[a-z]+\s+){{0,2}}per\s+(?:1,000|10,000|100,000|thousand|ten thousand)(?![\d,])"
                r"|(?<![\d.])\d{2,3}(?:\.\d)?\s*分(?![钟之])"
                r"|(?:service\s+level|服务水平|sl)\s*(?:of|为|达到|:|=)?\s*\d{2}\s*/\s*\d{1,3}(?![\d/])"),
    "seconds": (rf"{_NUM}\s*(?:秒钟?|分钟|(?:min(?:ute)?s?|sec(?:ond)?s?|s)(?![a-z]))"
                r"|(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])"),
    # a fixed due day ("每月10日前", "次月15号前", "by the 15th day of") counts as a payment period
    "days": (rf"{_NUM}\s*(?:个)?\s*(?:工作日|自然日|日历日|个?工作天|天|日|小时|个月|周|星期|年|号(?![码楼院线]))"
             r"|当日|当天|即日|次日|隔日|(?:same|next)\s+(?:business\s+|working\s+|calendar\s+)?day(?![a-z])"
             rf"|{_NUM}\s*(?:\(\s*{_AR}\s*\)\s*)?-?\s*(?:business\s+|working\s+|calendar\s+)?"
             rf"(?:days?|hours?|hrs?|weeks?|months?|years?)(?![a-z])|net\s*{_AR}(?![\d%])"
             r"|\d{1,2}(?:st|nd|rd|th)\s+(?:business\s+|working\s+|calendar\s+)?day(?![a-z])"
             r"|\d{1,2}(?:st|nd|rd|th)\s+of\s+(?:the|each|every)\s+(?:following\s+|next\s+|calendar\s+)?month"),
    "count": (rf"{_NUM}\s*(?:名|人(?!民)|位|个?[坐座]席|个?席位|席|个岗位?|个工位|个(?![\u4e00-\u9fff]))"
              # "Tier 1 analysts" names a support level, not a headcount
              rf"|(?<!tier )(?<!level )(?<!grade ){_NUM}\s*"
              rf"(?:(?!(?:days?|hours?|months?|years?|weeks?)\b)(?:[a-z][a-z-]*|\d+)\s+){{0,2}}"
              rf"(?:ftes?|seats?|agents?|persons?|people|staff|representatives?|reps?|employees?|csrs?|supervisors?|"
              rf"team\s+leaders?|team\s+leads?|positions?|workstations?|analysts?|engineers?|specialists?|operators?|"
              rf"technicians?|associates?|advisors?|advisers?|consultants?|individuals?|personnel|heads?|call\s+takers?|"
              rf"call\s+handlers?|advocates?|counselors?|counsellors?|navigators?|dispatchers?|telemarketers?|"
              rf"collectors?)(?![a-z])"
              # "the number of agents shall be 35", "Headcount: 40", "坐席人数为30", a table cell "| 30 |"
              rf"|(?:number|headcount|人数|数量|名额)\s*(?:of\s+[a-z ]{{1,30}}?)?\s*(?:shall be|will be|is|of|为|:|"
              rf"不少于|不低于|至少|不得少于)\s*(?:at least\s+|not less than\s+|no fewer than\s+)?{_AR}(?![\d%]|\.\d)"
              rf"|(?<=\|)\s*{_AR}\s*(?=\|)"),
    "money": (rf"(?:人民币|新台币|{_CURRENCY_CODES}|(?:us|hk|nt|s|a|c)\$|\$|¥|€|£|₱|₹|₩)\s*{_NUM}"
              rf"(?:\s*[万千百亿])?(?:\s*元)?"
              rf"|{_NUM}\s*[万千百亿]?\s*(?:元|块|美元|美金|港元|港币|欧元|日元|英镑|{_CURRENCY_CODES}|dollars?|yuan"
              rf"|euros?|pesos?|rupees?)(?![a-z])"),
}
_COMPILED = {k: re.compile(v) for k, v in _KINDS.items()}
# Calendar dates look like periods ("2024年", "3月5日"); they are masked before looking for days.
_DATES = re.compile(
    rf"\d{{4}}\s*年|[〇零一二三四五六七八九]{{4}}\s*年|(?<=[^每次本当上下首末]月)\s*(?:{_AR}|[{_CN}]+)\s*日|(?<=年)\s*{_AR}\s*月"
)


@dataclass(frozen=True)
class Figure:
    kind: str
    start: int
    end: int
    text: str


def find_figures(text: str, kind: str) -> list[Figure]:
    """Return the figures of `kind` in normalized `text`, in order."""
    if kind == "days":
        text = _DATES.sub(lambda m: "#" * len(m.group()), text)
    return [Figure(kind, m.start(), m.end(), m.group()) for m in _COMPILED[kind].finditer(text)
            if _has_number(m.group())]


def _has_number(s: str) -> bool:
    return bool(re.search(rf"\d|[{_CN}]|{_EN_WORD}|半|当|即|次|隔|same|next", s))
