"""The sources a report is prepared from (Order 608 p.10; Order 652 p.29)."""

from django.utils.translation import gettext_lazy as _

SOURCES = {
    "statistics": _("state and departmental statistics"),
    "programmes": _("republican and regional crime-prevention programmes"),
    "appeals": _("appeals of individuals, legal entities, deputies, public councils and organisations"),
    "public_opinion": _("studies of public opinion about the police"),
    "media": _("publications in the mass media"),
    "resources": _("resources given to the police by local executive bodies"),
    "esep": _("Esep records: appeals, minutes and decisions, residents' ratings"),
    "law": _("the legal acts in force (esep.law)"),
    "other": _("other information"),
}
