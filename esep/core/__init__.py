"""Shared foundations: audit log, base templates, i18n helpers."""
