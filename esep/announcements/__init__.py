"""Announcements of reports: channels, texts, posters (Order 608 p.8.2; Order 652 p.27)."""
