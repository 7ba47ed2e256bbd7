"""Shared test helpers: factories for the registry and meetings, used by every app's tests."""
