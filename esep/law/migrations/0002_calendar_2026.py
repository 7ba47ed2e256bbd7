"""Known entries of the 2026 calendar that the `holidays` package does not confirm.

Kurban Ait 2026: the first day of Kurban Ait is a public holiday without carry-over (Law on holidays art. 5).
Its lunar date (10 Dhu al-Hijjah 1447) is expected on 27.05.2026 by the astronomical calendar (the `holidays`
package gives the same estimate). The date is fixed each year by the Spiritual Administration of Muslims of
Kazakhstan and the government; staff must confirm or correct this row in the admin.

Transfers of days off for 2026 (Labour Code art. 85, a government decree each year) are NOT seeded: the
decree's text was not at hand. Staff enter them in the admin (kind transfer_off / transfer_work).
"""

import datetime as dt

from django.db import migrations

ROWS = [
    {
        "date": dt.date(2026, 5, 27),
        "kind": "holiday",
        "name_kk": "Құрбан айттың бірінші күні",
        "name_ru": "Первый день Курбан айта",
        "name_en": "First day of Kurban Ait",
        "source": "Law on holidays art. 5; lunar date expected 27.05.2026 (astronomical estimate), to be "
        "confirmed by the Spiritual Administration of Muslims of Kazakhstan",
    },
]


def forwards(apps, schema_editor):
    CalendarDay = apps.get_model("law", "CalendarDay")
    for row in ROWS:
        CalendarDay.objects.update_or_create(date=row["date"], defaults=row)


def backwards(apps, schema_editor):
    CalendarDay = apps.get_model("law", "CalendarDay")
    CalendarDay.objects.filter(date__in=[row["date"] for row in ROWS]).delete()


class Migration(migrations.Migration):
    dependencies = [("law", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
