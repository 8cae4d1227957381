"""Analytics endpoints: summary, spikes and clusters of a period, in the caller's scope.

Supervisors and admins see the whole region; a district official sees their municipalities
(asking for another one is refused with 403, asking for none means all of theirs); other roles
get 403. Training data never counts.
"""

# No `from __future__ import annotations`: FastAPI must see the real types of the parameters.

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import ValidationError
from sqlalchemy import select

from cur_desktop.models import analytics as a
from cur_desktop.models.contract import MAX_DB_INT, ErrorBody
from cur_desktop.models.domain import Role

from .access import Actor
from .clusters import clusters_of_kind, find_clusters
from .context import ServerContext
from .daily import ensure_offset
from .errors import ApiError, Forbidden
from .grouping import tune_for_analytics
from .periods import Window, region_offset
from .spikes import find_spikes
from .summary import build_summary, first_answer_medians
from .tables import Municipality

#: Roles that see analytics of the whole region.
REGION_ANALYSTS = frozenset({Role.SUPERVISOR, Role.ADMIN})

_ERRORS = {
    status: {"model": ErrorBody, "description": text}
    for status, text in {
        401: "Not signed in or token expired",
        403: "Role or scope does not allow this",
        422: "Bad period or parameters",
    }.items()
}


class InvalidQuery(ApiError):
    status_code = 422
    code = "invalid_request"


def _query(
    date_from: Annotated[date, Query(description="First day, inclusive (local date)")],
    date_to: Annotated[date, Query(description="Last day, inclusive")],
    municipality_ids: Annotated[
        list[Annotated[int, Query(ge=1, le=MAX_DB_INT)]],
        Query(max_length=1_000, description="Repeat for several; none: the caller's scope"),
    ] = [],  # noqa: B006 - FastAPI copies defaults
) -> a.AnalyticsQuery:
    try:
        return a.AnalyticsQuery(
            date_from=date_from, date_to=date_to, municipality_ids=sorted(set(municipality_ids))
        )
    except ValidationError as exc:
        raise InvalidQuery(
            f"Неверный период: даты с {a.FIRST_DAY.year} по {a.LAST_DAY.year} год, окончание "
            f"не раньше начала, не длиннее {a.MAX_PERIOD_DAYS} дней",
            details=[
                {"loc": ["query"], "type": e["type"], "msg": e["msg"]}
                for e in exc.errors(include_url=False, include_input=False)
            ],
        ) from exc


def _scope(server: ServerContext, actor: Actor, asked: list[int]) -> list[int] | None:
    """The municipalities to count (None: all), or an error for a role or scope that may not."""
    if actor.role in REGION_ANALYSTS:
        scope = asked or None
    elif actor.role is Role.DISTRICT_OFFICIAL:
        outside = set(asked) - actor.municipality_ids
        if outside:
            raise Forbidden(
                "Аналитика доступна только по своим муниципальным образованиям",
                details={"municipality_ids": sorted(outside)},
            )
        scope = asked or sorted(actor.municipality_ids)
    else:
        raise Forbidden("Роль не позволяет: просматривать аналитику")
    if asked:
        with server.db.read() as s:
            known = set(s.scalars(select(Municipality.id).where(Municipality.id.in_(asked))))
        if unknown := sorted(set(asked) - known):
            raise InvalidQuery(
                "Неизвестное муниципальное образование",
                code="unknown_municipality",
                details={"municipality_ids": unknown},
            )
    return scope


#: Independent statements of one request (the summary's medians and counts, the two kinds of
#: clusters) run side by side on connections of their own (PostgreSQL only): the request waits
#: for the longest instead of all of them. Each thread holds one connection while it runs.
_BESIDE = ThreadPoolExecutor(max_workers=8, thread_name_prefix="analytics")


def analytics_router(server: ServerContext, current_actor) -> APIRouter:
    """The routes, bound to the server and to the app's sign-in dependency."""
    router = APIRouter(prefix=a.ANALYTICS_PREFIX, tags=["analytics"], responses=_ERRORS)
    CurrentActor = Annotated[Actor, Depends(current_actor)]
    Asked = Annotated[a.AnalyticsQuery, Depends(_query)]

    def beside(work: Callable, *args, **kwargs) -> Callable[[], Any]:
        """Start `work(session, *args, **kwargs)` in its own read transaction; the result of
        the returned callable is its answer (or its exception)."""

        def run():
            with server.db.read() as s:
                tune_for_analytics(s)
                return work(s, *args, **kwargs)

        return _BESIDE.submit(run).result

    def window(actor: Actor, query: a.AnalyticsQuery) -> Window:
        scope = _scope(server, actor, query.municipality_ids)
        now = datetime.now(UTC)
        w = Window(query, scope, region_offset(server.region["timezone"], now), now)
        ensure_offset(server.db, w.minutes)
        return w

    @router.get("/summary")
    def summary(
        actor: CurrentActor,
        query: Asked,
        top: Annotated[int, Query(ge=1, le=200, description="Top categories listed")] = 10,
    ) -> a.Summary:
        w = window(actor, query)
        medians = None
        if not server.db.is_sqlite:  # the exact medians meanwhile, on connections of their own
            parts = [
                beside(first_answer_medians, w, names)
                for names in (("operator", "total"), ("agency", "municipality"))
            ]
            medians = lambda: {k: v for part in parts for k, v in part().items()}  # noqa: E731
        with server.db.read() as s:
            tune_for_analytics(s)
            return build_summary(s, w, top, medians)

    @router.get("/spikes")
    def spikes(
        actor: CurrentActor,
        query: Asked,
        min_count: Annotated[int, Query(ge=1, le=100_000)] = a.SPIKE_MIN_COUNT,
        factor: Annotated[float, Query(ge=1, le=1_000)] = a.SPIKE_FACTOR,
        baseline_weeks: Annotated[int, Query(ge=1, le=52)] = a.SPIKE_BASELINE_WEEKS,
    ) -> a.SpikeReport:
        w = window(actor, query)
        with server.db.read() as s:
            tune_for_analytics(s)
            return find_spikes(
                s, w, min_count=min_count, factor=factor, baseline_weeks=baseline_weeks
            )

    @router.get("/clusters")
    def clusters(
        actor: CurrentActor,
        query: Asked,
        min_size: Annotated[int, Query(ge=2, le=100_000)] = a.CLUSTER_MIN_SIZE,
        limit: Annotated[int, Query(ge=1, le=1_000, description="Largest clusters listed")] = 100,
        kind: Literal["address", "text"] | None = None,
    ) -> a.ClusterReport:
        w = window(actor, query)
        found = None
        if not server.db.is_sqlite:  # each kind on a connection of its own, side by side
            futures = {
                k: beside(clusters_of_kind, w, k, min_size=min_size, limit=limit)
                for k in ("address", "text")
                if kind in (None, k)
            }
            found = lambda k: futures[k]()  # noqa: E731
        with server.db.read() as s:
            tune_for_analytics(s)
            return find_clusters(s, w, min_size=min_size, limit=limit, kind=kind, found=found)

    return router
