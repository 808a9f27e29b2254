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
from dataclasses import dataclass

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
    r"permitted)\s+(?:to|for)\b[^.;]{{0,60}}?(?:{s})",
    # "Service Credits shall not be available for ..."
    r"(?:{s})[^.;]{{0,40}}?\b(?:is|are|shall|will)\s+not\s+(?:be\s+)?(?:available|payable|due|owed|applicable)\b",
    r"\b(?:does|do|shall|will)\s+not\s+(?:maintain|provide|carry|have|offer|give|guarantee|commit to|warrant)\b"
    r"[^.;]{{0,40}}?(?:{s})",
    # "No service levels apply"; "No termination fee or other penalty shall be payable"
    r"\bno\s+(?:[\w-]+\s+){{0,4}}?(?:{s})[^.;]{{0,40}}?\b(?:apply|applies|is provided|are provided|shall apply|"
    r"will apply|is required|are required|is given|are given|exists?|"
    r"(?:is|are|shall\s+be|will\s+be)\s+(?:payable|due|owed|owing|charged|levied|imposed))\b",
    r"\b(?:makes?|gives?)\s+no\s+(?:\w+\s+){{0,2}}?(?:commitments?|representations?|warrant(?:y|ies)|"
    r"guarantees?|promises?)\b[^.;]{{0,60}}?(?:{s})",
)
# A denial with an exception, a bound or a condition is a limit on the protection, not its
# absence: "is not required to permit an audit more than once a year", "is not bound by the
# service levels in relation to roaming traffic".
# ("in respect of any claim" scopes nothing out: a scope over "any", "all" or "every" is no bound.)
_LIMITER = re.compile(r"\b(?:except|unless|other than|more than|save|beyond|in excess of|apart from|until|"
                      r"without (?:the )?prior|once|if|where|when|during|"
                      r"(?:in relation to|in respect of|with respect to)(?!\s+(?:any|all|every)\b)|"
                      r"in the (?:case|event) of)\b", re.IGNORECASE)
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
_BOTH = (r"[Ee]ach\s+[Pp]arty|[Ee]ither\s+[Pp]arty|[Bb]oth\s+[Pp]arties|[Tt]he\s+[Pp]arties|"
         # the party not at fault, whichever it is: "the non-breaching party may terminate"
         r"(?:[Tt]he\s+)?(?:other|non-?breaching|non-?defaulting|aggrieved|affected)\s+[Pp]arty")
_NEITHER = r"[Nn]either\s+[Pp]arty|[Nn]o\s+[Pp]arty"
# "may subcontract with the Client's prior written consent" is a limit; "may assign without
# the Customer's consent" is none.
_WITH_CONSENT = re.compile(r"\b(?:with|upon|subject\s+to|after\s+obtaining)\b[^.;]{0,60}\b(?:consent|approval)", re.I)
# "shall not be assigned by either Party without the prior written consent of the other"
_BOTH_NEED_CONSENT = re.compile(rf"\b(?:{_BOTH}|{_NEITHER})\b[^.;]{{0,120}}\b(?:with|without|upon|subject\s+to)\b"
                                r"[^.;]{0,60}\b(?:consent|approval)")
# Names that may be the client as well as the provider: a clause where one of them does the
# subject may have it the right way round, so it is not called the wrong way.
_EITHER = r"Company|Corporation|Outsourcer"
_MODAL = (r"(?:shall|may|will|must|can|agrees?\s+to|undertakes?\s+to|is\s+(?:entitled|required|obliged|obligated)\s+to|"
          r"(?:shall\s+)?(?:have|has)\s+the\s+right\s+to|reserves\s+the\s+right\s+to|"
          r"(?:is|shall\s+be|will\s+be)\s+(?:solely\s+|fully\s+)?responsible\s+for"
          # paying for a thing is not doing it: "responsible for any costs of qualifying backup suppliers"
          r"(?!\s+(?:any\s+|all\s+|the\s+)?(?:costs?|expenses?|fees|charges)\b)|bears?|"
          # a statement of what a side does: "The Provider carries out internal audits of its staff"
          r"(?:carries|conducts|performs|undertakes)(?:\s+out)?)(?!\s+not\b)")
_NOT_MODAL = (r"(?:(?:shall|will|may|must|can|does|do)\s+not|cannot|"
              r"(?:has|have|is\s+under|shall\s+have|will\s+have|bears?)\s+no\s+(?:obligation|duty|responsibility)\s+to|"
              r"(?:is|shall\s+be|will\s+be)\s+not\s+(?:required|obliged|obligated|responsible)\s+(?:to|for))")
# Verbs through which one side gives the other the protection: "The Provider shall permit the
# Client to audit", "shall provide access for inspection" ("give notice of an audit" does not).
_GIVING = (r"permit|allow|grant|enable|submit\s+to|co-?operate|assist|facilitate|make\s+available|"
           r"(?:give|provide|afford)\s+(?:\w+\s+){0,3}access")
# Verbs of receiving a benefit: "the Client shall be entitled to service credits" is the
# client getting a penalty, not paying one.
_RECEIVING = r"entitled|receive|receives|claim|claims|recover|recovers|benefit|benefits|request|require|demand"
# Between the verb and the subject: no other party, no giving verb, and no time, cause or
# agent ("shall pay all amounts accrued up to the date of termination" is no termination,
# "shall refund any overcharge revealed by an audit" no audit).
_INTERVENING = (r"of|upon|after|(?<!the\s)following|before|prior|under|arising|relating|regarding|during|until|by|from|"
                r"for|against")


# What an activity leaves behind: remedying "each audit finding" or keeping "audit logs" is not auditing.
_OUTCOME = r"(?:findings?|reports?|results?|recommendations?|trails?|logs?)\b"


def _doing(names: str, subject: str, modal: str = _MODAL, *, giving: bool = False, receiving: bool = True) -> str:
    """A regex of ``names`` (or their auditors, "the Client's auditors") doing the subject
    ("The Provider, or an auditor it appoints, may audit"), or with ``giving``, giving it
    ("The Provider shall permit ... to audit"). A name joined to another ("the Company or
    the Contractor may terminate") is not one side acting alone. Without ``receiving``, a
    side entitled to the subject ("shall be entitled to service credits") is not doing it."""
    anyone = "|".join(ROLE_NAMES.values())
    aside = r"(?:\s*,[^.;]{0,160}?,)?"  # "shall, at its own cost, maintain", "may, on ten days' notice (...), audit"
    # after the verb, too: "agrees to obtain and maintain, during the Term and for five years after, general
    # liability insurance" (the aside may name times and causes; a few words may follow it)
    after_verb = r"(?:\s*,[^.;]{0,160}?,(?:\s+[\w-]+){0,4}?\s+)?"
    blocked = f"{_GIVING}|{anyone}|{_INTERVENING}" + ("" if receiving else f"|{_RECEIVING}")
    between = rf"[^.;]{{0,40}}?\b(?:{_GIVING})\b[^.;]{{0,80}}?" if giving else \
        rf"(?:(?!\b(?:{blocked})\b)[^.;]){{0,60}}?"
    statement = modal is _MODAL and not giving  # a plain statement can do the subject too
    if not receiving:
        modal = rf"(?!is\s+entitled|(?:shall\s+)?(?:have|has)\s+the\s+right){modal}"
    doing = (rf"(?<!or )(?<!or the )(?<!and )(?<!and the )\b(?:{names})\b(?!\s+(?:or|and)\b)(?:'s(?:\s+\w+){{1,3}})?"
             rf"(?i:\s*,?\s*(?:[^.;]{{0,160}}?,\s+|\s*\([^)]{{0,80}}\)\s*)?{modal}\b{aside}{between}{after_verb}(?:{subject})"
             rf"(?!\w*\s+{_OUTCOME}))")
    if statement:
        # The subject as the verb of a statement: "The Council indemnifies the Supplier".
        # (A verb in lower case: "Licensor Indemnitees" is a name.)
        doing += rf"|\b(?:{names})\b\s+(?:hereby\s+|also\s+)?(?=[a-z])(?i:(?:{subject})\w*s\b)"
    return doing


def _giving_to(giver: str, receiver: str, subject: str) -> str:
    """A regex of ``giver`` giving ``receiver`` leave or access for the subject: "The Customer
    will: give the Provider prompt remote access ... and, for on-site visits, safe access"."""
    return (rf"\b(?:{giver})\b[^.;]{{0,60}}?\b{_MODAL}\b[^.;]{{0,40}}?"
            rf"\b(?:permit|allow|grant|enable|give|provide|afford|make\s+available)\w*\s+(?:to\s+)?(?:the\s+)?"
            rf"(?:{receiver})\b[^.;]{{0,120}}?(?:{subject})")


@dataclass(frozen=True)
class Direction:
    """Which way round a clause has a protection, for a playbook written for one side.

    ``wrong``: the other side does the subject ("The Provider may audit the Client's
    records", "The Customer is solely responsible for its backups"); ``refused``: the side
    the playbook protects is told it may not ("Customer may not terminate", "Provider has no
    obligation to indemnify Customer"); ``right``: that side, or both, does it, or the other
    side gives it ("The Client may audit", "Each party shall maintain insurance", "The
    Provider shall permit the Client to audit"); ``given_away``: for a subject the client must
    do itself (audits, visits, termination), the client giving it to the other side ("The
    Customer will give the Provider safe access to its office for on-site visits").
    """

    wrong: re.Pattern
    refused: re.Pattern
    right: re.Pattern
    restriction: bool = False
    given_away: re.Pattern | None = None

    @classmethod
    def against(cls, wrong_side: str, subject: str) -> "Direction":
        other = next(side for side in ROLE_NAMES if side != wrong_side)
        # The client receiving what the playbook wants it to receive (credits, indemnity, exit
        # assistance) is the right way round; the provider being entitled to audit is not.
        return cls(wrong=re.compile(_doing(ROLE_NAMES[wrong_side], subject, receiving=wrong_side != "client")),
                   refused=re.compile(_doing(ROLE_NAMES[other], subject, _NOT_MODAL)),
                   right=re.compile("|".join((_doing(ROLE_NAMES[other], subject), _doing(_BOTH, subject),
                                              _doing(_EITHER, subject),
                                              _doing(ROLE_NAMES[other], subject, giving=True),
                                              _doing(ROLE_NAMES[wrong_side], subject, giving=True)))),
                   # Whom a client gives access or leave to is who audits or visits; what a
                   # provider gives (assistance, access to data for the exit) is no such sign.
                   given_away=re.compile(_giving_to(ROLE_NAMES[other], ROLE_NAMES[wrong_side], subject))
                   if wrong_side == "provider" else None)

    @classmethod
    def restricting(cls, side: str, subject: str) -> "Direction":
        """For a limit the playbook puts on ``side`` ("The Provider shall not assign ...
        without consent"): ``wrong`` is that side free to do the subject ("Provider may assign
        this Agreement without Customer's consent"), ``refused`` the other side limited instead
        ("Customer may not assign"), ``right`` that side or both limited ("Neither party may
        assign")."""
        other = next(name for name in ROLE_NAMES if name != side)
        return cls(wrong=re.compile(_doing(ROLE_NAMES[side], subject)),
                   refused=re.compile(_doing(ROLE_NAMES[other], subject, _NOT_MODAL)),
                   right=re.compile("|".join((_doing(ROLE_NAMES[side], subject, _NOT_MODAL),
                                              _doing(_BOTH, subject, _NOT_MODAL), _doing(_NEITHER, subject),
                                              _doing(_EITHER, subject, _NOT_MODAL)))),
                   restriction=True)

    def the_wrong_way_round(self, text: str, subject: re.Pattern) -> bool:
        """True when a sentence of ``text`` has the protection the wrong way round and none
        has it the right way. Sentences that name no side ("Audits take place on ten days'
        notice") decide nothing; a refusal with a bound ("may not audit more than once a
        year") is a limit, not a refusal."""
        named = [sentence for sentence in _SENTENCE.split(text) if subject.search(sentence)]
        if self.restriction:
            wrong = any(self.wrong.search(s) and not _WITH_CONSENT.search(s) or self.refused.search(s) for s in named)
            right = any(self.right.search(s) or _BOTH_NEED_CONSENT.search(s)
                        or self.wrong.search(s) and _WITH_CONSENT.search(s) for s in named)
            return wrong and not right
        given_away = [bool(self.given_away and self.given_away.search(s)) for s in named]
        wrong = any(self.wrong.search(s) or away or (self.refused.search(s) and not _LIMITER.search(s))
                    for s, away in zip(named, given_away))
        return wrong and not any(self.right.search(s) and not away for s, away in zip(named, given_away))


def clause_body(text: str, number: str | None, heading: str | None) -> str:
    """A clause's words on one line without its number and heading: "9.2 Termination. Either
    party may…" -> "Either party may…". The heading goes only when it stands apart ("Fees.
    The Client…", "FEES The Client…"), not when it is the subject of the first sentence
    ("Fees shall be paid…")."""
    text = " ".join(text.split())
    rest = text
    if number:
        pattern = r"^(?:(?:section|article|clause)\s+)?\(?" + re.escape(number) + r"(?!\d)\)?[.):]?(?:\s+|$)"
        rest = re.sub(pattern, "", rest, count=1, flags=re.I)
    heading = " ".join((heading or "").split())
    if heading and rest[:len(heading)].lower() == heading.lower():
        after = rest[len(heading):]
        if re.match(r"\s*[.:\u2013\u2014-]", after) or (rest[:len(heading)].isupper() and len(heading) > 3):
            rest = re.sub(r"^[\s.:\u2013\u2014-]+", "", after)
    return rest or text



def without_denials(text: str, subject: re.Pattern, denial: re.Pattern) -> str:
    """``text`` without the sentences that deny the subject with no exception or bound: what is
    left can meet an element ("Provider shall not be required to give Customer access to its
    facilities" meets no on-site visit)."""
    # An inline item is a proposition of its own: "Boxlot shall (a) obtain all permits and
    # licenses, ... (b) ensure that theglobe is not required to obtain any licenses".
    parts = [part for sentence in _SENTENCE.split(text) for part in _INLINE_ITEM.split(sentence)]
    return " ".join(part for part in parts
                    if not (subject.search(part) and denial.search(part) and not _LIMITER.search(part)))


_INLINE_ITEM = re.compile(r"\s(?=\((?:[a-z]{1,2}|[ivx]{1,4}|\d{1,2})\)\s)")
