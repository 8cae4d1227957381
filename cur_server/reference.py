"""Reference data for the workstation: one document, cheap to revalidate by its ETag.

The staff directory in it depends on who asks: the training space is apart from real work both
ways. Trainers and trainees (code accounts too) see themselves and the people of their own
sessions, never the real staff; real staff never see trainee accounts.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, false, or_, select

from cur_desktop.models import contract as c
from cur_desktop.models.domain import CHANNEL_LABELS, SECTOR_LABELS, Role
from cur_desktop.models.statuses import STATUS_LABELS, TRANSITIONS

from .access import TRAINING_ROLES, Actor
from .context import ServerContext
from .tables import Agency, Category, Municipality, Template, TrainingMember, User


def directory_scope(actor: Actor) -> ColumnElement[bool]:
    """SQL condition for the users this actor may find in the staff directory."""
    if actor.role in TRAINING_ROLES:
        sessions = sorted(actor.training_session_ids)
        members = select(TrainingMember.user_id).where(TrainingMember.session_id.in_(sessions))
        return or_(User.id == actor.id, User.id.in_(members))
    if actor.role is Role.COLLECTOR:
        return false()  # a robot that only ingests needs no staff directory
    return User.role != Role.TRAINEE.value


def build_reference(server: ServerContext, actor: Actor) -> c.Reference:
    year = datetime.now(UTC).year
    # The collector robot gets what ingest names (municipalities, sectors, categories): a stolen
    # robot token reveals neither the staff nor the answer templates nor the agencies.
    robot = actor.role is Role.COLLECTOR
    with server.db.read() as s:
        users = s.scalars(
            select(User).where(User.active.is_(True), directory_scope(actor)).order_by(User.id)
        ).all()
        return c.Reference(
            region=c.RegionOut(**server.region),
            sectors=[c.NamedCode(code=k.value, name=v) for k, v in SECTOR_LABELS.items()],
            channels=[c.NamedCode(code=k.value, name=v) for k, v in CHANNEL_LABELS.items()],
            statuses=[
                c.StatusOut(code=k, name=v, targets=sorted(TRANSITIONS[k]))
                for k, v in STATUS_LABELS.items()
            ],
            categories=[
                c.CategoryOut(id=x.id, code=x.code, name=x.name, sector=x.sector)
                for x in s.scalars(select(Category).order_by(Category.id))
            ],
            municipalities=[
                c.MunicipalityOut(id=x.id, code=x.code, name=x.name, kind=x.kind)
                for x in s.scalars(select(Municipality).order_by(Municipality.id))
            ],
            agencies=[
                c.AgencyOut(
                    id=x.id,
                    code=x.code,
                    name=x.name,
                    sector=x.sector,
                    municipality_id=x.municipality_id,
                )
                for x in ([] if robot else s.scalars(select(Agency).order_by(Agency.id)))
            ],
            users=[
                c.PublicUserOut(
                    id=u.id,
                    username=u.username,
                    full_name=u.full_name,
                    role=u.role,
                    municipality_ids=u.municipality_ids,
                )
                for u in users
            ],
            templates=[
                c.TemplateOut(
                    id=t.id,
                    code=t.code,
                    title=t.title,
                    sector=t.sector,
                    category_id=t.category_id,
                    kind=t.kind,
                    text=t.text,
                    version=t.version,
                    active=t.active,
                )
                for t in ([] if robot else s.scalars(select(Template).order_by(Template.id)))
            ],
            sla_policy=server.clock.policy.to_json(),
            calendar=server.clock.calendar.to_json(range(year - 1, year + 2)),
        )


def reference_body_and_etag(server: ServerContext, actor: Actor) -> tuple[bytes, str]:
    body = build_reference(server, actor).model_dump_json().encode()
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
