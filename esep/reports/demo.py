"""The showcase chief's report of `esep demo load`: every section of Order 608 p.6 prefilled, published.

Real figures exist only at region level for 2022 (data/statistics). The showcase district gets figures
generated deterministically for the years it needs, stored with the ``demo`` flag and labelled "demo" on
every page and PDF that shows them. The official forms are loaded too, so the region pages use real data.
"""

from __future__ import annotations

import datetime as dt
import random

from esep.core import clock
from esep.statistics import services as stats_services
from esep.statistics.indicators import HEADLINES

# A district of about 500,000 residents (Karaganda city): yearly levels in the order of HEADLINES.
BASE = {
    "1M.S1.001.g02": 6200,
    "1M.S1.001.g06": 2900,
    "1M.S1.001.g07": 1850,
    "SNG1.R1.01.g6": 2100,
    "1M.S1.001.g26": 2300,
    "1M.S1.001.g27": 1300,
    "1M.S1.001.g28": 420,
    "SNG1.R2.01.g1": 95,
    "SNG1.R1.13.g1": 2400,
    "SNG1.R1.16.g1": 900,
    "SNG1.R1.17.g1": 210,
    "SNG1.R1.08.g1": 14,
    "SNG1.R1.23.g1": 160,
}
FORMS = {"1M": "1-М", "SN": "СНГ-1"}

FREE_TEXT = {
    "programmes": (
        "Өңірлік құқық бұзушылық профилактикасы бағдарламасы бойынша 48 аулаға бейнебақылау камералары орнатылды, "
        "12 мектепте «Қауіпсіз мектеп» жобасы іске асты, жасөспірімдермен 310 профилактикалық кездесу өтті.",
        "По региональной программе профилактики правонарушений камеры видеонаблюдения установлены в 48 дворах, "
        "в 12 школах реализован проект «Безопасная школа», с подростками проведено 310 профилактических встреч.",
    ),
    "anti_corruption": (
        "Жыл ішінде сыбайлас жемқорлыққа қарсы 3 қызметтік тексеру жүргізілді, 2 қызметкер тәртіптік жауапкершілікке "
        "тартылды; азаматтарды қабылдау бейнежазбамен жүргізіледі.",
        "За год проведено 3 служебные проверки антикоррупционной направленности, 2 сотрудника привлечены к "
        "дисциплинарной ответственности; прием граждан ведется с видеофиксацией.",
    ),
    "other": (
        "Қысқы кезеңде жаяу жүргіншілер өтпелерінің жарықтандырылуы мен жол белгілері әкімдікпен бірлесіп тексеріледі.",
        "В зимний период освещение пешеходных переходов и дорожные знаки проверяются совместно с акиматом.",
    ),
    "legislation": (
        "Кезеңде полиция қызметіне қатысты заңнамада елеулі өзгерістер болған жоқ; учаскелік инспекторлардың есеп "
        "беру тәртібі № 608 және № 652 бұйрықтармен реттеледі.",
        "Существенных изменений законодательства о деятельности полиции в периоде не было; порядок отчетов "
        "определяется приказами № 608 и № 652.",
    ),
    "local_problems": (
        "Әкімдіктің шешімін талап ететін мәселелер: көшелерді жарықтандыру, аулалардағы бейнебақылау, қараусыз "
        "жануарлар.",
        "Вопросы, требующие решения акимата: освещение улиц, видеонаблюдение во дворах, безнадзорные животные.",
    ),
    "public_opinion": (
        "Тұрғындар есептерді Esep-те бағалай алады; сауалнама нәтижелері келесі есепте беріледі.",
        "Жители могут оценить отчеты в Esep; результаты опроса будут представлены в следующем отчете.",
    ),
}


def demo_figures_csv(kato: str, years: list[int]) -> str:
    """Deterministic figures for ``kato`` and ``years`` in the documented CSV format (source DEMO)."""
    lines = ["kato,period_start,period_end,form,indicator_code,value,source"]
    for year in years:
        for code in (h.code for h in HEADLINES):
            if code in ("1M.S1.003.g02", "1M.S1.002.g02"):
                continue
            rng = random.Random(f"esep-demo-{kato}-{year}-{code}")
            trend = 1 + 0.04 * (year - years[0]) * (1 if rng.random() < 0.6 else -1)
            value = int(BASE[code] * trend * rng.uniform(0.93, 1.07))
            lines.append(f"{kato},{year}-01-01,{year}-12-31,{FORMS[code[:2]]},{code},{value},DEMO")
            if code == "1M.S1.001.g02":
                crimes = int(value * 0.87)
                lines.append(f"{kato},{year}-01-01,{year}-12-31,1-М,1M.S1.003.g02,{crimes},DEMO")
                lines.append(f"{kato},{year}-01-01,{year}-12-31,1-М,1M.S1.002.g02,{value - crimes},DEMO")
    return "\n".join(lines) + "\n"


def showcase_reports(meeting, *, actor) -> None:
    """Prefill, complete and publish the showcase chief's report and the same body's report a year earlier."""
    from esep.meetings.models import Meeting
    from esep.reports import services

    stats_services.official_import()
    kato = meeting.body.territory.kato
    year = meeting.period_year
    stats_services.figures_import(
        demo_figures_csv(kato, [year - 2, year - 1, year]), name="demo-showcase.csv", source="DEMO", demo=True
    )
    previous = (
        Meeting.objects.filter(body=meeting.body, kind="chief", period_year=year - 1, status__in=("held", "closed"))
        .order_by("-starts_at")
        .first()
    )
    for m in [previous, meeting]:
        if m is None:
            continue
        report = services.report_prepare(meeting=m, actor=actor)
        for block in report.blocks.all():
            if block.section in FREE_TEXT and not block.complete:
                kk, ru = FREE_TEXT[block.section]
                services.block_update(
                    block=block, text_kk=kk, text_ru=ru, sources=block.sources or ["programmes"], actor=actor
                )
        services.report_publish(report=report, actor=actor)
        report.published_at = m.starts_at - dt.timedelta(days=3) if m.starts_at < clock.now() else clock.now()
        report.save(update_fields=["published_at"])
