"""claimcheck: a fact-checking claim tracker for newsroom reviewers."""

__version__ = "0.1.0"
