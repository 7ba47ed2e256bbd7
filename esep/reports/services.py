"""The only code that writes report content: prepare the workspace, edit a block, prefill it again, publish,
withdraw, and register media publications. Each checks the actor's right on the meeting
(esep.accounts.permissions) and drops cached public pages after commit when the public side changes."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, can
from esep.core import clock
from esep.core.pagecache import public_changed_on_commit
from esep.law import rules
from esep.reports import prefill
from esep.reports.models import Block, MediaPublication, PublicationSubject, Report, ReportStatus

MAX_TEXT = 20_000


def required_sections(meeting) -> tuple[rules.Rule, tuple[str, ...]]:
    """The rule in force on the meeting's day for its kind (Order 608 p.6; Order 652 p.30; Decree 723)."""
    r = rules.rule("report.sections", timezone.localtime(meeting.starts_at).date(), kind=meeting.kind)
    return r, tuple(r.value)


def _check(actor, meeting) -> None:
    if not can(actor, Action.CHANGE, meeting):
        raise PermissionDenied(_("You cannot change this meeting's report."))


def report_prepare(*, meeting, actor) -> Report:
    """The workspace of a meeting's report: one block per required section, prefilled. Idempotent: an
    existing report keeps its blocks and gets only the blocks it lacks."""
    _check(actor, meeting)
    _rule, keys = required_sections(meeting)
    with transaction.atomic():
        report, _created = Report.objects.select_for_update().get_or_create(meeting=meeting)
        have = set(report.blocks.values_list("section", flat=True))
        now = clock.now()
        for position, key in enumerate(keys, start=1):
            if key in have:
                continue
            built = prefill.build(meeting, key)
            Block.objects.create(
                report=report,
                section=key,
                position=position,
                text_kk=built["texts"]["kk"],
                text_ru=built["texts"]["ru"],
                data=built["data"],
                sources=built["sources"],
                prefilled_at=now,
            )
    return report


def block_update(*, block: Block, text_kk: str, text_ru: str, sources: list[str] | None, actor) -> Block:
    _check(actor, block.report.meeting)
    if len(text_kk) > MAX_TEXT or len(text_ru) > MAX_TEXT:
        raise ValidationError(_("A section's text is limited to 20,000 characters."))
    from esep.reports.sources import SOURCES

    with transaction.atomic():
        block = Block.objects.select_for_update().select_related("report").get(pk=block.pk)
        block.text_kk, block.text_ru = text_kk.strip(), text_ru.strip()
        if sources is not None:
            block.sources = [s for s in SOURCES if s in set(sources)]
        block.edited_at, block.edited_by = clock.now(), actor
        block.save()
        if block.report.published:
            public_changed_on_commit()
    return block


def block_refill(*, block: Block, actor) -> Block:
    """Prefill the block again from today's data (figures and first text); the staff's text is replaced."""
    _check(actor, block.report.meeting)
    built = prefill.build(block.report.meeting, block.section)
    with transaction.atomic():
        block = Block.objects.select_for_update().select_related("report").get(pk=block.pk)
        block.data, block.sources = built["data"], built["sources"]
        block.text_kk, block.text_ru = built["texts"]["kk"], built["texts"]["ru"]
        block.prefilled_at = clock.now()
        block.save()
        if block.report.published:
            public_changed_on_commit()
    return block


def report_publish(*, report: Report, actor) -> Report:
    """Publish on the meeting's public page, before the meeting as material or after it. Sections still
    empty do not stop publication, but the compliance finding report.section_missing names them."""
    _check(actor, report.meeting)
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.meeting.status in ("draft", "cancelled"):
            raise ValidationError(_("A report is published only for an announced or held meeting."))
        report.status, report.published_at, report.published_by = ReportStatus.PUBLISHED, clock.now(), actor
        report.save()
        public_changed_on_commit()
    return report


def report_withdraw(*, report: Report, actor) -> Report:
    _check(actor, report.meeting)
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        report.status = ReportStatus.DRAFT
        report.save()
        public_changed_on_commit()
    return report


def media_publication_add(
    *, meeting, subject: str, outlet: str, published_on, url: str = "", scan=None, actor
) -> MediaPublication:
    """Register where the announcement or the report appeared in the media (Order 608 p.8.2)."""
    _check(actor, meeting)
    if subject not in PublicationSubject.values:
        raise ValidationError(_("Choose what was published."))
    if not outlet.strip():
        raise ValidationError(_("Name the media outlet."))
    if not url and not scan:
        raise ValidationError(_("Give a link or attach a scan."))
    if published_on > clock.localdate():
        raise ValidationError(_("The publication date cannot be in the future."))
    pub = MediaPublication.objects.create(
        meeting=meeting,
        subject=subject,
        outlet=outlet.strip()[:200],
        published_on=published_on,
        url=url,
        scan=scan or "",
        added_by=actor,
    )
    public_changed_on_commit()
    return pub
