"""Repeated claims in the database: the index, candidates, recording matches at ingest, the
all-pairs scan, search, explanations, and the groups they grow.

The pure parts (normalising, comparing, the compiled join) are in ``claimcheck.matching``.
"""
