"""Deterministic demo data from the real KATO."""
