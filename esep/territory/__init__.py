"""Territory: KATO classifier, boundaries, populated places."""
