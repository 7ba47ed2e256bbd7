"""Police registry: bodies, precincts, points, officers, assignments, other state bodies."""
