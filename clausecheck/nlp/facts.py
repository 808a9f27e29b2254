"""Legal facts in clause text: money, percentages, durations, notice periods, dates, laws.

``find_facts(text)`` is a pure function (used by the spaCy component and by tests); each
fact has a kind, the matched words, offsets and, where it has one, a numeric value and
unit, so that "thirty (30) days" becomes ``value=30, unit="day"``. The gap checker reads
them to tell a termination clause with a notice period from one without.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "business day": "business_day", "working day": "business_day", "calendar day": "day",
    "day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour", "minute": "minute",
}
_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1,
}
_BELOW_100 = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|"
              r"five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
              r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
# "one hundred and fifteen" whole, not its "fifteen" ("one hundred and fifteen percent (115%)").
_WORD_NUMBER = (rf"(?:(?:(?:one|two|three|four|five|six|seven|eight|nine)\s+)?hundred(?:\s+(?:and\s+)?{_BELOW_100})?"
                rf"|{_BELOW_100})")
_DIGITS = r"\d{1,3}(?:,\d{3})*(?:\.\d+)?"

# Durations are found from their unit backwards: scanning for the unit word first is many
# times faster than a pattern whose number part is optional at every position.
# The look-aheads on a first character below let the scan skip most positions before trying
# a list of alternatives (the same matches, a third to a half of the time).
DURATION_UNIT_RE = re.compile(
    r"\b(?=[bwcdmyh])(?P<unit>business\s+days?|working\s+days?|calendar\s+days?|days?|weeks?|months?|years?|hours?|minutes?)\b",
    re.I)
DURATION_NUMBER_RE = re.compile(
    rf"(?:\b(?P<words>{_WORD_NUMBER}))?\s*(?:\(\s*(?P<paren>{_DIGITS})\s*\)|(?P<digits>(?<![\w.,]){_DIGITS}))?\s*$",
    re.I)
# Currencies before the amount ("EUR 2 million", "Rs. 25,00,000", "S$ 40,000") and after it
# ("2 million dollars", "25 lakh rupees"). Amounts are grouped in thousands or, as in India,
# in lakhs and crores ("2,50,00,000").
_CURRENCY_BEFORE = r"US\$|USD|EUR|GBP|CHF|CAD|AUD|INR|Rs\.?|₹|SGD|S\$|HKD|HK\$|NZD|ZAR|SEK|NOK|DKK|AED|JPY|CNY|RMB|\$|€|£"
_CURRENCY_AFTER = r"dollars|euros|pounds|rupees|USD|EUR|GBP|INR|SGD"
_AMOUNT = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?|\d{1,3}(?:[,.\s]\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
_SCALE = r"million|billion|thousand|lakhs?|lacs?|crores?"
MONEY_RE = re.compile(
    rf"(?:(?<![a-z])(?P<cur>{_CURRENCY_BEFORE})\s?(?P<amount>{_AMOUNT})(?:\s?(?P<scale>{_SCALE}|[mk])\b)?"
    rf"|(?P<amount2>{_AMOUNT})\s?(?P<scale2>{_SCALE})?\s?(?P<cur2>{_CURRENCY_AFTER})\b)", re.I)
# Every money match holds a currency token; finding those first and running MONEY_RE only
# around them spares trying its digit-led alternative at every position of a long contract.
_CURRENCY_TOKEN_RE = re.compile(rf"(?=[$€£₹ueagcdpirshnzjk])(?:{_CURRENCY_BEFORE}|{_CURRENCY_AFTER})", re.I)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "lakh": 1e5, "lakhs": 1e5,
           "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7}
_MONEY_REACH = 80  # characters before a currency token in which its amount can start
PERCENT_RE = re.compile(r"(?P<num>\d(?<![\w.]\d)\d{0,2}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)", re.I)
# "ten percent (10%)": the words before a bracketed figure belong to the same fact.
PERCENT_WORDS_RE = re.compile(rf"\b(?P<words>{_WORD_NUMBER})(?:\s+(?:percent|per\s+cent))?\s*\(\s*$", re.I)
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE_RE = re.compile(
    rf"\b(?=[ADFJMNOS\d])(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?{_MONTHS},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\b")

# Named laws and regulations, as data: (canonical name, patterns).
LAWS: tuple[tuple[str, str], ...] = (
    ("GDPR", r"GDPR|General\s+Data\s+Protection\s+Regulation|Regulation\s+\(EU\)\s+2016/679"),
    ("UK GDPR", r"UK\s+GDPR"),
    ("HIPAA", r"HIPAA|Health\s+Insurance\s+Portability\s+and\s+Accountability\s+Act"),
    ("HITECH", r"HITECH(?:\s+Act)?"),
    ("CCPA", r"CCPA|CPRA|California\s+Consumer\s+Privacy\s+Act|California\s+Privacy\s+Rights\s+Act"),
    ("GLBA", r"GLBA|Gramm[\s-]Leach[\s-]Bliley(?:\s+Act)?"),
    ("PIPEDA", r"PIPEDA|Personal\s+Information\s+Protection\s+and\s+Electronic\s+Documents\s+Act"),
    # before "Data Protection Act", which it contains: Singapore's and Malaysia's acts, India's DPDP Act
    ("PDPA", r"(?:Digital\s+)?Personal\s+Data\s+Protection\s+Act(?:,?\s+\d{4})?|\bPDPA\b|\bDPDP\s+Act\b"),
    ("POPIA", r"\bPOPIA\b|Protection\s+of\s+Personal\s+Information\s+Act(?:,?\s+\d{4})?"),
    ("Privacy Act", r"Privacy\s+Act(?:\s+\d{4})?"),
    ("LGPD", r"\bLGPD\b|Lei\s+Geral\s+de\s+Prote[çc][ãa]o\s+de\s+Dados"),
    ("CASL", r"\bCASL\b|Canada'?s\s+Anti-?Spam\s+Legislation"),
    ("Data Protection Act", r"Data\s+Protection\s+Act(?:\s+\d{4})?"),
    ("COPPA", r"COPPA|Children'?s\s+Online\s+Privacy\s+Protection\s+Act"),
    ("FERPA", r"FERPA"),
    ("PCI DSS", r"PCI[\s-]DSS|Payment\s+Card\s+Industry\s+Data\s+Security\s+Standard"),
    ("FCPA", r"FCPA|Foreign\s+Corrupt\s+Practices\s+Act"),
    ("UK Bribery Act", r"(?:UK\s+)?Bribery\s+Act(?:\s+2010)?"),
    ("Sarbanes-Oxley", r"Sarbanes[\s-]Oxley(?:\s+Act)?|\bSOX\b"),
    ("Export control", r"Export\s+Administration\s+Regulations|\bEAR\b|\bITAR\b|International\s+Traffic\s+in\s+Arms\s+Regulations"),
    ("OFAC sanctions", r"\bOFAC\b"),
    ("ePrivacy", r"ePrivacy\s+Directive|Privacy\s+and\s+Electronic\s+Communications\s+Regulations|\bPECR\b"),
    ("DORA", r"Digital\s+Operational\s+Resilience\s+Act|\bDORA\b"),
    ("NIS2", r"NIS\s?2(?:\s+Directive)?"),
    ("Modern Slavery Act", r"Modern\s+Slavery\s+Act"),
    ("TUPE", r"\bTUPE\b|Transfer\s+of\s+Undertakings"),
)
# The look-ahead holds the first letter of every name above (keep it in step): it lets the
# scan skip other positions before trying twenty alternatives.
LAW_RE = re.compile(r"(?=[BCDEFGHILMNOPRSTUe])(?<![\w])(?:" + "|".join(f"(?P<law{i}>{pattern})"
                                                         for i, (_, pattern) in enumerate(LAWS)) + ")")

_NOTICE_BEFORE = re.compile(r"notice|notify|notif(?:y|ied|ication)", re.I)
_NOTICE_AFTER = re.compile(r"^['’]?\s*(?:\(|\w+\s){0,3}?(?:prior\s+)?(?:written\s+)?notice", re.I)
# Times near a notice that are no notice period: a deadline to give it ("notify the Client
# within five Business Days", "give its notice of termination within 120 days after ..."),
# and a term extended by it ("a further period of twelve months by written notice").
_DEADLINE = re.compile(r"\bwithin\b|\b(?:no|not)\s+later\s+than\b", re.I)
_EXTENDED_BY = re.compile(r"\b(?:by|unless|without)\b", re.I)


@dataclass
class Fact:
    kind: str  # money | percentage | duration | notice_period | date | law
    text: str
    start: int
    end: int
    value: float | None = None
    unit: str | None = None
    name: str | None = None  # canonical name of a law ("GDPR")

    def to_dict(self) -> dict:
        out: dict = {"kind": self.kind, "text": self.text}
        if self.name is not None:
            out["name"] = self.name
        if self.value is not None:
            out["value"] = int(self.value) if float(self.value).is_integer() else self.value
        if self.unit is not None:
            out["unit"] = self.unit
        return out


def words_to_number(words: str) -> int | None:
    total = 0
    for part in re.split(r"[\s-]+", words.lower()):
        if part == "and" or not part:
            continue
        if part not in _NUMBER_WORDS:
            return None
        value = _NUMBER_WORDS[part]
        total = total * value if value == 100 and total else total + value
    return total


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def find_facts(text: str) -> list[Fact]:
    """All facts in ``text``, sorted by position, overlapping matches resolved longest-first."""
    facts: list[Fact] = []
    for u in DURATION_UNIT_RE.finditer(text):
        window = max(0, u.start() - 60)
        m = DURATION_NUMBER_RE.search(text, window, u.start())
        raw = m.group("paren") or m.group("digits")
        words = m.group("words")
        if raw is None and words is None:
            continue
        value = _number(raw) if raw else words_to_number(words)
        if value is None or (raw is None and words.lower() in ("a", "an")):
            continue
        if words:
            start = m.start("words")
        elif m.group("paren"):
            start = text.rfind("(", 0, m.start("paren"))
        else:
            start = m.start("digits")
        unit_word = re.sub(r"\s+", " ", u.group("unit").lower()).rstrip("s")
        unit = _UNITS.get(unit_word, unit_word)
        # A notice period: "on ninety (90) days' notice", "upon notice of 30 days".
        before = [m.end() for m in _NOTICE_BEFORE.finditer(text, max(0, start - 40), start)]
        after = _NOTICE_AFTER.match(text[u.end():u.end() + 40])
        is_notice = (before and not _DEADLINE.search(text, before[-1], start)) or \
            (after and not _EXTENDED_BY.search(after.group(0)))
        kind = "notice_period" if is_notice else "duration"
        facts.append(Fact(kind, text[start:u.end()], start, u.end(), value, unit))
    for m in _money_matches(text):
        amount = m.group("amount") or m.group("amount2")
        currency = m.group("cur") or m.group("cur2")
        scale = (m.group("scale") or m.group("scale2") or "").lower()
        try:
            value = _number(re.sub(r"[\s.](?=\d{3}\b)", "", amount) if amount.count(".") > 1 else amount)
        except ValueError:
            continue
        value *= _SCALES.get(scale, 1)
        facts.append(Fact("money", m.group(0).strip(), m.start(), m.start() + len(m.group(0).strip()), value,
                          _currency(currency)))
    for m in PERCENT_RE.finditer(text):
        start, end = m.start(), m.end()
        words = PERCENT_WORDS_RE.search(text, max(0, start - 40), start)
        if words and text[end:end + 1] == ")":
            start, end = words.start("words"), end + 1
        facts.append(Fact("percentage", text[start:end], start, end, _number(m.group("num")), "percent"))
    for m in DATE_RE.finditer(text):
        facts.append(Fact("date", m.group(0), m.start(), m.end()))
    for m in LAW_RE.finditer(text):
        name = LAWS[int(m.lastgroup[3:])][0]
        facts.append(Fact("law", m.group(0), m.start(), m.end(), name=name))
    return _without_overlaps(facts)


def _money_matches(text: str):
    """MONEY_RE's matches, searched only in windows around currency tokens."""
    windows: list[list[int]] = []
    for token in _CURRENCY_TOKEN_RE.finditer(text):
        start = max(0, token.start() - _MONEY_REACH)
        while start > 0 and not text[start - 1].isspace():  # never start inside a number
            start -= 1
        end = token.end() + _MONEY_REACH
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    for start, end in windows:
        yield from MONEY_RE.finditer(text, start, end)


def _currency(symbol: str | None) -> str | None:
    if not symbol:
        return None
    return {"$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "€": "EUR", "eur": "EUR",
            "euros": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP", "rs": "INR", "rs.": "INR", "₹": "INR",
            "rupees": "INR", "s$": "SGD", "hk$": "HKD", "rmb": "CNY"}.get(symbol.lower(), symbol.upper())


def _without_overlaps(facts: list[Fact]) -> list[Fact]:
    facts.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Fact] = []
    for fact in facts:
        if kept and fact.start < kept[-1].end:
            continue
        kept.append(fact)
    return kept
