"""``{{ m|meeting_url }}``, ``{{ p|precinct_url }}``, ``{{ b|body_url }}``, ``{{ t|territory_url }}``: links of
list rows without the resolver (esep.public.links); ``{% meeting_rows list %}``, ``{% precinct_cards list %}``:
the rows of list pages written in Python (esep.public.rows)."""

from django import template

from esep.public import links, rows

register = template.Library()
register.filter("meeting_url", links.meeting_url)
register.filter("precinct_url", links.precinct_url)
register.filter("body_url", links.body_url)
register.filter("territory_url", links.territory_url)
register.simple_tag(rows.meeting_rows, name="meeting_rows")
register.simple_tag(rows.precinct_cards, name="precinct_cards")
