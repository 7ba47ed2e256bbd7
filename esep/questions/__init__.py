"""Questions sent by residents in advance, with moderation."""
