"""The one place that decides who may see and change what.

Every staff query goes through ``restrict(queryset, user, action)`` (NetBox's RestrictedQuerySet idea):
a police role sees and changes its body's subtree; an outside role (akimat, maslikhat, public council,
oversight) sees the bodies on its territory and changes nothing; a system administrator sees all.
Anonymous users get nothing here: public pages use the public selectors, which show only published data.

A model says how it reaches its police body with a ``scope_body_field`` attribute ("body",
"precinct__body", "meeting__body", ...); PoliceBody itself uses "" (the row is the body).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db import models
from django.db.models import Q

from esep.accounts.models import OUTSIDE_ROLES, POLICE_ROLES, Role


class Action(StrEnum):
    VIEW = "view"
    CHANGE = "change"


@dataclass(frozen=True)
class Grant:
    role: str
    body_path: str | None  # police role: the body subtree
    territory_prefix: str | None  # outside role: KATO prefix; "" for the whole country
    officer_id: int | None


def grants(user: Any) -> list[Grant]:
    """The user's roles, read once per user object."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_esep_grants", None)
    if cached is not None:
        return cached
    result: list[Grant] = []
    for ra in user.roles.select_related("body", "territory"):
        if ra.role in POLICE_ROLES and ra.body_id:
            result.append(Grant(ra.role, ra.body.path, None, ra.officer_id))
        elif ra.role in OUTSIDE_ROLES:
            result.append(Grant(ra.role, None, ra.territory.prefix if ra.territory_id else "", ra.officer_id))
        elif ra.role == Role.ADMIN:
            result.append(Grant(ra.role, None, "", None))
    if user.is_superuser and not any(g.role == Role.ADMIN for g in result):
        result.append(Grant(Role.ADMIN, None, "", None))
    user._esep_grants = result
    return result


def _allows(grant: Grant, action: Action) -> bool:
    if grant.role == Role.ADMIN:
        return True
    if action == Action.VIEW:
        return True
    return grant.role in POLICE_ROLES


def body_field(model: type[models.Model]) -> str:
    field = getattr(model, "scope_body_field", None)
    if field is None:
        raise TypeError(f"{model.__name__} has no scope_body_field; it cannot be restricted")
    return field


def _join(*parts: str) -> str:
    return "__".join(p for p in parts if p)


def restrict(queryset: models.QuerySet, user: Any, action: Action | str = Action.VIEW) -> models.QuerySet:
    """Only the rows ``user`` may ``action``. Empty for anonymous users and users without a role."""
    action = Action(action)
    field = body_field(queryset.model)
    condition = Q(pk__in=[])
    everything = False
    for grant in grants(user):
        if not _allows(grant, action):
            continue
        if grant.role == Role.ADMIN:
            everything = True
        elif grant.body_path is not None:
            condition |= Q(**{_join(field, "path__startswith"): grant.body_path})
        elif grant.territory_prefix is not None:
            if grant.territory_prefix == "":
                everything = True
            condition |= Q(**{_join(field, "territory__kato__startswith"): grant.territory_prefix})
    result = queryset if everything else queryset.filter(condition)
    return exclude_own_cases(result, user)


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
    return restrict(type(obj)._default_manager.filter(pk=obj.pk), user, action).exists()


def has_role(user: Any, *roles: str) -> bool:
    return any(g.role in roles for g in grants(user))


def is_staff_user(user: Any) -> bool:
    """Anyone with a role may enter the back office; what they see there is restricted."""
    return bool(grants(user))
