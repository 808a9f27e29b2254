"""Clause shapes that hold no protection, whatever words they contain.

A definition names a term ('"Privacy Laws" means all laws on … breach notification …'); it
obliges no one. TAXONOMY.md makes a bare definition no category, the corpus's labelling
functions veto it, and the gap checker does not let it meet a requirement's elements.
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
