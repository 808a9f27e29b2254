"""Training-corpus builder for clausecheck's clause classifier (not part of the installed package)."""
