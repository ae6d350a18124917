"""Repeated-claim matching: normalisation, aliases, guards and explainable scores. Pure."""
