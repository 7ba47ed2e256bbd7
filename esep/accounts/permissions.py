"""The one place that decides who may do what to which row.

Every staff query goes through ``restrict(queryset, user, action)`` (NetBox's RestrictedQuerySet idea) and every
single decision through ``can(user, action, obj)``; services that change something call ``require()``.

Three things decide:

1. **What a role may do** — the role → action table below, per model (``register_model_actions``, NetBox's
   ``register_model_actions``). Actions beyond view and change are capabilities of their own: sign, extend,
   moderate, approve, publish, export, edit the registry, control execution, keep minutes, answer what was
   forwarded, see an applicant's personal data. The table follows the law:
   - the territorial police body sets dates and approves schedules (Order 608 p.8.1): its staff unit and chief,
     never the secretary or an inspector;
   - minutes are kept by a secretary who is a police employee (Order 608 p.12) — keeping minutes is all a
     secretary does; who signs comes from the esep.law rule ``meeting.signatories`` (Order 608 p.15,
     Order 652 p.32, Decree 723 p.14), matched to accounts by ``may_sign_slot``;
   - only the staff unit keeps the registry of units, precincts and inspectors (Order 608 p.18, DOMAIN "staff
     unit");
   - the head of the body (role "chief", which covers deputies) extends an appeal's term (АППК art. 76 p.3);
   - control of execution of the minutes: the leadership of the body (Order 608 p.19), for an inspector's report
     also the inspector (Order 652 p.33);
   - an outside body (akimat, maslikhat, public council) receives what is in its competence (Order 608 p.17,
     Order 652 p.32, АППК art. 65): it sees appeals and minutes items forwarded to it and nothing else that
     carries a resident's personal data;
   - the evaluation of inspectors, precincts and bodies (esep.evaluation) is read by the chief and oversight,
     and its criteria are set by the public council of the region. This is policy, not law: the 2016
     parliamentary committee speech (public councils set evaluation criteria suited to their region; residents'
     ratings taken into account) and the PRI review (confirmed complaints used to evaluate officers and units).
   - the public council of a region moderates residents' comments on the reports of its region, instead of
     the rated police body (parliament speech, sixth conclusion: public councils control the local police);
     where no public council has an account, the staff unit of the body does. A council member records an
     observer's note on a held report of its region (docs/public-councils.md).
2. **Where** — a police role acts in its body's subtree (``PoliceBody.path`` prefix); an outside role on its
   territory (KATO prefix), or, for what is forwarded, only for the state bodies (``StateAgency``) it speaks for.
3. **Fail closed** — a police role whose body has no path, an akimat, maslikhat or public council without a
   territory or state body, an action a model has not registered, a model without a policy: nothing. Only
   oversight (the ministry, the General Prosecutor's Office) without a territory reads the whole country; a
   system administrator may do everything.

Anonymous users get nothing here: public pages use the public selectors, which show only published data.

A model says how it reaches its police body with a ``scope_body_field`` attribute ("body", "precinct__body",
"meeting__body", ...); PoliceBody itself uses "" (the row is the body).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q

from esep.accounts.models import OUTSIDE_ROLES, POLICE_ROLES, Role


class Action(StrEnum):
    VIEW = "view"
    CHANGE = "change"
    SIGN = "sign"
    EXTEND = "extend"
    MODERATE = "moderate"
    APPROVE = "approve"
    PUBLISH = "publish"
    EXPORT = "export"
    EDIT_REGISTRY = "edit_registry"
    CONTROL = "control"
    KEEP_MINUTES = "keep_minutes"
    ANSWER = "answer"
    PERSONAL_DATA = "personal_data"
    COUNT = "count"  # numbers by territory and subject, never the rows themselves
    EVALUATE = "evaluate"
    SET_CRITERIA = "set_criteria"
    OBSERVE = "observe"


class Outside(StrEnum):
    """What an outside role (akimat, maslikhat, public council; oversight) sees of a model."""

    TERRITORY = "territory"  # the rows of the bodies on its territory (no personal data in them)
    FORWARDED = "forwarded"  # only rows forwarded to a state body it speaks for; oversight: its territory
    NONE = "none"  # nothing: residents' personal data with no competence of theirs in it


@dataclass(frozen=True)
class Grant:
    role: str
    body_path: str | None  # police role: the body subtree
    territory_prefix: str | None  # outside role: KATO prefix; "" for the whole country (oversight only)
    officer_id: int | None
    agency_id: int | None = None  # outside role speaking for one state body


@dataclass
class ModelPolicy:
    """What each role may do to one model. ``where[(action, role)]`` narrows the rows further (a Q relative to
    the model); ``forwarded(agencies)`` says which rows were sent to those state bodies."""

    label: str
    actions: dict[Action, frozenset[str]]
    outside: Outside = Outside.TERRITORY
    forwarded: Callable[[models.QuerySet], Q] | None = None
    where: dict[tuple[Action, str], Q | Callable[[], Q]] = field(default_factory=dict)
    # An action whose outside scope differs from the model's (counting appeals on a territory whose rows the
    # role may not read).
    outside_for: dict[Action, Outside] = field(default_factory=dict)

    def scope(self, action: Action) -> Outside:
        """How far an outside role reaches for ``action``."""
        return self.outside_for.get(action, self.outside)


_POLICIES: dict[str, ModelPolicy] = {}

S, C, INS, SEC = Role.STAFF_UNIT, Role.CHIEF, Role.INSPECTOR, Role.SECRETARY
AK, MA, PC, OV = Role.AKIMAT, Role.MASLIKHAT, Role.PUBLIC_COUNCIL, Role.OVERSIGHT
POLICE = frozenset(POLICE_ROLES)
WRITERS = frozenset({S, C, INS})  # police roles that plan, hold and follow up; not the secretary
LOCAL_OUTSIDE = frozenset({AK, MA, PC})  # outside bodies with a competence of their own
EVERYONE = POLICE | OUTSIDE_ROLES

# Which state bodies (StateAgency.kind) an outside role speaks for on its territory, when its role
# assignment names none: an akimat for itself and its departments, a maslikhat for itself.
ROLE_AGENCY_KINDS: dict[str, tuple[str, ...]] = {
    AK: ("akimat", "akimat_department"),
    MA: ("maslikhat",),
    PC: (),
}


def register_model_actions(
    label: str,
    *,
    outside: Outside = Outside.TERRITORY,
    forwarded: Callable[[models.QuerySet], Q] | None = None,
    where: dict[tuple[Action, str], Q | Callable[[], Q]] | None = None,
    outside_for: dict[Action, Outside] | None = None,
    **actions: Iterable[str],
) -> ModelPolicy:
    """Declare what each role may do to the model ``label`` ("app_label.modelname"). VIEW defaults to every
    police role plus the outside roles (scoped by ``outside``); every other action must be named."""
    table = {Action(name): frozenset(roles) for name, roles in actions.items()}
    table.setdefault(Action.VIEW, EVERYONE)
    policy = ModelPolicy(
        label=label,
        actions=table,
        outside=outside,
        forwarded=forwarded,
        where=where or {},
        outside_for=outside_for or {},
    )
    _POLICIES[label] = policy
    return policy


def policy_for(model: type[models.Model]) -> ModelPolicy | None:
    return _POLICIES.get(model._meta.label_lower)


def policies() -> dict[str, ModelPolicy]:
    return dict(_POLICIES)


def _forwarded_appeals(agencies: models.QuerySet) -> Q:
    forward = apps.get_model("appeals", "AppealForward")
    return Q(pk__in=forward.objects.filter(agency__in=agencies, withdrawn=False).values("appeal_id"))


def _forwarded_appeal_rows(agencies: models.QuerySet) -> Q:
    forward = apps.get_model("appeals", "AppealForward")
    return Q(appeal_id__in=forward.objects.filter(agency__in=agencies, withdrawn=False).values("appeal_id"))


def _awaiting_answer(agencies: models.QuerySet) -> Q:
    """An outside body needs the applicant's name and contact only while it owes the answer (АППК art. 65)."""
    forward = apps.get_model("appeals", "AppealForward")
    open_forwards = forward.objects.filter(agency__in=agencies, withdrawn=False, replied_at__isnull=True)
    return Q(pk__in=open_forwards.values("appeal_id"))


def _items_sent(agencies: models.QuerySet) -> Q:
    return Q(competence="other", target_agency__in=agencies)


# --- the role → action table -------------------------------------------------------------------------------
# The police registry: everyone reads it (within scope); only the staff unit edits it.
register_model_actions(
    "police.policebody",
    change=WRITERS,  # act for the body: register an appeal, plan its reports
    edit_registry={S},
    approve={S, C},  # Order 608 p.8.1: the body approves its schedules
    export={S, C, OV},
    # The evaluation (esep.evaluation; policy, not law — see the module docstring): the leadership and
    # oversight read it, never the inspectors it rates; the region's public council sets its criteria.
    evaluate={C, OV},
    set_criteria={PC},
)
for _label in ("police.policepoint", "police.precinct", "police.streetrange", "police.officer", "police.assignment"):
    register_model_actions(_label, change={S}, edit_registry={S}, export={S, C, OV})

register_model_actions("planning.schedule", change={S, C}, approve={S, C}, export={S, C, OV})
register_model_actions("planning.scheduleentry", change={S, C})

register_model_actions(
    "meetings.meeting",
    change=WRITERS,
    publish=WRITERS,
    keep_minutes=POLICE,  # start the minutes, register participants at the door (Order 608 p.12; 652 p.32)
    export={S, C, OV},
    observe={PC},  # a public council member writes an observer's note on a report of its territory
)
for _label in ("meetings.meetingreporter", "meetings.invitation", "meetings.video"):
    register_model_actions(_label, change=WRITERS)
# Who was awarded, and why, is a person's data: the police and oversight read it in the back office.
register_model_actions("meetings.award", view=POLICE | {OV}, change=WRITERS)
register_model_actions("meetings.participant", outside=Outside.NONE, view=POLICE, change=POLICE, personal_data=POLICE)
register_model_actions("meetings.destructionrecord", outside=Outside.NONE, view=POLICE | {OV})
register_model_actions("announcements.announcement", change=WRITERS, publish=WRITERS)
register_model_actions("announcements.channelrecord", change=WRITERS, publish=WRITERS)

# Residents' questions: moderated by the police who report (not the secretary); never shown to outside bodies,
# which receive a question only once it became an appeal forwarded to them.
register_model_actions(
    "questions.question", outside=Outside.NONE, view=POLICE, change=WRITERS, moderate=WRITERS, personal_data=WRITERS
)
register_model_actions("questions.questionnotice", outside=Outside.NONE, view=POLICE)


def _no_public_council() -> Q:
    """Ratings of meetings whose body is on no territory a public council has an active account for."""
    assignments = apps.get_model("accounts", "RoleAssignment").objects.filter(role=PC, user__is_active=True)
    prefixes = set(assignments.exclude(territory=None).values_list("territory__prefix", flat=True))
    prefixes |= set(assignments.exclude(agency=None).values_list("agency__territory__prefix", flat=True))
    condition = Q()
    for prefix in sorted(p for p in prefixes if p):
        condition &= ~Q(meeting__body__territory__kato__startswith=prefix)
    return condition


# Residents' comments on a report are moderated by the public council of the meeting's territory, not by the
# police body rated (parliament speech, sixth conclusion); where no public council has an account, by the
# staff unit of the body (never the chief or the inspector rated). A rating carries no name or contact.
register_model_actions(
    "feedback.rating",
    view=POLICE | {PC},
    change={S, PC},
    moderate={S, PC},
    where={(Action.CHANGE, S): _no_public_council, (Action.MODERATE, S): _no_public_council},
)

register_model_actions(
    "appeals.appeal",
    outside=Outside.FORWARDED,
    forwarded=_forwarded_appeals,
    view=EVERYONE,
    change=WRITERS,
    extend={C},  # АППК art. 76 p.3: the head, a deputy or the head of apparatus
    answer=LOCAL_OUTSIDE,
    personal_data=WRITERS | LOCAL_OUTSIDE,
    export={S, C, OV},
    # Causes and conditions (issue 12 item 4; esep/backoffice/causes.py): the akimat counts the appeals of the
    # police bodies on its territory by settlement, subject and quarter, without reading one of them.
    count={AK, OV},
    outside_for={Action.COUNT: Outside.TERRITORY},
)
# A meeting's date history (esep.workflows.scheduling): read like the meeting, written by those who plan it.
register_model_actions("meetings.meetingchange", view=EVERYONE, change=WRITERS)
# The warning before a period ends (esep planning alert): a police body's own record.
register_model_actions("planning.periodalert", outside=Outside.NONE, view=POLICE | {OV}, change={S, C})
# The held report in public (esep.accountability): staff of the body choose what is published, after their
# check of the redacted texts; reminders and residents' waiting questions and "was it fixed?" answers hold
# personal data, so outside roles see none of them.
register_model_actions("accountability.reportpublication", view=EVERYONE, change={S, C, INS}, publish={S, C, INS})
register_model_actions("accountability.itempublication", view=EVERYONE, change={S, C, INS}, publish={S, C, INS})
register_model_actions("accountability.decisionreminder", outside=Outside.NONE, view=POLICE)
register_model_actions("accountability.waitingquestion", outside=Outside.NONE, view=POLICE, change=WRITERS)
register_model_actions("accountability.fixcheck", outside=Outside.NONE, view=POLICE, change={S, C}, moderate={S, C})
# A public council member's observer note on a held report: written and published by its author, a member of
# the council of the meeting's territory (OBSERVE on the meeting; the service checks the author).
register_model_actions("accountability.observernote", view=EVERYONE, change={PC}, publish={PC})
# What the report says (esep.reports) and prevention figures (esep.statistics): prepared by the reporting
# police roles, read by everyone on the territory (they are published anyway).
register_model_actions("reports.report", view=EVERYONE, change=WRITERS, publish=WRITERS)
register_model_actions("reports.block", view=EVERYONE, change=WRITERS)
register_model_actions("reports.mediapublication", view=EVERYONE, change=WRITERS)
register_model_actions("statistics.preventionreport", view=EVERYONE, change=WRITERS)

# Complaints about officers (esep.complaints): the body's leadership records the outcome (see
# can_decide_complaint); outside roles with a territory read the register without applicants' data
# (PERSONAL_DATA is police only); the officers a case concerns never see it (exclude_own_cases).
register_model_actions(
    "complaints.officercomplaint",
    view=EVERYONE,
    change={S, C},
    export={S, C, OV},
    personal_data=POLICE,
)
register_model_actions(
    "appeals.appealforward",
    outside=Outside.FORWARDED,
    forwarded=lambda agencies: Q(agency__in=agencies, withdrawn=False),
    view=EVERYONE,
    change=WRITERS,
    answer=LOCAL_OUTSIDE,
)
register_model_actions("appeals.appealevent", outside=Outside.FORWARDED, forwarded=_forwarded_appeal_rows)
register_model_actions("appeals.reminder", outside=Outside.NONE, view=POLICE)

# The secretary's raw minutes name the people who spoke: the public council (which receives nothing in its
# competence, ROLE_AGENCY_KINDS) reads the report as published without personal data (esep.accountability).
NOT_COUNCIL = EVERYONE - {PC}
register_model_actions(
    "protocols.protocol", view=NOT_COUNCIL, change=POLICE, keep_minutes=POLICE, sign=POLICE, export={S, C, OV}
)
register_model_actions(
    "protocols.protocolitem",
    outside=Outside.FORWARDED,
    forwarded=_items_sent,
    change=POLICE,
    personal_data=POLICE,
)
register_model_actions(
    "protocols.decision",
    view=NOT_COUNCIL,
    change=POLICE,
    # Order 608 p.19: the leadership of the police body; Order 652 p.33: for an inspector's report, the
    # inspector responsible for the district police point.
    control={C, INS},
    where={(Action.CONTROL, INS): Q(protocol__meeting__kind="inspector")},
)
register_model_actions("protocols.addendum", view=NOT_COUNCIL, change=POLICE)
register_model_actions("protocols.protocolversion")
register_model_actions("protocols.signature")
register_model_actions("protocols.minutesreminder", outside=Outside.NONE, view=POLICE)
register_model_actions("protocols.chainhead")  # public: the seal's published witness
# The evaluation's criteria (esep.evaluation): public, so everyone reads them; only the region's public
# council sets a new version (the service asks SET_CRITERIA on the region's police body).
register_model_actions("evaluation.criteriaset", view=EVERYONE, change={PC})
register_model_actions("evaluation.criterion", view=EVERYONE, change={PC})


# --- who the user is -----------------------------------------------------------------------------------------


def grants(user: Any) -> list[Grant]:
    """The user's roles, read once per user object. A grant without a place to act fails closed (is dropped)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_esep_grants", None)
    if cached is not None:
        return cached
    result: list[Grant] = []
    for ra in user.roles.select_related("body", "territory"):
        agency_id = getattr(ra, "agency_id", None)
        if ra.role in POLICE_ROLES:
            if ra.body_id and ra.body.path:
                result.append(Grant(ra.role, ra.body.path, None, ra.officer_id))
        elif ra.role in OUTSIDE_ROLES:
            prefix = ra.territory.prefix if ra.territory_id else None
            if ra.territory_id and not prefix:
                continue  # a territory without a code: nowhere
            if prefix is None:
                if ra.role == Role.OVERSIGHT:
                    prefix = ""  # the ministry or the General Prosecutor's Office: the whole country
                elif agency_id is None:
                    continue
            result.append(Grant(ra.role, None, prefix, ra.officer_id, agency_id))
        elif ra.role == Role.ADMIN:
            result.append(Grant(ra.role, None, "", None))
    if user.is_superuser and not any(g.role == Role.ADMIN for g in result):
        result.append(Grant(Role.ADMIN, None, "", None))
    user._esep_grants = result
    return result


def body_field(model: type[models.Model]) -> str:
    field_ = getattr(model, "scope_body_field", None)
    if field_ is None:
        raise TypeError(f"{model.__name__} has no scope_body_field; it cannot be restricted")
    return field_


def _join(*parts: str) -> str:
    return "__".join(p for p in parts if p)


def grant_agencies(grant: Grant) -> models.QuerySet:
    """The state bodies an outside grant speaks for."""
    agency = apps.get_model("police", "StateAgency")
    if grant.agency_id is not None:
        return agency.objects.filter(pk=grant.agency_id)
    kinds = ROLE_AGENCY_KINDS.get(grant.role, ())
    if not kinds or grant.territory_prefix is None:
        return agency.objects.none()
    return agency.objects.filter(kind__in=kinds, territory__kato__startswith=grant.territory_prefix)


def _subtree_q(field_: str, path: str) -> Q:
    """The rows of the bodies under ``path``: ``body IN (the subtree's ids)``, so the database can reach the
    rows through the index on their body (a district's rows cost what the district holds) instead of reading
    the country's rows and joining each one's body to compare its path."""
    if not field_:
        return Q(path__startswith=path)
    subtree = apps.get_model("police", "PoliceBody").objects.filter(path__startswith=path).values("pk")
    return Q(**{f"{field_}__in": subtree})


def _territory_q(field_: str, grant: Grant) -> Q | None:
    if grant.territory_prefix is None:
        return None
    if grant.territory_prefix == "":
        return Q()
    return Q(**{_join(field_, "territory__kato__startswith"): grant.territory_prefix})


def _grant_condition(
    policy: ModelPolicy, field_: str, grant: Grant, action: Action, *, read_where: bool = True
) -> Q | None:
    """The rows ``grant`` may ``action``, or None for none. Without ``read_where`` a ``where`` function is not
    called (no query): enough to know whether the role may act on some row at all."""
    if grant.role not in policy.actions.get(action, ()):
        return None
    extra = policy.where.get((action, grant.role), Q())
    if callable(extra):
        extra = extra() if read_where else Q()
    if grant.body_path:
        return _subtree_q(field_, grant.body_path) & extra
    if grant.role not in OUTSIDE_ROLES:
        return None
    if grant.role == Role.OVERSIGHT:
        # Oversight reads within its territory whatever the table lets it read; forwarded or not is no matter.
        condition = _territory_q(field_, grant)
        return None if condition is None else condition & extra
    # akimat, maslikhat, public council
    outside = policy.scope(action)
    if outside == Outside.NONE:
        return None
    if outside == Outside.FORWARDED:
        if policy.forwarded is None:
            return None
        agencies = grant_agencies(grant)
        if policy.label == "appeals.appeal" and action == Action.PERSONAL_DATA:
            return _awaiting_answer(agencies) & extra
        return policy.forwarded(agencies) & extra
    if grant.agency_id is not None and grant.territory_prefix is None:
        agency = apps.get_model("police", "StateAgency").objects.filter(pk=grant.agency_id).first()
        if agency is None or not agency.territory.prefix:
            return None
        return Q(**{_join(field_, "territory__kato__startswith"): agency.territory.prefix}) & extra
    condition = _territory_q(field_, grant)
    return None if condition is None else condition & extra


def restrict(queryset: models.QuerySet, user: Any, action: Action | str = Action.VIEW) -> models.QuerySet:
    """Only the rows ``user`` may ``action``. Empty for anonymous users, users without a role, models without
    a policy and actions a model has not registered."""
    action = Action(action)
    model = queryset.model
    field_ = body_field(model)
    policy = policy_for(model)
    user_grants = grants(user)
    if any(g.role == Role.ADMIN for g in user_grants):
        return exclude_own_cases(queryset, user)
    if policy is None:
        return queryset.none()
    condition: Q | None = None
    for grant in user_grants:
        part = _grant_condition(policy, field_, grant, action)
        if part is None:
            continue
        if part == Q():
            return exclude_own_cases(queryset, user)
        condition = part if condition is None else condition | part
    if condition is None:
        return queryset.none()
    # Every condition follows foreign keys (one row each) or uses pk__in subqueries: no duplicate rows.
    return exclude_own_cases(queryset.filter(condition), user)


def territory_prefixes(user: Any, action: Action | str, model: type[models.Model]) -> list[str]:
    """The KATO prefixes on which ``user`` may ``action`` rows of ``model`` by territory: each outside role
    whose scope for the action is its territory (oversight always), and the administrator ("" is the whole
    country). Police roles, forwarded-only scopes and roles with no place give none: a page built on this
    shows nothing rather than everything."""
    action = Action(action)
    policy = policy_for(model)
    found: set[str] = set()
    for grant in grants(user):
        if grant.role == Role.ADMIN:
            found.add("")
            continue
        if policy is None or grant.role not in OUTSIDE_ROLES or grant.role not in policy.actions.get(action, ()):
            continue
        if grant.role != Role.OVERSIGHT and policy.scope(action) != Outside.TERRITORY:
            continue
        prefix = grant.territory_prefix
        if prefix is None and grant.agency_id is not None:
            agency = apps.get_model("police", "StateAgency").objects.filter(pk=grant.agency_id).first()
            prefix = (agency.territory.prefix or None) if agency is not None else None
        if prefix is not None:
            found.add(prefix)
    # A prefix inside another one adds nothing.
    return sorted(p for p in found if not any(p != q and p.startswith(q) for q in found))


def own_officer_ids(user: Any) -> set[int]:
    """The officers the user's roles are linked to (an inspector's own officer card)."""
    return {g.officer_id for g in grants(user) if g.officer_id is not None}


def exclude_own_cases(queryset: models.QuerySet, user: Any) -> models.QuerySet:
    """No one sees nor decides a complaint about their own act or inaction: the official concerned is not
    impartial (АППК art. 99 — a complaint is considered by a body or official other than the one complained
    of). A model names the officers a row concerns with ``scope_conflict_field``."""
    field = getattr(queryset.model, "scope_conflict_field", None)
    ids = own_officer_ids(user) if field else set()
    if not ids:
        return queryset
    return queryset.exclude(**{f"{field}__in": sorted(ids)})


def can_see_personal_data(user: Any) -> bool:
    """Applicants' names and contacts are for the police body that considers the case (Law on personal data
    arts. 7, 12: only the data the purpose needs); outside roles (akimat, maslikhat, public council,
    oversight) see the case without them."""
    return any(g.role in POLICE_ROLES or g.role == Role.ADMIN for g in grants(user))


# Who records the outcome of a complaint about an officer: the leadership of the body (its chief, and its staff
# unit preparing the decision for the chief) or of a body above it — never an inspector or a secretary, and
# never an officer the complaint concerns. Order 608 p.16 / Order 652 p.32: complaints are checked under the
# АППК; АППК art. 76 p.3 gives procedural decisions to the head, a deputy or the head of apparatus.
COMPLAINT_DECIDERS = frozenset({Role.CHIEF, Role.STAFF_UNIT})


def can_decide_complaint(user: Any, body_path: str, officer_ids: set[int]) -> bool:
    if own_officer_ids(user) & set(officer_ids):
        return False
    return any(
        g.role in COMPLAINT_DECIDERS and g.body_path is not None and body_path.startswith(g.body_path)
        for g in grants(user)
    )


def can(user: Any, action: Action | str, obj: models.Model) -> bool:
    """Whether ``user`` may ``action`` the row ``obj``."""
    if obj is None or obj.pk is None:
        return False
    return restrict(type(obj)._default_manager.filter(pk=obj.pk), user, action).exists()


def is_system(actor: Any) -> bool:
    """A service called by Esep itself (a periodic command, an import, a resident's own link) names its actor
    as a string or None. Pages and the API always pass the signed-in user, so they never reach a service as
    the system."""
    return actor is None or isinstance(actor, str)


def require(actor: Any, action: Action | str, obj: models.Model) -> None:
    """For services: refuse with PermissionDenied unless ``actor`` may ``action`` ``obj``."""
    if is_system(actor):
        return
    if not can(actor, action, obj):
        raise PermissionDenied


def has_role(user: Any, *roles: str) -> bool:
    return any(g.role in roles for g in grants(user))


def may(user: Any, action: Action | str, model: type[models.Model]) -> bool:
    """Whether ``user`` holds a role that may ``action`` some row of ``model`` (for menus and buttons)."""
    user_grants = grants(user)
    if any(g.role == Role.ADMIN for g in user_grants):
        return True
    policy = policy_for(model)
    if policy is None:
        return False
    field_ = body_field(model)
    return any(_grant_condition(policy, field_, g, Action(action), read_where=False) is not None for g in user_grants)


def is_staff_user(user: Any) -> bool:
    """Anyone with a role may enter the back office; what they see there is restricted."""
    return bool(grants(user))


def can_control_decision(user: Any, decision: Any) -> bool:
    """Who may mark a decision of report minutes executed (close it under control).

    Order 608 p.19: for a chief's report, the leadership of the territorial police body (a chief of the
    meeting's body or of a body above it). Order 652 p.33: for an inspector's report, the district inspector
    responsible for organising the work of the district police point (``PolicePoint.responsible_officer``)
    of a precinct the report covers. A system administrator may act for either."""
    from django.apps import apps  # the kernel names no domain model in its imports (README, dependencies)

    meeting = decision.protocol.meeting
    found = grants(user)
    if any(g.role == Role.ADMIN for g in found):
        return True
    if meeting.kind == "chief":
        return any(
            g.role == Role.CHIEF and g.body_path is not None and meeting.body.path.startswith(g.body_path)
            for g in found
        )
    officers = {g.officer_id for g in found if g.role == Role.INSPECTOR and g.officer_id}
    if not officers:
        return False
    points = apps.get_model("police", "PolicePoint").objects
    return points.filter(precincts__meetings=meeting, responsible_officer_id__in=officers).exists()


# --- signing the minutes ---------------------------------------------------------------------------------------

# Which accounts fill each signature slot that the esep.law rule ``meeting.signatories`` names:
# Order 608 p.15 the secretary and the chief; Order 652 p.32 the reporting inspector (as themselves);
# Decree 723 p.14 the secretary and "the police officer", the akimat's stamp confirmed by staff.
SLOT_ROLES: dict[str, frozenset[str]] = {
    "secretary": frozenset({SEC}),
    "chief": frozenset({C}),
    "police_officer": POLICE,
    "akimat_stamp": frozenset({S, SEC}),
}


def may_sign_slot(
    user: Any, *, slot_role: str, officer_id: int | None, body_path: str, secretary_id: int | None
) -> bool:
    """Whether ``user`` may sign in a slot of minutes of a meeting of the body at ``body_path``: a reporting
    inspector signs as themselves only; the secretary named in the minutes (or, if none is named, a secretary
    of the body); the chief of the body. An empty body path matches nobody."""
    if not body_path:
        return False
    user_grants = grants(user)

    def covers(g: Grant) -> bool:
        return bool(g.body_path) and body_path.startswith(g.body_path)

    if officer_id is not None:
        return any(g.officer_id == officer_id and g.role in POLICE_ROLES for g in user_grants)
    if slot_role == "secretary" and secretary_id is not None:
        return getattr(user, "pk", None) == secretary_id and any(covers(g) for g in user_grants)
    roles = SLOT_ROLES.get(slot_role, frozenset())
    return any(g.role in roles and covers(g) for g in user_grants)
