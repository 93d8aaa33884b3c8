"""Comparing a municipality with its peers: an opt-in per assessment to share its area levels
anonymously, and distributions shown only where at least K municipalities shared."""
