"""Outbox of email and SMS with delivery records."""
