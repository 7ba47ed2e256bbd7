"""The law as data: rules with citations, working-day calendar, deadlines, compliance."""
