"""Which party is the provider: the sides of a contract that names them by proper names.

The direction rules (:mod:`.shapes`) know the sides by the role names contracts define
("the Supplier", "the Customer"). Many contracts define short proper names instead:
'Harborview Health System, Inc. ("Harborview")' and 'Calloway Revenue Solutions LLC
("Calloway")'. :func:`party_roles` reads which of those names performs the services and
which pays for them, and returns the names with their side, so that "Calloway may assign
this Agreement without consent" can be read as "the Provider may assign ...".

Only a clear reading counts: two defined names, one that mostly provides and one that
mostly pays. Anything less gives no roles, and clauses are taken as they read.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .shapes import ROLE_NAMES

# 'Calloway Revenue Solutions LLC ("Calloway")', '(hereinafter referred to as "Acme")',
# '(the "Bank")'. The preamble and recitals are where a contract defines its parties.
_NAME = r"(?P<name>[A-Z][A-Za-z0-9&.\-]*(?:\s+[A-Z][A-Za-z0-9&.\-]*){0,2})"
# '(collectively, "Hospital")' for a party that acts for several entities.
_DEFINED_NAME = re.compile(
    rf"\(\s*(?:(?:collectively|together|jointly),?\s+)?"
    rf"(?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?|(?:referred\s+to\s+)?(?:herein\s+)?as\s+|the\s+)?"
    rf"[\"“”']{_NAME}[\"“”']\s*\)")
_PREAMBLE_CHARS = 6000
# Defined terms that are not parties.
_NOT_A_PARTY = re.compile(r"^(?:Agreement|Contract|Effective|Commencement|Services?|Party|Parties|Term|Territory|"
                          r"Products?|Software|Work|Deliverables?|Fees?|Charges?|Confidential|Affiliates?|"
                          r"Schedules?|Exhibits?|Annex|SOW|MSA|Order|Act|Regulations?|Rules|Code|Policy|Plan)\b")

_MODAL = r"(?:shall|will|must|agrees?\s+to|undertakes?\s+to)"
_PROVIDES = r"(?:provide|perform|deliver|render|supply|operate|carry\s+out)"
_SERVICES = r"(?:the\s+)?(?:Services|Service|Work|Deliverables|Products)"


def _cues(name: str) -> tuple[re.Pattern, re.Pattern]:
    n = re.escape(name)
    provider = re.compile(
        rf"\b{n}\s+{_MODAL}\s+(?:\w+\s+){{0,3}}?{_PROVIDES}\s+(?:\w+\s+){{0,2}}?{_SERVICES}\b|"
        rf"\b{_SERVICES}\s+(?:provided|performed|delivered|rendered|supplied)\s+by\s+{n}\b|"
        rf"\b(?:pay|compensate|reimburse)\s+{n}\b|\b{n}\s+{_MODAL}\s+(?:\w+\s+){{0,2}}?invoice\b|"
        rf"\bpayable\s+to\s+{n}\b")
    client = re.compile(
        rf"\b{n}\s+{_MODAL}\s+(?:\w+\s+){{0,2}}?pay\b|"
        rf"\b{_PROVIDES}\s+(?:\w+\s+){{0,2}}?{_SERVICES}\s+(?:to|for)\s+{n}\b|"
        rf"\b(?:invoice|bill)\s+{n}\b|\bon\s+behalf\s+of\s+{n}\b|\bpayable\s+by\s+{n}\b")
    return provider, client


# New Zealand and Australian government forms give the name without quotes: "(the Council)".
_DEFINED_NAME_UNQUOTED = re.compile(r"\(\s*the\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*\)")
# Where the preamble ends and the terms begin: what is defined after it ('(the "Discloser")'
# in a confidentiality clause) is no party.
_TERMS_BEGIN = re.compile(r"\b(?:agree[sd]?|covenant)\s+as\s+follows\b|\bNOW,?\s+THEREFORE\b|"
                          r"\bIT\s+IS\s+(?:HEREBY\s+)?AGREED\b")


def defined_parties(text: str) -> list[str]:
    """The short names the preamble defines for the parties, in order of first use.

    "Service Provider" is a party although "Service ..." is usually no party's name. Names
    defined after the words that open the terms ("the parties agree as follows") count only
    when the preamble defined fewer than two.
    """
    preamble = text[:_PREAMBLE_CHARS]
    names: list[str] = []
    end = _TERMS_BEGIN.search(preamble)
    matches = sorted([*_DEFINED_NAME.finditer(preamble), *_DEFINED_NAME_UNQUOTED.finditer(preamble)],
                     key=lambda m: m.start())
    for match in matches:
        name = match["name"].strip(" .")
        if end and match.start() > end.start() and len(names) >= 2:
            break
        if (_NOT_A_PARTY.match(name) and not _role_of(name)) or name in names:
            continue
        names.append(name)
    return names


# A plain-English contract defines its sides as pronouns: '... ("BrightLedger", "we", "us",
# "our"); and ... ("you", "your")'. "we" stands for we, us, our and ours; "you" for you, your
# and yours.
_PRONOUN_FORMS = {"we": "we|us|our|ours", "you": "you|your|yours"}
PRONOUNS = tuple(_PRONOUN_FORMS)
_PRONOUN_WORDS = {word for forms in _PRONOUN_FORMS.values() for word in forms.split("|")}
_PRONOUN_ALIAS = {pronoun: re.compile(rf"[\"“](?:{forms})[\"”]", re.I) for pronoun, forms in _PRONOUN_FORMS.items()}
_PARENTHESIS = re.compile(r"\(([^()]{1,160})\)")
_QUOTED_NAME = re.compile(rf"[\"“]{_NAME}[\"”]")


def party_roles(text: str) -> dict[str, str]:
    """{defined name: "provider" | "client"} when the text makes the two sides clear, else {}.

    A contract that already names both sides by role ("Supplier", "Customer") needs none; one
    that names one side by role and the other by a name ("the Authority" and "the Supplier")
    gives the name the other side. A contract that calls its sides "we" and "you" gives the
    pronouns (keys "we" and "you") and the proper name defined beside them.
    """
    pronouns = _pronoun_roles(text)
    if pronouns:
        return pronouns
    names = defined_parties(text)
    if len(names) < 2:
        return {}
    # Only names the contract goes on to use as a party: at least a few times.
    uses = Counter(re.findall(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b",
                              text))
    names = [n for n in names if uses[n] >= 5]
    if len(names) != 2:
        return {}
    sides = [_role_of(n) for n in names]
    if all(sides):
        return {}
    if any(sides):
        (_, side), (other, _) = sorted(zip(names, sides), key=lambda item: item[1] is None)
        return {other: "client" if side == "provider" else "provider"}
    votes: dict[str, Counter] = {}
    for name in names:
        provider, client = _cues(name)
        votes[name] = Counter(provider=len(provider.findall(text)), client=len(client.findall(text)))
    first, second = names
    for p, c in ((first, second), (second, first)):
        if _leans(votes[p], "provider") and _leans(votes[c], "client"):
            return {p: "provider", c: "client"}
    return {}


def _pronoun_roles(text: str) -> dict[str, str]:
    """{"we": side, "you": side, and a proper name defined beside one of them} for a contract
    whose preamble defines its sides as "we" and "you", when the text says which side provides
    the services and which pays (3:1 at least), else {}."""
    aliases: dict[str, list[str]] = {}
    for match in _PARENTHESIS.finditer(text[:_PREAMBLE_CHARS]):
        inner = match[1]
        for pronoun, pattern in _PRONOUN_ALIAS.items():
            if pronoun not in aliases and pattern.search(inner):
                aliases[pronoun] = [m["name"] for m in _QUOTED_NAME.finditer(inner)
                                    if m["name"].lower() not in _PRONOUN_WORDS]
    if len(aliases) != 2:
        return {}
    provides = Counter()  # evidence that the side provides: "we will provide", "you will pay us"
    for pronoun, subject, obj in (("we", "[Ww]e", "us"), ("you", "[Yy]ou", "you")):
        other = "you" if pronoun == "we" else "we"
        provider = len(re.findall(rf"\b{subject}\s+{_MODAL}\s+(?:\w+\s+){{0,3}}?{_PROVIDES}\b", text)) + \
            len(re.findall(rf"\b(?:pay|compensate|reimburse)\s+{obj}\b", text))
        client = len(re.findall(rf"\b{subject}\s+{_MODAL}\s+(?:\w+\s+){{0,2}}?pay\b", text)) + \
            len(re.findall(rf"\b{_PROVIDES}\s+(?:\w+\s+){{0,3}}?(?:to|for)\s+{obj}\b", text))
        provides[pronoun] += provider
        provides[other] += client
    for provider, client in (("we", "you"), ("you", "we")):
        if provides[provider] >= 3 and provides[provider] >= 3 * provides[client]:
            roles = {provider: "provider", client: "client"}
            for pronoun, side in list(roles.items()):
                roles.update({name: side for name in aliases[pronoun]})
            return roles
    return {}


def _role_of(name: str) -> str | None:
    """"provider" for "Supplier" or "SERVICE PROVIDER", "client" for "Customer", else None."""
    return next((side for side, names in ROLE_NAMES.items() if re.fullmatch(names, name, re.I)), None)


def _leans(votes: Counter, side: str) -> bool:
    other = "client" if side == "provider" else "provider"
    return votes[side] >= 2 and votes[side] >= 3 * votes[other]


_ROLE_WORD = {"provider": "Provider", "client": "Client"}


def as_roles(text: str, parties: dict[str, str] | None) -> str:
    """``text`` with the parties' names put as their roles: "Calloway may assign" ->
    "Provider may assign" (for the direction rules; never shown to a reader)."""
    if not parties:
        return text
    names = {name: side for name, side in parties.items() if name not in PRONOUNS}
    if names:
        text = _names_pattern(tuple(sorted(names.items()))).sub(lambda m: _ROLE_WORD[names[m[0]]], text)
    for pronoun, forms in _PRONOUN_FORMS.items():
        if pronoun in parties:
            text = re.sub(rf"\b(?:{forms})\b", _ROLE_WORD[parties[pronoun]], text, flags=re.I)
    return text


@lru_cache(maxsize=64)
def _names_pattern(parties: tuple[tuple[str, str], ...]) -> re.Pattern:
    names = sorted((name for name, _ in parties), key=len, reverse=True)  # "SAP Africa" before "SAP"
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def side_words(text: str, parties: dict[str, str] | None = None) -> dict[str, str]:
    """How the contract calls each side: {"provider": "Contractor", "client": "Customer"}.

    The parties' proper names when they were read (``parties``), else the role name the text
    uses most (at least three times), else the playbook's own "Provider" and "Client".
    """
    words = {"provider": "Provider", "client": "Client"}
    for side, names in ROLE_NAMES.items():
        used = Counter(" ".join(m.split()) for m in re.findall(rf"\b(?:{names})\b", text))
        if used and used.most_common(1)[0][1] >= 3:
            words[side] = used.most_common(1)[0][0]
    for name, side in (parties or {}).items():
        if name not in PRONOUNS:  # suggested wording says "BrightLedger", never "we"
            words[side] = name
    return words


def named_sides(parties: dict[str, str] | None) -> set[str]:
    """The sides the contract calls by a proper name ("Calloway"), not by a role or "we"."""
    return {side for name, side in (parties or {}).items() if name not in PRONOUNS}


def in_their_words(wording: str, words: dict[str, str], proper: set[str]) -> str:
    """The playbook's suggested wording with the contract's names for the sides: "the
    Provider shall" -> "the Contractor shall", or "Calloway shall" for a side in ``proper``
    (names take no article)."""
    def name(match: re.Match) -> str:
        article, role = match["article"] or "", match["role"]
        side = "provider" if role == "Provider" else "client"
        return words[side] if side in proper else article + words[side]
    return re.sub(r"\b(?P<article>[Tt]he\s+)?(?P<role>Provider|Client)\b", name, wording)
