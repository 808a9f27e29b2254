"""Word's automatic list numbering, rebuilt from styles.xml and numbering.xml.

The number a reader sees before "Services. The Supplier shall…" ("1.1", "(a)", "Article
IV") is not in the paragraph's text: Word computes it while laying the document out, from

* the paragraph's numbering properties (``w:numPr``: a list instance ``numId`` and a level
  ``ilvl``), given on the paragraph itself or inherited from its paragraph style (and the
  styles that style is ``basedOn``); a style may also give only the list, the level then
  being the one whose ``w:pStyle`` names the style (how "Heading 1..9" are tied to levels);
* the list instance (``w:num``), which points to an abstract definition (``w:abstractNum``)
  and may override a level's start value (``w:startOverride``) or the whole level;
* the level definition: start value, format (decimal, lowerLetter, upperRoman, …), the
  template ``lvlText`` ("%1.%2." is "level-1 counter . level-2 counter ."), ``lvlRestart``
  and ``isLgl`` (legal numbering: the higher levels shown in Arabic digits);
* counters that advance as numbered paragraphs appear in document order, deeper levels
  starting over when a higher level advances.

Counters live with the abstract definition, so list instances of one abstract list continue
each other, as in Word; an instance that overrides a start value ("Restart at 1") sets the
overridden levels back the first time one of its paragraphs is numbered, and the list goes
on from there (LibreOffice reads DOCX the same way).

This module knows nothing of python-docx: it reads lxml elements, so that the loader can
give it whatever parts the package has (or none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W_NS
LEVELS = 9  # Word lists have levels 0..8
_MAX_LINK_DEPTH = 8  # basedOn / numStyleLink chains: guard against cycles


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag: w("p") -> "{…/main}p"."""
    return _W + tag


def _val(el, default: str | None = None) -> str | None:
    if el is None:
        return default
    return el.get(w("val"), default)


def _int(text: str | None, default: int | None = None) -> int | None:
    """An integer attribute, tolerating junk (a damaged file must not stop the load)."""
    if text is None:
        return default
    try:
        return int(text.strip())
    except (ValueError, AttributeError):
        return default


def on_off(el) -> bool | None:
    """An on/off property (w:b, w:vanish, …): None when absent, else its value."""
    if el is None:
        return None
    return _val(el, "true").lower() not in ("0", "false", "off", "none")


# -- styles ------------------------------------------------------------------------------

@dataclass
class StyleInfo:
    style_id: str
    name: str
    kind: str  # paragraph | character | table | numbering
    based_on: str | None = None
    num_id: str | None = None  # w:pPr/w:numPr/w:numId
    ilvl: int | None = None  # w:pPr/w:numPr/w:ilvl
    bold: bool | None = None  # w:rPr/w:b


class StyleSheet:
    """The styles of styles.xml that matter for reading text: names, inheritance,
    numbering properties and bold."""

    def __init__(self, styles_el=None) -> None:
        self.styles: dict[str, StyleInfo] = {}
        self.default_paragraph: str | None = None
        if styles_el is None:
            return
        for st in styles_el.iter(w("style")):
            style_id = st.get(w("styleId"))
            if not style_id:
                continue
            kind = st.get(w("type"), "paragraph")
            info = StyleInfo(style_id, (_val(st.find(w("name"))) or style_id), kind,
                             _val(st.find(w("basedOn"))))
            numpr = st.find(f"{w('pPr')}/{w('numPr')}")
            if numpr is not None:
                info.num_id = _val(numpr.find(w("numId")))
                info.ilvl = _int(_val(numpr.find(w("ilvl"))))
            info.bold = on_off(st.find(f"{w('rPr')}/{w('b')}"))
            self.styles[style_id] = info
            if kind == "paragraph" and st.get(w("default")) in ("1", "true", "on"):
                self.default_paragraph = style_id

    def chain(self, style_id: str | None):
        """The style and the styles it is based on, nearest first."""
        seen: set[str] = set()
        while style_id and style_id not in seen and len(seen) < _MAX_LINK_DEPTH * 4:
            seen.add(style_id)
            info = self.styles.get(style_id)
            if info is None:
                return
            yield info
            style_id = info.based_on

    def numbering_of(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph style gives its paragraphs, inherited via basedOn."""
        num_id: str | None = None
        ilvl: int | None = None
        for info in self.chain(style_id):
            if num_id is None and info.num_id is not None:
                num_id = info.num_id
            if ilvl is None and info.ilvl is not None:
                ilvl = info.ilvl
        return num_id, ilvl

    def bold_of(self, style_id: str | None) -> bool | None:
        for info in self.chain(style_id):
            if info.bold is not None:
                return info.bold
        return None

    def names(self, style_id: str | None) -> list[str]:
        """Lower-case names of the style and its ancestors."""
        return [info.name.lower() for info in self.chain(style_id)]


# -- number formats ----------------------------------------------------------------------

_ROMAN_PAIRS = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_WORDS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                  "nine": "ninth", "twelve": "twelfth"}


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN_PAIRS:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def _ordinal_words(n: int) -> str:
    words = _words(n)
    head, _, last = words.rpartition("-")
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}-{last}" if head else last


def format_number(n: int, fmt: str) -> str:
    """A counter value as Word shows it in a given w:numFmt (unknown formats: decimal)."""
    if fmt == "none" or fmt == "bullet":
        return ""
    if n < 0:
        n = 0
    if fmt in ("lowerLetter", "upperLetter"):
        if n == 0:
            return ""
        # Word repeats the letter past z: 27 -> "aa", 28 -> "bb".
        text = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        if not 0 < n < 4000:
            return str(n)
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if fmt in ("cardinalText", "ordinalText") and 0 < n < 100:
        text = _words(n) if fmt == "cardinalText" else _ordinal_words(n)
        return text[0].upper() + text[1:]
    return str(n)


# -- numbering definitions ---------------------------------------------------------------

@dataclass
class LevelDef:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None when absent (Word shows no number)
    restart: int | None = None  # lvlRestart (1-based level; 0 = never restart)
    is_lgl: bool = False
    pstyle: str | None = None


@dataclass
class AbstractNum:
    levels: dict[int, LevelDef] = field(default_factory=dict)
    num_style_link: str | None = None  # levels defined by the list a numbering style points to


@dataclass
class NumInstance:
    abstract_id: str | None
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, LevelDef] = field(default_factory=dict)

    @property
    def restarted_levels(self) -> set[int]:
        return set(self.start_overrides) | set(self.level_overrides)


def _level_def(lvl) -> LevelDef:
    is_lgl = on_off(lvl.find(w("isLgl")))
    return LevelDef(
        start=_int(_val(lvl.find(w("start"))), 1),
        fmt=_val(lvl.find(w("numFmt")), "decimal") or "decimal",
        text=_val(lvl.find(w("lvlText"))),
        restart=_int(_val(lvl.find(w("lvlRestart")))),
        is_lgl=bool(is_lgl),
        pstyle=_val(lvl.find(w("pStyle"))),
    )


def _level_index(el) -> int | None:
    ilvl = _int(el.get(w("ilvl")))
    return ilvl if ilvl is not None and 0 <= ilvl < LEVELS else None


@dataclass
class ListLabel:
    """What Word puts before a list paragraph."""

    text: str | None  # "1.1", "(a)", "Article IV"; None for bullets and empty labels
    level: int  # ilvl, 0 = top
    bullet: bool = False


class Numbering:
    """Numbers list paragraphs in document order, as Word displays them.

    Call :meth:`label` once per paragraph, in document order (body paragraphs and table
    cell paragraphs alike): the counters advance with each numbered paragraph.
    """

    def __init__(self, numbering_el=None, styles: StyleSheet | None = None) -> None:
        self.styles = styles or StyleSheet()
        self.abstracts: dict[str, AbstractNum] = {}
        self.nums: dict[str, NumInstance] = {}
        self._counters: dict[str, list[int | None]] = {}  # abstractNumId -> counter per level
        self._used: set[str] = set()  # list instances whose overrides were applied
        if numbering_el is None:
            return
        for an in numbering_el.iter(w("abstractNum")):
            abstract = AbstractNum(num_style_link=_val(an.find(w("numStyleLink"))))
            for lvl in an.findall(w("lvl")):
                ilvl = _level_index(lvl)
                if ilvl is not None:
                    abstract.levels[ilvl] = _level_def(lvl)
            abstract_id = an.get(w("abstractNumId"))
            if abstract_id is not None:
                self.abstracts[abstract_id] = abstract
        for num in numbering_el.iter(w("num")):
            num_id = num.get(w("numId"))
            if num_id is None:
                continue
            inst = NumInstance(_val(num.find(w("abstractNumId"))))
            for override in num.findall(w("lvlOverride")):
                ilvl = _level_index(override)
                if ilvl is None:
                    continue
                start = _int(_val(override.find(w("startOverride"))))
                if start is not None:
                    inst.start_overrides[ilvl] = start
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    inst.level_overrides[ilvl] = _level_def(lvl)
            self.nums[num_id] = inst

    # -- resolving a paragraph to (list, level) -------------------------------------------

    def _abstract(self, num_id: str) -> tuple[str, AbstractNum] | None:
        """The abstract definition a list instance uses, following numbering-style links."""
        seen: set[str] = set()
        while num_id not in seen and len(seen) < _MAX_LINK_DEPTH:
            seen.add(num_id)
            inst = self.nums.get(num_id)
            if inst is None or inst.abstract_id not in self.abstracts:
                return None
            abstract = self.abstracts[inst.abstract_id]
            if abstract.num_style_link:
                # A list that uses a numbering style: its levels are those of the list
                # the style points to (whose abstractNum carries the w:styleLink).
                linked, _ = self.styles.numbering_of(abstract.num_style_link)
                if linked is not None and linked not in seen:
                    num_id = linked
                    continue
            return inst.abstract_id, abstract
        return None

    def resolve(self, numpr: tuple[str | None, int | None] | None,
                style_id: str | None) -> tuple[str, int] | None:
        """(numId, ilvl) of a paragraph from its own w:numPr and its style, or None."""
        p_num, p_ilvl = numpr if numpr is not None else (None, None)
        s_num, _ = self.styles.numbering_of(style_id)
        num_id = p_num if p_num is not None else s_num
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None  # numId 0: numbering switched off for this paragraph
        ilvl = p_ilvl if p_ilvl is not None else self._style_level(num_id, style_id)
        if not 0 <= ilvl < LEVELS:
            return None
        return num_id, ilvl

    def _style_level(self, num_id: str, style_id: str | None) -> int:
        """The level a paragraph style implies: its own w:ilvl, else the list level tied to
        it by w:pStyle, else the same for the style it is based on, and so on up."""
        found = self._abstract(num_id)
        linked = {level.pstyle: ilvl for ilvl, level in found[1].levels.items()} if found else {}
        for info in self.styles.chain(style_id):
            if info.ilvl is not None:
                return info.ilvl
            if info.style_id in linked:
                return linked[info.style_id]
        return 0

    def _level(self, num_id: str, ilvl: int) -> LevelDef | None:
        inst = self.nums.get(num_id)
        if inst is not None and ilvl in inst.level_overrides:
            return inst.level_overrides[ilvl]
        found = self._abstract(num_id)
        return found[1].levels.get(ilvl) if found else None

    def _start(self, num_id: str, ilvl: int) -> int:
        inst = self.nums.get(num_id)
        if inst is not None and ilvl in inst.start_overrides:
            return inst.start_overrides[ilvl]
        level = self._level(num_id, ilvl)
        return level.start if level else 1

    # -- counting -------------------------------------------------------------------------

    def label(self, numpr: tuple[str | None, int | None] | None, style_id: str | None) -> ListLabel | None:
        """Advance the counters for one paragraph and return its label (None: not a list)."""
        resolved = self.resolve(numpr, style_id)
        if resolved is None:
            return None
        num_id, ilvl = resolved
        level = self._level(num_id, ilvl)
        found = self._abstract(num_id)
        if level is None or found is None:
            return None
        counters = self._counters.setdefault(found[0], [None] * LEVELS)
        if num_id not in self._used:
            self._used.add(num_id)
            for restarted in self.nums[num_id].restarted_levels:
                counters[restarted] = None

        current = counters[ilvl]
        counters[ilvl] = self._start(num_id, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            d = self._level(num_id, deeper)
            restart = d.restart if d else None
            # lvlRestart n (1-based): start over when level n or a higher one is used.
            if restart is None or (restart > 0 and ilvl < restart):
                counters[deeper] = None

        if level.fmt == "bullet":
            return ListLabel(None, ilvl, bullet=True)
        text = self._display(num_id, ilvl, level, counters)
        return ListLabel(text or None, ilvl)

    def _display(self, num_id: str, ilvl: int, level: LevelDef, counters: list[int | None]) -> str:
        if not level.text:
            return ""

        def placeholder(match: re.Match) -> str:
            ref = int(match.group(1)) - 1
            if ref > ilvl or ref < 0:
                return ""
            value = counters[ref]
            if value is None:
                # A higher level never used: Word shows start - 1 ("0.1" under no "1.").
                value = self._start(num_id, ref) - 1
            ref_level = self._level(num_id, ref)
            fmt = ref_level.fmt if ref_level else "decimal"
            if level.is_lgl and fmt != "decimalZero":
                fmt = "decimal"  # legal numbering: "Section 1.01" under "Article I"
            return format_number(value, fmt)

        return re.sub(r"%([1-9])", placeholder, level.text).strip()
