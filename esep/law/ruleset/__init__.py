"""The rules themselves, one module per act, read from the texts of the acts (Russian and Kazakh) and the
statutes they refer to. One rule lives here once; code asks :mod:`esep.law.rules` for it.

- :mod:`~esep.law.ruleset.dates`: every date of force, with the note saying how it was found or assumed;
- :mod:`~esep.law.ruleset.meetings`: what each rule about reports means, the same under every act;
- :mod:`~esep.law.ruleset.decree_723`, :mod:`~esep.law.ruleset.order_608`,
  :mod:`~esep.law.ruleset.order_1095_652`: reports to the population, before and after 2023;
- :mod:`~esep.law.ruleset.report_sections`: what a report must say, section by section (Decree 723 pp.22, 27;
  Order 608 p.6; Order 1095 p.30 as added by Order 652);
- :mod:`~esep.law.ruleset.appk`: appeals, the АППК and before it the Law of 12.01.2007 No. 221-III;
- :mod:`~esep.law.ruleset.gatherings`, :mod:`~esep.law.ruleset.holidays`,
  :mod:`~esep.law.ruleset.personal_data`, :mod:`~esep.law.ruleset.retention`.

Importing this package registers every rule; :func:`esep.law.rules.load` does it once, from
``LawConfig.ready()``, and a failure stops startup. Each rule's versions are contiguous for each kind of
meeting (tests/test_rules.py checks it): a date with no version in force is a gap in the data, reported as a
finding by the compliance checks, never a silent pass.
"""

from esep.law.ruleset import (  # noqa: F401  (each module registers its act and rules on import)
    appk,
    decree_723,
    gatherings,
    holidays,
    order_608,
    order_1095_652,
    personal_data,
    report_sections,
    retention,
)
