from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    """Ratings that count: residents' ratings, "was it fixed?", confirmed complaints and timeliness combined
    into an evaluation of inspectors, precincts and police bodies, by criteria each region's public council
    sets (docs/evaluation.md)."""

    name = "esep.evaluation"
    label = "evaluation"
    verbose_name = _("Evaluation")
    staff_menu = [
        (_("Evaluation"), "evaluation_staff:scores"),
        (_("Evaluation criteria"), "evaluation_staff:criteria"),
    ]
