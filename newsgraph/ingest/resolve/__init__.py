"""Resolving what a batch names against the graph and against itself: which reports are of one
statement or meeting (``facts``), which spellings are of one person (``people``), the ids
derived from content (``ids``) and whether two reports give the same words (``similarity``).

Callers import from those modules: the package re-exports nothing, so each name is listed
once, in its module's ``__all__``.
"""
