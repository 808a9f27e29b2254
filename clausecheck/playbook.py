"""Playbooks: the protections a contract should contain, as TOML data.

A playbook names and versions a list of requirements; each names the clause categories
that satisfy it and, optionally, the elements a good clause of that kind contains. The
default outsourcing playbook ships in ``clausecheck/playbooks/outsourcing.toml``.
Validation errors say which requirement and which field is wrong.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PlaybookError
from .nlp.shapes import ROLE_NAMES, Direction, denial_pattern, denies
from .taxonomy import CATEGORY_IDS

SEVERITIES = ("high", "medium", "low")
FACT_KINDS = ("money", "percentage", "duration", "notice_period", "date", "law")
DEFAULT_PLAYBOOK = Path(__file__).parent / "playbooks" / "outsourcing.toml"
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class Element:
    """Something a good clause of the requirement's kind contains."""

    id: str
    title: str
    patterns: tuple[re.Pattern, ...] = ()
    facts: tuple[str, ...] = ()
    # Patterns that must all match one sentence: a change, its price and a limit on that price.
    together: tuple[re.Pattern, ...] = ()
    # A clause without it is not of the requirement at all: a service credit for missed service
    # levels is no "penalty if data is not protected" (the finding is then missing, not partial).
    essential: bool = False

    def met_by(self, texts: list[str], fact_kinds: set[str]) -> bool:
        if self.facts and fact_kinds.intersection(self.facts):
            return True
        if any(p.search(text) for p in self.patterns for text in texts):
            return True
        return bool(self.together) and any(all(p.search(sentence) for p in self.together)
                                           for text in texts for sentence in _SENTENCE_END.split(text))


# Where a sentence ends for `together`: ". " or "; " (not the dot of "Clause 14.1(a)"), or a blank line.
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n\s*\n")


@dataclass(frozen=True)
class Requirement:
    id: str
    title: str
    severity: str
    risk: str
    categories: tuple[str, ...]
    rationale: str = ""
    recommendation: str = ""
    source: str = ""
    elements: tuple[Element, ...] = ()
    # What the requirement is about, as one regular expression ("audit|inspect|visit"): a
    # clause whose every sentence naming it denies it ("no right to audit") does not meet it.
    subject: re.Pattern | None = None
    denial: re.Pattern | None = None
    # Which way round the protection must be (playbook fields not_by / restricts): with
    # not_by = "provider", "The Provider may audit the Client's records" meets no audit right.
    direction: Direction | None = None
    # Playbook field rests_on_subject: the clauses that do not name the subject only support
    # those that do (an indemnity's claims procedure, the records an audit reads), so when no
    # clause naming it remains (none does, or each is set aside: "Provider has no obligation to
    # indemnify"), the others carry nothing either.
    rests_on_subject: bool = False
    # Playbook field needs_an_element: a clause that meets none of the elements is not of this
    # requirement ("termination on insolvency or change of control" is no termination clause
    # that names neither), so such clauses alone leave it missing, not partial.
    needs_an_element: bool = False

    def denied_by(self, text: str) -> bool:
        """True for a clause that says the protection is not given (for a limit, "shall not
        assign" is the protection itself, so nothing is denied)."""
        restriction = self.direction is not None and self.direction.restriction
        return self.subject is not None and not restriction and denies(text, self.subject, self.denial)

    def the_wrong_way_round(self, text: str) -> bool:
        """True for a clause in which the `not_by` side, and not the other, does the subject."""
        return self.direction is not None and self.direction.the_wrong_way_round(text, self.subject)


@dataclass(frozen=True)
class Playbook:
    name: str
    version: str
    requirements: tuple[Requirement, ...]
    description: str = ""
    path: str = ""
    warnings: tuple[str, ...] = field(default=())
    # The guidance the requirements cite: {"A": "Risks of Outsourcing Customer Service", ...},
    # so that a report can say what "[A]" in a risk refers to.
    sources: dict[str, str] = field(default_factory=dict)


def load_playbook(path: str | Path | None = None) -> Playbook:
    """Read and validate a playbook; the default outsourcing playbook when ``path`` is None."""
    path = Path(path) if path else DEFAULT_PLAYBOOK
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PlaybookError(f"{path}: no such playbook file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PlaybookError(f"{path}: cannot read playbook ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise PlaybookError(f"{path}: not valid TOML ({exc})") from None
    return parse_playbook(raw, str(path))


def parse_playbook(raw: dict, origin: str = "<playbook>") -> Playbook:
    """Validate a parsed TOML document into a :class:`Playbook`."""
    errors: list[str] = []
    for key in ("name", "version"):
        if not isinstance(raw.get(key), str) or not raw.get(key).strip():
            errors.append(f"top level: field '{key}' is required (a non-empty string)")
    sources = raw.get("sources", {})
    if not isinstance(sources, dict) or not all(isinstance(v, str) and v.strip() for v in sources.values()):
        errors.append("top level: [sources] must map each short name to a title (a non-empty string)")
        sources = {}
    items = raw.get("requirement")
    if not isinstance(items, list) or not items:
        errors.append("top level: at least one [[requirement]] is required")
        items = []
    requirements = []
    seen: set[str] = set()
    for n, item in enumerate(items, start=1):
        req, req_errors = _requirement(item, n, seen)
        errors.extend(req_errors)
        if req:
            requirements.append(req)
    if errors:
        raise PlaybookError(f"{origin}: invalid playbook:\n  " + "\n  ".join(errors))
    return Playbook(name=raw["name"].strip(), version=str(raw["version"]).strip(),
                    requirements=tuple(requirements), description=str(raw.get("description", "")), path=origin,
                    sources={str(k): v.strip() for k, v in sources.items()})


def _requirement(item: object, n: int, seen: set[str]) -> tuple[Requirement | None, list[str]]:
    where = f"requirement #{n}"
    if not isinstance(item, dict):
        return None, [f"{where}: must be a table"]
    errors: list[str] = []
    rid = item.get("id")
    if not isinstance(rid, str) or not _ID.match(rid):
        errors.append(f"{where}: field 'id' is required: lower-case letters, digits, '-' or '_'")
    else:
        where = f"requirement '{rid}'"
        if rid in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(rid)
    for key in ("title", "risk"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            errors.append(f"{where}: field '{key}' is required (a non-empty string)")
    for key in ("rationale", "recommendation", "source"):
        if key in item and not isinstance(item[key], str):
            errors.append(f"{where}: field '{key}' must be a string")
    severity = item.get("severity")
    if severity not in SEVERITIES:
        errors.append(f"{where}: field 'severity' must be one of {', '.join(SEVERITIES)} (got {severity!r})")
    categories = item.get("categories")
    if not isinstance(categories, list) or not categories:
        errors.append(f"{where}: field 'categories' must be a non-empty list of category ids")
        categories = []
    for category in categories:
        if category not in CATEGORY_IDS:
            errors.append(f"{where}: field 'categories': unknown category {category!r} "
                          f"(known: {', '.join(CATEGORY_IDS)})")
    known = set(item) - {"id", "title", "severity", "risk", "categories", "rationale", "recommendation",
                         "source", "elements", "subject", "not_by", "restricts", "rests_on_subject",
                         "needs_an_element"}
    if known:
        errors.append(f"{where}: unknown field(s) {', '.join(sorted(known))}")
    elements = []
    raw_elements = item.get("elements", [])
    if not isinstance(raw_elements, list):
        errors.append(f"{where}: field 'elements' must be a list of [[requirement.elements]] tables")
        raw_elements = []
    for m, element in enumerate(raw_elements, start=1):
        parsed, element_errors = _element(element, f"{where}, element #{m}")
        errors.extend(element_errors)
        if parsed:
            elements.append(parsed)
    subject = denial = None
    words = item.get("subject", [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        errors.append(f"{where}: field 'subject' must be a list of regular expressions")
    elif words:
        try:
            subject = re.compile("|".join(f"(?:{w})" for w in words), re.I)
            denial = denial_pattern(subject.pattern)
        except re.error as exc:
            errors.append(f"{where}: field 'subject' is not a list of valid regular expressions ({exc})")
    direction = None
    for field_name, make in (("not_by", Direction.against), ("restricts", Direction.restricting)):
        side = item.get(field_name)
        if side is None:
            continue
        if side not in ROLE_NAMES:
            errors.append(f"{where}: field '{field_name}' must be one of {', '.join(ROLE_NAMES)} (got {side!r})")
        elif not words:
            errors.append(f"{where}: field '{field_name}' needs a 'subject' (what that side does)")
        elif direction is not None:
            errors.append(f"{where}: fields 'not_by' and 'restricts' exclude each other")
        elif subject is not None:
            direction = make(side, subject.pattern)
    rests_on_subject = item.get("rests_on_subject", False)
    if not isinstance(rests_on_subject, bool):
        errors.append(f"{where}: field 'rests_on_subject' must be true or false")
    elif rests_on_subject and not words:
        errors.append(f"{where}: field 'rests_on_subject' needs a 'subject'")
    needs_an_element = item.get("needs_an_element", False)
    if not isinstance(needs_an_element, bool):
        errors.append(f"{where}: field 'needs_an_element' must be true or false")
    elif needs_an_element and not raw_elements:
        errors.append(f"{where}: field 'needs_an_element' needs [[requirement.elements]]")
    if errors:
        return None, errors
    return Requirement(id=rid, title=item["title"].strip(), severity=severity, risk=item["risk"].strip(),
                       categories=tuple(categories), rationale=item.get("rationale", "").strip(),
                       recommendation=item.get("recommendation", "").strip(), source=item.get("source", "").strip(),
                       elements=tuple(elements), subject=subject, denial=denial, direction=direction,
                       rests_on_subject=rests_on_subject, needs_an_element=needs_an_element), []


def _element(item: object, where: str) -> tuple[Element | None, list[str]]:
    if not isinstance(item, dict):
        return None, [f"{where}: must be a table"]
    errors: list[str] = []
    eid = item.get("id")
    if not isinstance(eid, str) or not _ID.match(eid):
        errors.append(f"{where}: field 'id' is required: lower-case letters, digits, '-' or '_'")
    else:
        where = where.rsplit(",", 1)[0] + f", element '{eid}'"
    raw_patterns, patterns = _regex_list(item, "patterns", where, errors)
    raw_together, together = _regex_list(item, "together", where, errors)
    facts = item.get("facts", [])
    if len(raw_together) == 1:
        errors.append(f"{where}: field 'together' needs two or more patterns (one alone belongs in 'patterns')")
    if not isinstance(facts, list) or any(f not in FACT_KINDS for f in facts):
        errors.append(f"{where}: field 'facts' must be a list of {', '.join(FACT_KINDS)}")
        facts = []
    if not raw_patterns and not raw_together and not facts:
        errors.append(f"{where}: give 'patterns', 'together' or 'facts' (how to recognise the element)")
    essential = item.get("essential", False)
    if not isinstance(essential, bool):
        errors.append(f"{where}: field 'essential' must be true or false")
    if errors:
        return None, errors
    return Element(id=eid, title=str(item.get("title", eid)), patterns=tuple(patterns), facts=tuple(facts),
                   together=tuple(together), essential=essential), []


def _regex_list(item: dict, name: str, where: str, errors: list[str]) -> tuple[list, list[re.Pattern]]:
    """An element's list of regular expressions: (as written, compiled); problems go to ``errors``."""
    value = item.get(name, [])
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        errors.append(f"{where}: field '{name}' must be a list of regular expressions")
        return (value if isinstance(value, list) else []), []
    compiled = []
    for pattern in value:
        try:
            compiled.append(re.compile(pattern, re.I))
        except re.error as exc:
            errors.append(f"{where}: pattern {pattern!r} is not a valid regular expression ({exc})")
    return value, compiled
