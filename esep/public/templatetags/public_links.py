"""``{{ m|meeting_url }}``, ``{{ p|precinct_url }}``, ``{{ b|body_url }}``, ``{{ t|territory_url }}``: links of
list rows without the resolver (esep.public.links)."""

from django import template

from esep.public import links

register = template.Library()
register.filter("meeting_url", links.meeting_url)
register.filter("precinct_url", links.precinct_url)
register.filter("body_url", links.body_url)
register.filter("territory_url", links.territory_url)
