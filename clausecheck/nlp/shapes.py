"""Clause shapes that hold no protection, whatever words they contain.

- A definition names a term ('"Privacy Laws" means all laws on … breach notification …'); it
  obliges no one. TAXONOMY.md makes a bare definition no category, the corpus's labelling
  functions veto it, and the gap checker does not let it meet a requirement's elements.
- A denial says the protection is not given ("The Client shall have no right to audit"); the
  gap checker does not let it meet the requirement whose subject it denies.
- A protection the wrong way round: the playbook is written for the client, so "The
  Provider may audit the Client's records" or "The Client shall maintain insurance" is about
  audits and insurance but protects the other side; the gap checker does not let it meet a
  requirement that names that side in `not_by`.
"""

from __future__ import annotations

import re

# '"Services" means …', '(c) The term "Evaluation Material" means …',
# 'Confidential Information shall have the meaning …'
DEFINITION = re.compile(
    r"^\W{0,3}(?:\(?[a-z0-9ivx]{1,4}[.)]\s*)?(?:the (?:term|expression)s? )?[\"“'‘][^\"”’]{1,80}[\"”’'],?\s+"
    r"(?:\(?[^)]{0,40}\)\s*)?(?:means?|shall (?:mean|have the meaning|include)|has the meaning|have the meanings?|refers? to|includes?|is defined|will mean)\b",
    re.IGNORECASE)

# Words that put a duty on someone: a definition that carries one ('"Confidential Information"
# means …; the Recipient shall keep it secret') is a clause like any other.
_OBLIGATION = re.compile(r"\b(?:shall|must|will|agrees?|undertakes?|may not)\b", re.IGNORECASE)


def is_bare_definition(text: str) -> bool:
    """True for a clause that only defines a term."""
    text = text.strip()
    return bool(DEFINITION.match(text)) and not _OBLIGATION.search(text)


# A clause that denies a protection ("The Client shall have no right to audit", "The Provider
# is not required to maintain any insurance", "No service levels apply") is about the
# protection, so the classifier tags it, but it is the opposite of the protection. `{s}` is
# the requirement's subject (playbook field `subject`).
_DENIALS = (
    r"\b(?:no|not any|without any)\s+(?:\w+\s+){{0,2}}?(?:rights?|obligations?|commitments?|duty|duties|"
    r"requirements?|entitlements?|responsibilit(?:y|ies))\b[^.;]{{0,60}}?(?:{s})",
    r"\b(?:is|are|shall|will)\s+not\s+(?:be\s+)?(?:required|obliged|obligated|bound|responsible|entitled|"
    r"permitted)\s+to\b[^.;]{{0,60}}?(?:{s})",
    r"\b(?:does|do|shall|will)\s+not\s+(?:maintain|provide|carry|have|offer|give|guarantee|commit to|warrant)\b"
    r"[^.;]{{0,40}}?(?:{s})",
    r"\bno\s+(?:\w+\s+){{0,2}}?(?:{s})[^.;]{{0,40}}?\b(?:apply|applies|is provided|are provided|shall apply|"
    r"will apply|is required|are required|is given|are given|exists?)\b",
    r"\b(?:makes?|gives?)\s+no\s+(?:\w+\s+){{0,2}}?(?:commitments?|representations?|warrant(?:y|ies)|"
    r"guarantees?|promises?)\b[^.;]{{0,60}}?(?:{s})",
)
# A denial with an exception, a bound or a condition is a limit on the protection, not its
# absence: "is not required to permit an audit more than once a year", "is not bound by the
# service levels in relation to roaming traffic".
_LIMITER = re.compile(r"\b(?:except|unless|other than|more than|save|beyond|in excess of|apart from|until|"
                      r"without (?:the )?prior|once|if|where|when|during|in relation to|in respect of|"
                      r"with respect to|in the (?:case|event) of)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.;])\s+")


def denial_pattern(subject: str) -> re.Pattern:
    """The regular expression of a sentence that denies ``subject`` (itself a regex)."""
    return re.compile("|".join(template.format(s=subject) for template in _DENIALS), re.IGNORECASE)


def denies(text: str, subject: re.Pattern, denial: re.Pattern) -> bool:
    """True when every sentence of ``text`` that names the subject denies it, without exception."""
    named = [sentence for sentence in _SENTENCE.split(text) if subject.search(sentence)]
    return bool(named) and all(denial.search(s) and not _LIMITER.search(s) for s in named)


# The two sides of an outsourcing contract, by the capitalised names contracts define for them.
# Names that can stand for either side ("Company", "Outsourcer") are left out: with them the
# direction of a clause is not known, and the clause is taken as it reads.
ROLE_NAMES: dict[str, str] = {
    "provider": r"(?:Service\s+)?Provider|Supplier|Vendor|Contractor|Consultant|Licensor|Processor",
    "client": r"Client|Customer|Buyer|Purchaser|Licensee|Controller",
}
_MODAL = (r"(?:shall|may|will|must|can|agrees?\s+to|undertakes?\s+to|is\s+(?:entitled|required|obliged|obligated)\s+to|"
          r"(?:shall\s+)?(?:have|has)\s+the\s+right\s+to|reserves\s+the\s+right\s+to)")
# Verbs through which one side gives the other the protection: "The Provider shall permit the
# Client to audit", "shall provide access for inspection".
_GIVING = r"permit|allow|grant|enable|submit|co-?operate|assist|facilitate|make\s+available|provide|give|afford"


def actor_pattern(role: str, subject: str) -> re.Pattern:
    """A sentence in which ``role``'s side itself does the subject: "The Provider may at any
    time audit", "the Client shall, at its cost, maintain ... insurance". Not when the
    protection is given to someone ("shall permit the Client to audit") or another party is
    named before the subject ("may require the Provider to maintain insurance")."""
    anyone = "|".join(ROLE_NAMES.values())
    return re.compile(
        rf"\b(?:{ROLE_NAMES[role]})\b(?i:\s+(?:[^.;]{{0,40}}?,\s+)?{_MODAL}\b"
        rf"(?:(?!\b(?:{_GIVING}|{anyone})\b)[^.;]){{0,80}}?(?:{subject}))")


def done_only_by(text: str, subject: re.Pattern, actor: re.Pattern) -> bool:
    """True when every sentence of ``text`` that names the subject has ``actor``'s side doing it."""
    named = [sentence for sentence in _SENTENCE.split(text) if subject.search(sentence)]
    return bool(named) and all(actor.search(s) for s in named)
