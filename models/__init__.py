"""Shipped model files (installed as clausecheck._models)."""
