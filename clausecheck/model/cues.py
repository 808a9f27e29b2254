"""Cues: what the taxonomy's own words say about a clause, rule by rule, with reasons.

Written from the definitions in TAXONOMY.md, never for one document. Each category has

* heading rules: the clause's own heading (or, more weakly, its parent's) names the topic;
* strong phrases: one hit says what the clause *does* ("shall indemnify", "service credit");
* weak keywords: two different ones together, or one under a matching parent heading;
* negative rules: clause shapes that are no category (definitions, notices, boilerplate,
  signature blocks, recitals, force majeure without a recovery plan) and category-specific
  traps ("terminate without penalty" is not a penalty, "security interest" is not security).

``label_unit`` returns, for every category, a :class:`Vote`: positive or not, the reasons,
and whether the text merely *mentions* the category. The votes serve twice: the corpus
builder (corpus/labelling.py) proposes labels for review with them, and the classifier
reads them as features beside the words (:func:`cue_matrix`), so that a rule a reviewer
can read ("a heading that says Insurance") counts even where the training contracts are few.
"""


from __future__ import annotations

import re
from dataclasses import dataclass, field

import hashlib

import numpy as np

from ..nlp.shapes import DEFINITION as _DEFINITION
from ..taxonomy import CATEGORY_IDS

_I = re.IGNORECASE


class Pattern:
    """A rule regex matched against lower-cased text.

    Speed matters (every clause of every contract meets about five hundred rules): CPython's
    ``re`` can only skip ahead to a literal prefix when the pattern neither starts with
    ``\\b`` nor ignores case. So rules are written in lower case, matched on lower-cased
    text, and a leading ``\\b`` is checked by hand on each candidate match instead of inside
    the regex. And a rule whose every match contains some plain text ("pay" in
    "shall (?:\\w+ ){0,3}pay\\b") is not run at all on a text without it: a substring test
    costs a tenth of a search.
    """

    __slots__ = ("source", "rx", "boundary", "needle", "needles")

    def __init__(self, source: str) -> None:
        self.source = source
        self.boundary = source.startswith(r"\b")
        self.rx = re.compile(source[2:] if self.boundary else source)
        needles = required_texts(self.rx.pattern)
        # One string (the usual case) or several, one of which a match contains.
        self.needle = needles[0] if needles and len(needles) == 1 else None
        self.needles = needles if needles and len(needles) > 1 else None

    def search(self, text: str) -> bool:
        if self.needle is not None and self.needle not in text:
            return False
        if self.needles is not None and not any(map(text.__contains__, self.needles)):
            return False
        if not self.boundary:
            return self.rx.search(text) is not None
        pos = 0
        while True:
            m = self.rx.search(text, pos)
            if m is None:
                return False
            i = m.start()
            if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_") or not (text[i].isalnum() or text[i] == "_"):
                return True
            pos = i + 1


def required_texts(pattern: str) -> tuple[str, ...] | None:
    """Plain strings of which every match of ``pattern`` contains one, or None if the
    pattern gives none: ("pay",) for "shall (?:\\w+ ){0,3}pay\\b", ("fee", "price") for
    "fees?|price".

    Read from the parsed pattern: the items of a sequence must all match, in order, so a
    run of consecutive literal characters in it appears in every match; an alternation
    whose every branch has such strings requires one of them. A pattern with flags (ignoring
    case) gets None, and so does any pattern the parser of this Python cannot read.
    """
    try:
        from re import _constants as c, _parser
        parsed = _parser.parse(pattern)
    except Exception:  # a private module: without it, every rule is simply searched
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    return _required(parsed, c)


def _required(items, c) -> tuple[str, ...] | None:
    runs, run, alternations = [], [], []

    def walk(sequence) -> None:
        for op, arg in sequence:
            if op is c.LITERAL:
                run.append(chr(arg))
                continue
            if op is c.SUBPATTERN and not arg[1]:  # (group, add_flags, del_flags, items): no flags
                walk(arg[3])
                continue
            runs.append("".join(run))
            run.clear()
            if op is c.BRANCH:
                branches = [_required(branch, c) for branch in arg[1]]
                if all(branches):
                    alternations.append(tuple(text for branch in branches for text in branch))

    walk(items)
    runs.append("".join(run))
    longest = max(runs, key=len)
    if len(longest) >= 3 or (longest and not alternations):
        return (longest,)
    return min(alternations, key=len) if alternations else None


def _absent(needles: tuple[str, ...] | None, text: str) -> bool:
    """Whether ``text`` lacks every needle (so a rule with them cannot match it)."""
    return needles is not None and not any(map(text.__contains__, needles))


def _rx(*patterns: str) -> list[tuple[str, Pattern]]:
    return [(p, Pattern(p)) for p in patterns]


@dataclass
class Rules:
    heading: list[tuple[str, Pattern]]
    strong: list[tuple[str, Pattern]]
    weak: list[tuple[str, Pattern]]
    mention: re.Pattern  # the category's vocabulary, for hard-negative mining (lower case)
    # Text removed before matching this category's rules (phrases that look like the topic
    # but are not, e.g. "without penalty").
    mask: re.Pattern | None = None
    # Vetoes specific to the category: a hit makes the unit negative whatever else matched.
    veto: list[tuple[str, Pattern]] = field(default_factory=list)
    heading_veto: re.Pattern | None = None
    # (trap, needed): when the text matches ``trap`` but not ``needed`` the unit is no
    # positive of this category (e.g. confidentiality wording with no data/security content).
    context: tuple[re.Pattern, re.Pattern] | None = None

    def __post_init__(self) -> None:
        self.mention_needles = required_texts(self.mention.pattern)
        self.mask_needles = required_texts(self.mask.pattern) if self.mask else None


OBLIG = r"(?:shall|will|must|agrees? to|undertakes? to|is required to|covenants? to)"

RULES: dict[str, Rules] = {
    "confidentiality": Rules(
        heading=_rx(r"confidentiality", r"confidential (?:information|materials?|data)", r"non-?disclosure", r"secrecy",
                    r"proprietary information"),
        strong=_rx(
            OBLIG + r"(?: not)? (?:\w+ ){0,3}(?:keep|hold|maintain|treat|protect)\b.{0,80}\b(?:confiden|in (?:strict )?confidence|secret)",
            r"\b(?:shall|will|must|may) not (?:\w+ ){0,3}(?:disclose|divulge|reveal|publish|make available)\b",
            r"\b(?:not|never) to (?:\w+ ){0,2}(?:disclose|divulge|reveal)\b",
            r"\bin (?:strict(?:est)? )?confidence\b", r"\bstrictly confidential\b",
            r"\bconfidentiality (?:obligations?|undertakings?|restrictions?)\b",
            r"\b(?:return|destroy|delete)\b.{0,80}\b(?:confidential information|proprietary information)",
            r"\b(?:use|using)\b.{0,60}\bconfidential information\b.{0,60}\b(?:solely|only|exclusively)\b",
            r"\bcompelled (?:by law )?to disclose\b", r"\b(?:required|compelled) by (?:law|court|subpoena).{0,80}disclos",
            r"\breceiving party\b.{0,200}\b(?:disclos|confiden)", r"\bneed to know\b",
            r"\bnon-disclosure obligations?\b",
        ),
        weak=_rx(r"\bconfidential information\b", r"\bproprietary information\b", r"\btrade secrets?\b",
                 r"\bdisclos(?:e|ed|ure|ing)\b", r"\b(?:receiving|disclosing) party\b", r"\brecipient\b",
                 r"\bconfidential(?:ity)?\b", r"\bthird part(?:y|ies)\b"),
        mention=re.compile(r"confiden|non-?disclos|proprietary information|trade secret"),
        veto=_rx(r"^\W*(?:the )?(?:term )?[\"“']?confidential information[\"”']? (?:means|shall mean|includes|refers to|has the meaning)"),
    ),
    "data_protection": Rules(
        heading=_rx(r"data protection", r"privacy", r"personal (?:data|information)", r"\bgdpr\b", r"\bhipaa\b",
                    r"protected health", r"(?<!social )\bsecurity\b(?! interest| deposit| holder)(?!ies)",
                    r"\bdata (?:processing|breach|handling|retention|transfer)", r"\bsub-?processors?\b",
                    r"customer (?:data|content)"),
        strong=_rx(
            r"\bpersonal (?:data|information)\b", r"\bpersonally identifiable\b", r"\bgdpr\b",
            r"general data protection regulation", r"\bhipaa\b", r"protected health information", r"\bccpa\b",
            r"\bdata protection (?:laws?|acts?|legislation|requirements|regulations?)\b",
            r"\bprivacy (?:laws?|acts?|policy|policies|shield|regulations?|rules?)\b",
            r"\b(?:data|security|privacy) (?:breach|incident)\b", r"\bbreach notification\b",
            r"\bsub-?processors?\b", r"\bdata processing (?:agreement|addendum|terms)\b",
            r"\bdata subjects?\b", r"\btechnical and organi[sz]ational (?:security )?measures\b",
            r"\bencrypt(?:ed|ion)?\b",
            r"\b(?:administrative|physical|technical)(?:,| and| or) (?:administrative|physical|technical)\b.{0,40}\bsafeguards\b",
            r"\bunauthori[sz]ed (?:access|use|disclosure)\b.{0,60}\b(?:data|systems?|network)\b",
            r"\b(?:customer|client|user) data\b.{0,120}\b(?:secur|protect|access|process|store|breach)",
            r"\bstandard contractual clauses\b", r"\bcross-border (?:data )?transfer", r"\bdata (?:location|residency|localization)\b",
            r"\b(?:information|data|network|cyber) ?security (?:program|policy|policies|measures|standards|controls|requirements)\b",
            r"\bsecurity (?:measures|safeguards|controls|procedures|program)\b",
            r"\bsoc ?2\b", r"\biso ?27001\b", r"\bpenetration test", r"\bbusiness associate\b",
        ),
        weak=_rx(r"\bprivacy\b", r"\bsafeguards?\b", r"\bcustomer data\b", r"\bsecurity\b", r"\baccess controls?\b",
                 r"\bvulnerabilit", r"\bpersonal\b", r"\bdata\b", r"\bprocess(?:ing|es)?\b.{0,20}\bdata\b"),
        mention=re.compile(r"\bdata\b|privacy|personal information|\bsecurity\b"),
        mask=re.compile(r"security interests?|securities|security deposit|social security|(?:word|data) processor(?:s)? (?:program|software)"),
        # TAXONOMY: "general confidentiality with no data/security content" is not data protection.
        context=(re.compile(r"confidential|proprietary information|trade secret"),
                 re.compile(r"personal (?:data|information)|personally identifiable|customer data|client data|user data|"
                            r"privacy|data protection|gdpr|hipaa|ccpa|health information|data subject|sub-?processor|"
                            r"security (?:incident|breach)|data breach|encrypt|information security|cyber|"
                            r"(?:administrative|physical|technical) safeguards|nonpublic personal")),
    ),
    "service_levels": Rules(
        heading=_rx(r"service levels?", r"\bsla\b", r"performance standards?", r"quality (?:assurance|control|standards?)",
                    r"\bacceptance\b", r"\buptime\b", r"\bavailability\b", r"support (?:and|&) maintenance",
                    r"\b(?:technical )?support\b", r"\bperformance (?:standards?|levels?|metrics)\b",
                    r"\bwarrant(?:y|ies)\b.*\bservices?\b"),
        strong=_rx(
            r"\bservice levels?\b", r"\bsla\b", r"\buptime\b", r"\bavailab(?:le|ility)\b.{0,40}\d+(?:\.\d+)?\s?%",
            r"\d+(?:\.\d+)?\s?% (?:availability|uptime|of the time)", r"\b(?:response|resolution|repair|turnaround) times?\b",
            r"\bkey performance indicators?\b", r"\bkpis?\b", r"\bacceptance (?:tests?|testing|criteria|procedures?)\b",
            r"\b(?:professional|workmanlike) manner\b",
            r"\bquality (?:standards?|control|assurance|requirements)\b", r"\bperformance (?:standards?|metrics?|criteria|levels?)\b",
            r"\bseverity (?:level|[1-4]|one|two)\b", r"\bpriority (?:level|[1-4]|one|two)\b", r"\bdowntime\b",
            r"\bscheduled maintenance\b",
            r"\b(?:conform|comply)\b.{0,40}\b(?:specifications|documentation|requirements)\b",
            r"\bfree (?:from|of) (?:material )?(?:defects|errors)\b", r"\bwarrant\w*\b.{0,100}\b(?:perform|services?)\b.{0,80}\b(?:skill|care|manner|diligen|standard)",
        ),
        weak=_rx(r"\bwarrant", r"\bspecifications?\b", r"\bdefects?\b", r"\bquality\b", r"\bperformance\b",
                 r"\bsupport\b", r"\breject(?:ion|ed)?\b", r"\bacceptance\b", r"\bmeasured\b", r"\bmonthly\b",
                 r"\btimely\b", r"\bdeliverables?\b", r"\bstandard of care\b", r"\bbest practices\b",
                 r"\bindustry(?:-| )standards?\b"),
        mention=re.compile(r"service level|quality|performance|uptime|support|warrant|accept"),
    ),
    "audit_rights": Rules(
        heading=_rx(r"\baudits?\b", r"\binspections?\b", r"\brecords\b", r"books (?:and|&) records"),
        strong=_rx(
            r"\bright to (?:\w+ ){0,3}(?:audit|inspect|examine)\b",
            r"\b(?:audit|inspect|examine)\b.{0,80}\b(?:books|records|premises|facilities|systems|accounts|operations)\b",
            r"\bindependent (?:certified public |chartered )?accountants?\b.{0,80}\b(?:audit|examin|inspect)",
            r"\b(?:maintain|keep|retain)\b.{0,60}\b(?:records|books|accounts)\b.{0,200}\b(?:audit|inspect|examin|review|available to)",
            r"\baccess to\b.{0,50}\b(?:books|records)\b", r"\bon-?site (?:audits?|inspections?|visits?)\b",
            r"\baudit rights?\b",
        ),
        weak=_rx(r"\baudit", r"\binspect", r"\brecords\b", r"\bexamin", r"\baccountants?\b", r"\bbooks\b",
                 r"\bbooks (?:and|of) (?:records|account)\b", r"\baccess to\b.{0,50}\b(?:premises|facilities)\b"),
        mention=re.compile(r"audit|inspect|records|books"),
    ),
    "governance": Rules(
        heading=_rx(r"governance", r"steering", r"account manag", r"relationship manag", r"\breport(?:s|ing)\b",
                    r"\bmeetings?\b", r"\bcommunications?\b", r"\bescalation\b", r"key personnel", r"project manag",
                    r"\bpersonnel\b", r"program manag", r"\brepresentatives?\b", r"\bcommittee\b", r"\bliaison\b",
                    r"\bcoordinat"),
        strong=_rx(
            r"\bsteering committee\b", r"\b(?:joint|management|executive|operating|oversight|coordination|advisory|review) committee\b",
            r"\b(?:account|relationship|project|program|engagement|service delivery|contract) managers?\b",
            r"\bkey (?:personnel|employees|persons?)\b", r"\bescalat(?:e|ed|ion)\b",
            r"\b(?:weekly|monthly|quarterly|annual|periodic|regular) (?:status )?(?:reports?|meetings?|reviews?|business reviews?)\b",
            r"\bstatus (?:reports?|meetings?|updates?)\b",
            r"\b(?:shall|will) (?:\w+ ){0,2}(?:meet|confer)\b.{0,60}\b(?:regularly|periodically|monthly|quarterly|at least|from time to time|as needed)\b",
            r"\bpoint of contact\b", r"\bprimary contact\b", r"\blanguage of (?:this agreement|communications?|all notices)\b",
            r"\b(?:provide|deliver|submit|furnish|send)\b.{0,80}\b(?:reports?|forecasts?|statements of activity)\b",
            r"\b(?:written|sales|progress|activity|performance) reports?\b",
        ),
        weak=_rx(r"\breports?\b", r"\bmeetings?\b", r"\bcommittee\b", r"\brepresentatives?\b", r"\bcoordinator\b",
                 r"\bliaison\b", r"\bkeep\b.{0,30}\binformed\b", r"\bforecasts?\b", r"\bconsult\b", r"\bgovernance\b"),
        mention=re.compile(r"report|meeting|committee|manager|escalat|representative|personnel"),
    ),
    "fees": Rules(
        heading=_rx(r"\bfees?\b", r"\bpayments?\b", r"\bprices?\b", r"\bpricing\b", r"\bcompensation\b", r"\bcharges\b",
                    r"\binvoic", r"\bexpenses\b", r"\btax(?:es)?\b", r"\broyalt", r"\bconsideration\b", r"\bcosts?\b",
                    r"\brates?\b"),
        strong=_rx(
            OBLIG + r" (?:\w+ ){0,3}pay\b", r"\bpayable\b",
            r"\binvoic\w*\b.{0,80}\b(?:within|days|monthly|quarterly|annually|in advance|in arrears|upon receipt)\b", r"\bnet (?:\d{2}|thirty|sixty|forty-five)\b",
            r"\blate payments?\b", r"\blate (?:payment )?(?:charges?|fees?)\b", r"\binterest\b.{0,60}\b(?:overdue|late|unpaid|past due|outstanding)\b",
            r"\b(?:fees?|charges?|prices?|rates?)\b.{0,20}\b(?:set forth|specified|listed|described|stated) in\b",
            r"\breimburse\w*\b.{0,80}\bexpenses\b", r"\b(?:sales|use|value[- ]added|withholding|excise) tax(?:es)?\b",
            r"\bper (?:hour|day|month|year|annum|unit|user|seat|copy)\b", r"\bhourly rates?\b",
            r"\broyalt(?:y|ies)\b.{0,40}\b(?:of|equal|at|rate|percent|%)", r"\bexclusive of (?:all |any )?taxes\b",
            r"\bpurchase price\b", r"\bsubscription fees?\b", r"\blicen[cs]e fees?\b", r"\bservice fees?\b",
            r"\bpayment terms?\b", r"\b(?:due|paid) within\b.{0,40}\bdays\b",
        ),
        weak=_rx(r"\bfees?\b", r"\bpay(?:ment|ments|able)?\b", r"\bprices?\b", r"\binvoice", r"\$\s?\d", r"\btax(?:es)?\b",
                 r"\bexpenses?\b", r"\bcompensation\b", r"\broyalt", r"\bcosts?\b", r"\bcommissions?\b"),
        mention=re.compile(r"\bfees?\b|\bpay|price|invoice|\$|royalt|expense|cost"),
        # "the fees paid in the twelve months before the claim" is a liability cap, not a fee term.
        mask=re.compile(r"(?:amounts?|fees?|sums?)\s+(?:actually\s+)?(?:paid|payable)(?:\s+or\s+payable)?\b[^.;]{0,80}\b(?:preceding|prior to|before|twelve|12)\b[^.;]{0,40}"
                        r"|without (?:further )?(?:payment|charge|cost|fee)|at no (?:additional )?(?:cost|charge)"),
    ),
    "change_control": Rules(
        heading=_rx(r"change (?:control|requests?|orders?|management|procedures?)", r"^changes?$",
                    r"\bchanges? (?:to|in|of) (?:the )?(?:services|scope|work|specifications|statements? of work|sows?|prices?|fees|pricing|rates)\b",
                    r"price (?:adjustments?|increases?|changes?|protection)", r"additional services",
                    r"\bmost favou?red\b", r"fee (?:adjustments?|increases?)"),
        strong=_rx(
            r"\bchange (?:requests?|orders?|control|management (?:procedure|process)|proposals?|notes?)\b",
            r"\b(?:request|propose|make|require)s?\b.{0,40}\b(?:changes?|modifications?|additions?)\b.{0,20}\bto\b.{0,40}\b(?:scope|services|specifications|statements? of work|sow|deliverables|work)\b",
            r"\bout[- ]of[- ]scope\b", r"\badditional (?:work|services)\b.{0,80}\b(?:charge|fee|rate|cost|price|paid|compensat)",
            r"\b(?:price|fee|rate) (?:increases?|adjustments?|changes?|protection)\b",
            r"\bincrease\b.{0,40}\b(?:prices?|fees|rates|charges)\b",
            r"\b(?:prices?|fees|rates|charges)\b.{0,40}\b(?:not (?:be )?(?:increased|changed|adjusted|raised)|remain (?:fixed|unchanged|constant))\b",
            r"\bcost of living\b", r"\bconsumer price index\b", r"\bcpi\b",
            r"\bmost favou?red (?:nation|customer|pricing)\b",
            r"\bamend(?:ment|ed)?s?\b.{0,30}\b(?:statements? of work|sows?|work orders?|scope)\b",
            r"\badjust(?:ed|ment)?\b.{0,30}\b(?:prices?|fees|rates)\b", r"\b(?:lower|better|more favou?rable) (?:prices?|terms)\b.{0,80}\b(?:customer|third part)",
        ),
        weak=_rx(r"\bchanges?\b", r"\bmodif(?:y|ication)", r"\bscope\b", r"\bprices?\b", r"\bincrease", r"\badditional\b",
                 r"\bestimate"),
        mention=re.compile(r"change|modif|amend|price|scope"),
        heading_veto=re.compile(r"^(?:amendments?|modifications?|amendment and waiver|waivers?)$"),
    ),
    "penalties": Rules(
        heading=_rx(r"liquidated damages", r"service credits?", r"\bpenalt", r"late delivery", r"\bcredits?\b"),
        strong=_rx(
            r"\bliquidated damages\b", r"\bservice (?:level )?credits?\b", r"\buptime credits?\b",
            r"\b(?:as a|shall pay a|pay (?:a|the)) penalty\b", r"\bpenalty of\b", r"\bpenalt(?:y|ies) (?:shall|will|equal|amount)",
            r"\bcredits?\b.{0,60}\b(?:against|towards?|off|on)\b.{0,40}\b(?:fees|invoices?|charges|amounts)\b.{0,120}\b(?:fail|failure|below|miss|availability|downtime|service level)",
            r"\b(?:reduce|reduction)\b.{0,40}\b(?:fees|charges|price)\b.{0,80}\b(?:fail|failure|below|miss|delay)",
            r"\blate delivery (?:charges?|fees?)\b", r"\b(?:per|for each|each) (?:day|week|month) (?:of|that) (?:delay|late)",
            r"\bshortfall (?:payments?|fees?)\b",
            # a sum per person whose data a breach touched: "$250 for each individual whose PHI was affected"
            r"\b(?:for each|per) (?:individual|person|data subject|patient|consumer|customer|record)s? (?:whose|affected)\b",
        ),
        weak=_rx(r"\bcredits?\b", r"\bpenalt", r"\bdelay", r"\bshortfall\b", r"\bdowntime\b", r"\bdeduct", r"\bforfeit",
                 r"\blate (?:charges?|fees?)\b", r"\b(?:fee|price|payment) (?:reductions?|deductions?)\b",
                 r"\bcredits?\b.{0,60}\b(?:against|towards?)\b.{0,40}\b(?:fees|invoices?|charges)\b"),
        mention=re.compile(r"penalt|credit|liquidated|damages|forfeit"),
        mask=re.compile(r"without (?:any )?(?:penalty|liability or penalty|penalty or liability)|penalt(?:y|ies) of perjury"
                        r"|(?:civil|criminal|regulatory|statutory|tax) (?:or (?:civil|criminal) )?(?:fines? (?:and|or) )?penalt(?:y|ies)"
                        r"|fines?,? (?:and |or )?penalties|interest (?:and|or) penalties|penalties (?:and|or) interest"
                        r"|credit (?:card|facility|agreement|rating|line|worth)|letters? of credit|tax credits?"),
    ),
    "liability_cap": Rules(
        heading=_rx(r"limitations? (?:of|on) (?:liability|damages)", r"liability cap", r"exclusions? of (?:damages|liability)",
                    r"consequential damages", r"^limitations?$", r"limitation of remedies", r"\bdisclaimer of damages"),
        strong=_rx(
            r"\b(?:in no event|under no circumstances)\b.{0,160}\b(?:liable|liability)\b",
            r"\b(?:shall|will) not (?:be )?liable\b.{0,120}\b(?:indirect|consequential|special|incidental|punitive|exemplary|lost profits|loss of profits)",
            r"\b(?:aggregate|total|cumulative|maximum|entire) liability\b",
            r"\bliability\b.{0,80}\b(?:shall not exceed|will not exceed|limited to|not to exceed|capped)\b",
            r"\b(?:consequential|indirect|incidental|special|punitive|exemplary) damages\b",
            r"\blost profits\b|\bloss of (?:profits|revenue|business|data)\b",
            r"\b(?:cap|limit|limitation)s? (?:on|of) (?:liability|damages)\b", r"\bunlimited liability\b", r"\buncapped\b",
            r"\bgeneral cap amount\b",
        ),
        weak=_rx(r"\bliab(?:le|ility)\b", r"\bdamages\b", r"\bexceed\b", r"\blimit"),
        mention=re.compile(r"liab|damages"),
    ),
    "indemnity": Rules(
        heading=_rx(r"indemni", r"hold harmless"),
        strong=_rx(
            OBLIG + r" (?:\w+ ){0,4}(?:indemnif|defend\b)", r"\bhold\b.{0,60}\bharmless\b",
            r"\bdefend,? indemnify\b", r"\bindemnify,? defend\b",
            r"\bindemnif(?:ied|ying) part(?:y|ies)\b", r"\bindemnification obligations?\b",
            r"\bhereby indemnif", r"\bindemnify and (?:hold|keep)\b",
        ),
        weak=_rx(r"\bindemni", r"\bthird[- ]party claims?\b", r"\blosses\b", r"\bclaims?\b"),
        mention=re.compile(r"indemni|harmless"),
    ),
    "insurance": Rules(
        heading=_rx(r"insurance"),
        strong=_rx(
            r"\b(?:maintain|carry|procure|obtain|keep)\b.{0,100}\binsurance\b", r"\binsurance (?:polic(?:y|ies)|coverage|certificates?)\b",
            r"\bcertificates? of insurance\b", r"\badditional(?:ly)? insured\b",
            r"\b(?:general|professional|product|products|cyber|errors and omissions|workers'? compensation|umbrella|automobile|employer'?s) (?:liability )?insurance\b",
            r"\binsurers?\b", r"\bbest'?s rating\b", r"\bper occurrence\b",
        ),
        weak=_rx(r"\binsur", r"\bcoverage\b", r"\bpolic(?:y|ies)\b"),
        mention=re.compile(r"insur"),
        mask=re.compile(r"reinsurance (?:agreement|business|company)|insurance (?:company|companies|products?) (?:sold|distributed|marketed)"),
    ),
    "termination": Rules(
        heading=_rx(r"terminat", r"^term\b", r"\bterm (?:and|&) ", r"\bduration\b", r"\bexpiration\b", r"\bcancell?ation\b",
                    r"\brenewal\b", r"\bending (?:this|the) (?:agreement|contract)\b",
                    r"\b(?:agreement|contract) (?:end|ends)\b"),
        strong=_rx(
            r"\b(?:may|shall have the right to|will have the right to|is entitled to|can|may immediately) (?:\w+ ){0,3}terminate\b",
            r"\bright to terminate\b", r"\bterminat(?:e|ion)\b.{0,60}\b(?:for (?:cause|convenience|any reason|no reason)|material(?:ly)? breach|insolven|bankrupt)",
            r"\bterminat(?:e|ion)\b.{0,80}\b(?:upon|on|with|by giving|after)\b.{0,40}\bnotice\b",
            r"\b(?:shall|will) (?:automatically )?(?:renew|be renewed|continue)\b.{0,80}\b(?:periods?|terms?|years?|unless)\b",
            r"\b(?:initial|renewal) term\b", r"\bnotice of (?:termination|non-renewal|cancell?ation)\b",
            r"\bfails? to cure\b", r"\bcancel (?:this agreement|the agreement|any order)\b",
            r"\b(?:shall|will) (?:commence|continue|remain in (?:full )?(?:force|effect))\b.{0,100}\b(?:until|for a period|for an initial|terminated|expir)",
            r"\beffect of (?:termination|expiration)\b", r"\b(?:upon|on|following|after) (?:any )?(?:expiration or )?termination\b.{0,40}\b(?:of (?:this|the) agreement|hereof)\b.{0,80}\b(?:shall|will) (?:cease|terminate|immediately)",
            r"\bnon-renewal\b", r"\bterminable\b",
            # plain English: "Either of us may end this agreement by giving 60 days' notice"
            r"\b(?:may|can|right to|entitled to) (?:\w+ ){0,2}end (?:this|the) (?:agreement|contract)\b",
        ),
        weak=_rx(r"\bterminat", r"\bexpir", r"\brenew", r"\bcancel", r"\bcure\b", r"\bnotice\b", r"\bterm\b"),
        # plain English ends an agreement: "Either of us may end this agreement", "when this agreement ends"
        mention=re.compile(r"terminat|expir|renew|cancel|\bend (?:this|the) (?:agreement|contract)\b|"
                           r"\b(?:agreement|contract) (?:end|ends)\b"),
        veto=_rx(r"\bshall survive\b(?!.{0,200}\b(?:may|right to) terminate)", r"\bsurviv(?:e|al)\b.{0,80}\b(?:termination|expiration)\b(?!.{0,200}\b(?:may|right to) terminate)"),
    ),
    "transition": Rules(
        heading=_rx(r"\btransition", r"\bexit\b", r"wind[- ]down", r"disengagement", r"effect of (?:termination|expiration)",
                    r"post-?termination", r"return (?:of|or destruction of) (?:data|materials|property|documents)",
                    r"consequences of termination", r"\bhand(?:ing)?[- ]?over\b"),
        strong=_rx(
            r"\btransition (?:assistance|services?|plan|period)\b", r"\bexit (?:plan|assistance|management|services?)\b",
            r"\b(?:successor|replacement|alternative) (?:provider|vendor|supplier|service provider|contractor)\b",
            r"\bpost-?termination (?:services|assistance|period)\b", r"\bknowledge transfer\b",
            r"\bcontinu(?:e|ing) to (?:provide|perform|supply|support)\b.{0,120}\b(?:after|following|upon|beyond)\b.{0,40}\b(?:termination|expiration)\b",
            r"\b(?:after|following|beyond)\b.{0,40}\b(?:termination|expiration)\b.{0,120}\bcontinu(?:e|ing) to (?:provide|perform|supply|support)\b",
            # handing back what the work needs; returning confidential information is confidentiality
            r"\b(?:after|following|upon|on)\b.{0,30}\b(?:termination|expiration)\b.{0,160}\b(?:return|deliver|transfer|migrat|export)\w*\b"
            r"(?![^.;]{0,80}\b(?:confidential|proprietary) information\b)",
            r"\b(?:return|deliver)\w*\b.{0,80}\b(?:data|materials|property|documents|records|content)\b.{0,100}\b(?:termination|expiration)\b",
            r"\b(?:export|retrieve|download)\b (?:\w+ ){0,3}(?:customer|client|its|their|user) (?:data|content)\b",
            r"\b(?:orderly|smooth) (?:transfer|transition)\b", r"\bmigrat(?:e|ion)\b",
            r"\bhand-?\s?over (?:period|plan|assistance|document|sessions?)\b",
        ),
        weak=_rx(r"\btransition", r"\bsuccessor\b", r"\breturn\b", r"\bafter (?:termination|expiration)\b",
                 r"\bwind[- ]down\b", r"\bsell[- ]off\b"),
        mention=re.compile(r"transition|terminat|expir|return|successor|\b(?:agreement|contract) ends\b"),
    ),
    "business_continuity": Rules(
        heading=_rx(r"business continuity", r"disaster", r"contingency", r"\bescrow\b", r"\bback-?ups?\b", r"\bresilien"),
        strong=_rx(
            r"\bbusiness continuity\b", r"\bdisaster recovery\b", r"\bcontingency plans?\b", r"\bcontinuity plans?\b",
            r"\b(?:source code|software|data|technology) escrow\b", r"\bescrow (?:agent|agreement|account for (?:the )?source)\b",
            r"\bsource code\b.{0,80}\bescrow\b", r"\bescrow\b.{0,80}\bsource code\b",
            r"\bback-?up (?:sites?|facilit(?:y|ies)|systems?|power|generators?|data ?cent(?:er|re)s?)\b",
            r"\bredundan(?:t|cy)\b", r"\brecovery (?:time|point) objectives?\b", r"\b(?:rto|rpo)\b", r"\bfail-?over\b",
            r"\b(?:maintain|implement|test)\b.{0,60}\b(?:recovery|continuity|contingency) plans?\b",
            r"\b(?:regular|daily|periodic) back-?ups?\b", r"\bback(?:s)? up\b.{0,40}\bdata\b",
        ),
        weak=_rx(r"\bback-?ups?\b", r"\brecovery\b", r"\bescrow\b", r"\bcontingenc", r"\bresilien", r"\bdisaster"),
        mention=re.compile(r"continuity|disaster|escrow|backup|back-up|force majeure|recovery"),
        mask=re.compile(r"\bescrow (?:of|for) (?:funds|payments?|the purchase price|shares|deposit)|escrow account(?! for (?:the )?source)|i-?escrow|\brecovery of (?:costs|fees|damages|attorney)"),
    ),
    "assignment": Rules(
        heading=_rx(r"\bassign", r"subcontract", r"delegat", r"change (?:of|in) control", r"\btransfer(?:ability|s)?\b(?! pricing)",
                    r"successors"),
        strong=_rx(
            r"\b(?:may not|shall not|will not|cannot|must not|is not (?:permitted|entitled) to)\b.{0,60}\b(?:assign|delegate|subcontract|sub-contract)\w*\b",
            r"\b(?:may not|shall not|will not|cannot|must not)\b.{0,40}\btransfer\w*\b.{0,40}\b(?:this agreement|its rights|its obligations|any (?:of its )?rights|this contract|hereunder)",
            r"\b(?:assign|transfer|delegate|subcontract)\w*\b.{0,100}\bwithout (?:the )?(?:prior )?(?:express )?(?:written )?(?:consent|approval)\b",
            r"\bchange (?:of|in) control\b", r"\bresponsible for (?:the acts|all acts)\b.{0,40}\bsubcontractors?\b",
            r"\b(?:merger|acquisition|consolidation|reorgani[sz]ation|sale of (?:all or )?substantially all)\b.{0,120}\b(?:assign|transfer)",
            r"\bassignment\b.{0,40}\b(?:void|null|invalid|of no (?:force|effect))\b",
            r"\bmay (?:freely )?assign\b.{0,60}\b(?:this agreement|its rights|without)",
        ),
        weak=_rx(r"\bassign", r"\btransfer", r"\bsuccessors?\b", r"\bdelegat", r"\bconsent\b", r"\bsubcontract",
                 r"\bpermitted assign"),
        mention=re.compile(r"assign|transfer|subcontract|delegat|control"),
        mask=re.compile(r"(?:hereby )?(?:assigns?|transfers?)(?: and (?:agrees to )?assigns?)?(?: to \w+(?: \w+)?)? (?:all|any and all|its entire)(?: of its)? right,? title|assignment of (?:inventions|intellectual property|patents|copyrights?)|assigned to (?:it|him|her) by"),
    ),
    "compliance": Rules(
        heading=_rx(r"compliance", r"\bcomply\b", r"laws and regulations", r"\bregulatory\b", r"anti-?(?:bribery|corruption)",
                    r"\bexport", r"licen[cs]es(?:,)? (?:and|&) permits", r"\bpermits\b", r"\bsanctions\b", r"\bfcpa\b",
                    r"non-?discrimination", r"equal (?:employment )?opportunity", r"applicable laws?", r"\bethic"),
        strong=_rx(
            OBLIG + r" (?:at all times )?(?:\w+ ){0,3}(?:comply|be in compliance|abide|conform|observe|adhere)\b.{0,100}\b(?:laws?|regulations?|statutes?|rules|ordinances|codes|requirements of any governmental)\b",
            r"\bin (?:full )?(?:compliance|accordance|conformity) with (?:all )?(?:applicable )?(?:federal, state and local |local, state and federal )?(?:laws|regulations|statutes)\b",
            r"\bforeign corrupt practices\b", r"\bfcpa\b", r"\bbribery act\b", r"\banti-?(?:bribery|corruption|kickback|money laundering)\b",
            r"\bexport (?:control|administration|regulations?|laws?|licen[cs]es?)\b", r"\b(?:itar|ofac)\b", r"\beconomic sanctions\b",
            r"\b(?:licen[cs]es|permits|approvals|registrations|authori[sz]ations|certifications)\b.{0,60}\b(?:required|necessary)\b",
            r"\b(?:obtain|maintain|hold)\b.{0,60}\b(?:licen[cs]es|permits|registrations)\b.{0,40}\b(?:required|necessary|law|governmental|applicable)",
            r"\b(?:equal employment opportunity|anti-discrimination|labou?r laws|wage and hour|minimum wage|child labou?r|forced labou?r|modern slavery)\b",
            r"\bregulatory (?:requirements|obligations)\b",
            r"\b(?:bribe|kickbacks?)\b", r"\bcode of (?:conduct|ethics)\b",
        ),
        weak=_rx(r"\bapplicable laws?\b", r"\bregulations?\b", r"\bcompl(?:y|iance)\b", r"\bgovernmental\b", r"\blicen[cs]es\b",
                 r"\bpermits?\b", r"\bstatutes?\b", r"\bregulatory (?:approvals?|authorit(?:y|ies)|filings?)\b"),
        mention=re.compile(r"comply|compliance|law|regulat|permit"),
        # "to the extent permitted by applicable law" is a hedge, not an obligation.
        mask=re.compile(r"(?:to the (?:maximum |fullest )?extent (?:permitted|required|allowed)|except as (?:required|permitted)|unless (?:required|prohibited)|as (?:required|permitted)) by (?:applicable )?(?:law|laws)"
                        r"|governed by[^.;]{0,80}laws?|laws of the (?:state|commonwealth)[^.;]{0,40}"),
    ),
    "governing_law": Rules(
        heading=_rx(r"governing law", r"applicable law", r"jurisdiction", r"\bvenue\b", r"dispute", r"arbitration",
                    r"choice of (?:law|forum)", r"\bforum\b", r"\bjury\b", r"\bmediation\b"),
        strong=_rx(
            r"\bgoverned by\b.{0,80}\blaws?\b", r"\b(?:construed|interpreted|enforced|governed)\b.{0,60}\b(?:in accordance with|under|pursuant to)\b.{0,40}\blaws?\b",
            r"\b(?:exclusive|non-exclusive) jurisdiction\b",
            r"\bsubmits? to the (?:\w+ ){0,2}jurisdiction\b", r"\bvenue\b", r"\barbitrat(?:ion|or|ors|ed|e)\b",
            r"\bamerican arbitration association\b", r"\bjams\b", r"\buncitral\b", r"\bdispute resolution\b",
            r"\b(?:trial by jury|jury trial)\b", r"\bcourts? (?:of|located in|sitting in)\b.{0,60}\b(?:shall have|jurisdiction|venue)",
            r"\bconflicts? of laws?\b", r"\bchoice of law\b", r"\bmediat(?:ion|or)\b",
        ),
        weak=_rx(r"\bdisputes?\b", r"\bjurisdiction\b", r"\bcourts?\b", r"\blaws?\b",
                 r"\blaws of the (?:state|commonwealth|province|republic|kingdom)\b"),
        mention=re.compile(r"law|jurisdiction|court|dispute|arbitra"),
    ),
}

assert set(RULES) == set(CATEGORY_IDS), "every taxonomy category needs its labelling functions"

# -- negative rules shared by all categories ---------------------------------------------

_DEFINITIONS_HEADING = re.compile(r"^(?:definitions?|defined terms|interpretation|construction)\b", _I)
_HAS_MEANING = re.compile(r"\b(?:has|have|shall have|will have) the (?:respective )?meanings? (?:given|set forth|ascribed|assigned)", _I)

_BOILERPLATE_HEADING = re.compile(
    r"^(?:(?:\w+ )?notices?|entire agreement|integration|merger|severability|severance|counterparts?|(?:no )?waivers?|"
    r"headings?|captions|force majeure|further assurances?|relationship of (?:the )?parties|independent contractors?|"
    r"no third[- ]party beneficiar(?:y|ies)|third[- ]party beneficiar(?:y|ies)|construction|interpretation|"
    r"recitals?|witnesseth|entire agreement; amendments?|amendments?|modifications?|binding effect|"
    r"publicity|announcements|authority|signatures?|execution|cumulative remedies|survival|miscellaneous|"
    r"specific performance|injunctive relief|equitable relief|table of contents)$", _I)
_TOC_LINE = re.compile(r"\.{5,}\s*\d+\s*$|(?:\.{5,}\s*\d+\s*){2,}", re.M)
_BOILERPLATE_TEXT = _rx(
    r"\bconstitutes? the entire (?:agreement|understanding)\b", r"\bsupersedes? all prior\b",
    r"\b(?:held|found|deemed) (?:to be )?(?:invalid|illegal|unenforceable)\b", r"\bin (?:one or more|any number of|two or more) counterparts\b",
    r"\bcounterparts?,? each of which\b", r"\bno (?:failure|delay|waiver)\b.{0,60}\b(?:waiver|operate|construed)\b",
    r"\bheadings? (?:are|used) (?:for|in)\b.{0,40}\b(?:convenience|reference)\b", r"\bin witness whereof\b",
    r"\bforce majeure\b", r"\bacts? of god\b", r"\brelationship of the parties\b", r"\bindependent contractors?\b",
    r"\b(?:all )?notices?\b.{0,120}\b(?:shall be (?:in writing|given|sent|deemed)|addressed to|certified mail|overnight courier)\b",
)
_SIGNATURE = re.compile(r"(?:^|\n)\s*(?:by|name|title|signature|date)\s*:\s*(?:_|\n|$)|_{6,}.{0,40}\n.{0,40}(?:name|title)\s*:", _I)
_RECITAL = re.compile(r"^\W{0,3}(?:whereas|recitals?|now,? therefore|witnesseth)\b", _I)
_DR_PLAN = re.compile(r"disaster recovery|business continuity|contingency plan|continuity plan|back-?up (?:site|facilit|systems)", _I)


@dataclass
class Vote:
    positive: bool
    reasons: list[str]
    mentions: bool
    vetoed: str | None = None  # the negative rule that rejected the unit, if any


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def general_veto(text: str, own_heading: str | None) -> str | None:
    """A negative rule that makes the unit no category at all, or None.

    Boilerplate phrases only veto short units: a long "Miscellaneous" clause can also
    choose the governing law, and that part must still be labelled.
    """
    t = text.strip()
    head = (own_heading or "").strip()
    if _DEFINITION.match(t):
        return "definition"
    if _DEFINITIONS_HEADING.match(head) and (len(t) < 800 or _HAS_MEANING.search(t)):
        return "definitions heading"
    if _RECITAL.match(t):
        return "recital"
    if _TOC_LINE.search(t):
        return "table of contents"
    if _SIGNATURE.search(text) and len(t) < 600:
        return "signature block"
    if head and _BOILERPLATE_HEADING.match(head):
        return f"boilerplate heading: {head}"
    if len(t) < 700:
        low = t.lower()
        for pat, rx in _BOILERPLATE_TEXT:
            if rx.search(low):
                return f"boilerplate: /{pat}/"
    if len(t) < 400 and _HAS_MEANING.search(t):
        return "cross-reference to a definition"
    return None


_SAME = object()


def label_unit(text: str, heading: str | None = None, own_heading: str | None | object = _SAME) -> dict[str, Vote]:
    """Labelling-function votes for every category.

    ``heading`` is the clause's heading as recorded in the corpus (its own, else its
    parent's); pass ``own_heading`` too when the two differ, so that an inherited heading
    counts for less. Called with ``heading`` only, it is taken as the clause's own.
    """
    if own_heading is _SAME:
        own_heading, inherited = heading, None
    else:
        inherited = heading if heading != own_heading else None
    flat = _norm(text).lower()
    own_low = own_heading.lower() if own_heading else None
    inherited_low = inherited.lower() if inherited else None
    veto = general_veto(text, own_heading)
    # Force majeure that requires a recovery plan still counts for business continuity.
    fm_with_dr = veto is not None and "force majeure" in veto.lower() and bool(_DR_PLAN.search(flat))
    votes: dict[str, Vote] = {}
    for cat, rules in RULES.items():
        body = rules.mask.sub(" ", flat) if rules.mask and not _absent(rules.mask_needles, flat) else flat
        mentions = not _absent(rules.mention_needles, body) and bool(rules.mention.search(body))
        reasons: list[str] = []
        own_hit = own_low and next((p for p, rx in rules.heading if rx.search(own_low)), None)
        parent_hit = inherited_low and next((p for p, rx in rules.heading if rx.search(inherited_low)), None)
        strong = [p for p, rx in rules.strong if rx.search(body)]
        # Keywords count only with a heading that names the topic: without one, not searched.
        weak = [p for p, rx in rules.weak if rx.search(body)] if own_hit or parent_hit else []
        if own_hit:
            reasons.append(f"heading /{own_hit}/: {own_heading}")
        if parent_hit:
            reasons.append(f"parent heading /{parent_hit}/: {inherited}")
        reasons += [f"phrase /{p}/" for p in strong[:3]]
        positive = bool(strong) or len(weak) >= 2 and bool(own_hit or parent_hit) or \
            bool(own_hit) and (len(weak) >= 1 or len(flat) < 300) or bool(parent_hit) and len(weak) >= 1
        if positive and not strong and weak:
            reasons += [f"keyword /{p}/" for p in weak[:3]]
        vetoed = None
        if veto and not (cat == "business_continuity" and fm_with_dr):
            vetoed = veto
        elif rules.heading_veto is not None and own_heading and rules.heading_veto.match(own_low.strip()) and not strong:
            vetoed = f"heading veto: {own_heading}"
        else:
            for p, rx in rules.veto:
                if rx.search(flat):
                    vetoed = f"/{p}/"
                    break
        if not vetoed and positive and rules.context is not None:
            trap, needed = rules.context
            if trap.search(flat) and not needed.search(flat):
                vetoed = "context: " + trap.pattern[:40] + " without " + needed.pattern[:40]
        if vetoed:
            positive = False
        votes[cat] = Vote(positive, reasons if positive else [], mentions, vetoed)
    return votes


def positives(text: str, heading: str | None = None) -> set[str]:
    """The categories the labelling functions propose for a clause under its own heading."""
    return {c for c, v in label_unit(text, heading).items() if v.positive}


# -- the votes as classifier features ----------------------------------------------------------

# Per category: a strong phrase matched; the rules' positive vote; a heading rule matched
# (own or parent heading); the category's vocabulary mentioned and no veto applied.
CUE_KINDS: tuple[str, ...] = ("phrase", "positive", "heading", "mention")
# Part of the fingerprint: raise it when label_unit's logic (not a pattern) changes, so that
# a model trained on the old votes is refused instead of silently misread.
CUES_VERSION = 1


def cue_names(categories: list[str] | tuple[str, ...]) -> list[str]:
    """Feature names, ``"<category>:<kind>"``, in the column order of :func:`cue_matrix`."""
    return [f"{category}:{kind}" for category in categories for kind in CUE_KINDS]


def cue_matrix(texts: list[str] | tuple[str, ...], headings: list[str | None] | tuple[str | None, ...],
               categories: list[str] | tuple[str, ...]) -> np.ndarray:
    """0/1 features of each clause's votes: texts x (categories x CUE_KINDS)."""
    out = np.zeros((len(texts), len(categories) * len(CUE_KINDS)), dtype=np.float32)
    for i, (text, heading) in enumerate(zip(texts, headings)):
        votes = label_unit(text, heading or None)
        for j, category in enumerate(categories):
            vote = votes[category]
            base = j * len(CUE_KINDS)
            out[i, base] = any(reason.startswith("phrase") for reason in vote.reasons)
            out[i, base + 1] = vote.positive
            out[i, base + 2] = any(reason.startswith(("heading", "parent heading")) for reason in vote.reasons)
            out[i, base + 3] = vote.mentions and not vote.vetoed
    return out


def fingerprint() -> str:
    """A hash of every rule pattern and of CUES_VERSION: a model records the cues it was
    trained with, and refuses to run with others."""
    parts = [str(CUES_VERSION)]
    for category, rules in sorted(RULES.items()):
        parts.append(category)
        for group in (rules.heading, rules.strong, rules.weak, rules.veto):
            parts += [source for source, _ in group]
        for rx in (rules.mention, rules.mask, rules.heading_veto, *(rules.context or ())):
            parts.append(rx.pattern if rx is not None else "-")
    for rx in (_DEFINITION, _DEFINITIONS_HEADING, _HAS_MEANING, _BOILERPLATE_HEADING, _TOC_LINE, _SIGNATURE,
               _RECITAL, _DR_PLAN):
        parts.append(rx.pattern)
    parts += [source for source, _ in _BOILERPLATE_TEXT]
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:16]

