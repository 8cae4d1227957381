"""Training sessions: creating them from a scenario, who takes part, the trainer's controls, and
one-time codes that trainees redeem for an account bound to one session.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cur_desktop.models import contract as c
from cur_desktop.models import training as t
from cur_desktop.models.domain import Role
from cur_desktop.models.scenario import ScenarioError, load_bundled, parse_scenario

from .access import Actor
from .audit import audit
from .context import ServerContext
from .errors import ApiError, NotFound, Unauthorized
from .security import (
    hash_password,
    issue_access_token,
    new_refresh_token,
    token_digest,
    verify_password,
)
from .tables import Session as SignIn
from .tables import TrainingCode, TrainingItem, TrainingMember, TrainingSession, User
from .training_clock import SessionClock
from .training_release import reference_codes, release_due, reproject_due, scenario_of

#: Unambiguous letters and digits (no 0/O, 1/I/L): codes are read aloud and typed.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class InvalidScenario(ApiError):
    status_code = 422
    code = "invalid_scenario"


class Conflict(ApiError):
    status_code = 409
    code = "conflict"


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def _code_digest(code: str) -> str:
    return token_digest(code.strip().upper().replace("-", "").replace(" ", ""))


def session_out(s: Session, server: ServerContext, ts: TrainingSession, now: datetime):
    scenario = scenario_of(server, ts)
    released = s.scalar(
        select(func.count()).select_from(TrainingItem).where(TrainingItem.session_id == ts.id)
    )
    trainees = s.execute(
        select(User, TrainingMember.comment)
        .join(TrainingMember, TrainingMember.user_id == User.id)
        .where(TrainingMember.session_id == ts.id, TrainingMember.role == Role.TRAINEE.value)
        .order_by(User.full_name, User.id)
    ).all()
    return t.SessionOut(
        id=ts.id,
        title=ts.title,
        scenario_name=ts.scenario_name,
        state=t.SessionState(ts.state),
        speed=ts.speed,
        trainer_id=ts.trainer_id,
        minute=round(SessionClock(ts.clock).minute_at(now) or 0.0, 2),
        duration=scenario.duration,
        released=released,
        total=len(scenario.incidents),
        trainees=[
            t.Participant(user_id=u.id, username=u.username, full_name=u.full_name, comment=comment)
            for u, comment in trainees
        ],
        created_at=ts.created_at,
        started_at=ts.started_at,
        stopped_at=ts.stopped_at,
    )


def create_session(s: Session, actor: Actor, body: t.SessionCreate, now: datetime):
    try:
        if body.scenario is not None:
            text, scenario = load_bundled(body.scenario, reference_codes(s))
        else:
            text = body.scenario_text or ""
            scenario = parse_scenario(text, reference_codes(s))
    except ScenarioError as exc:
        raise InvalidScenario(
            str(exc),
            details=[
                {"line": p.line, "where": p.where, "message": p.message} for p in exc.problems
            ],
        ) from exc
    ts = TrainingSession(
        title=body.title or scenario.title,
        scenario_name=body.scenario,
        scenario_text=text,
        trainer_id=actor.id,
        state=t.SessionState.READY.value,
        speed=body.speed or scenario.default_speed,
        clock=[],
        created_at=now,
    )
    s.add(ts)
    s.flush()
    s.add(
        TrainingMember(session_id=ts.id, user_id=actor.id, role=Role.TRAINER.value, joined_at=now)
    )
    s.flush()
    return ts


def owned_session(s: Session, actor: Actor, session_id: int, *, lock: bool = False):
    """The session if the caller is its trainer; 404 otherwise (not even its existence leaks)."""
    stmt = select(TrainingSession).where(
        TrainingSession.id == session_id, TrainingSession.trainer_id == actor.id
    )
    ts = s.scalars(stmt.with_for_update() if lock else stmt).one_or_none()
    if ts is None:
        raise NotFound("Учебное занятие не найдено")
    return ts


def _others_code_accounts(s: Session, ts: TrainingSession, user_ids: list[int]) -> set[int]:
    """Of `user_ids`, the code accounts made by another trainer's code."""
    return set(
        s.scalars(
            select(TrainingCode.user_id)
            .join(TrainingSession, TrainingSession.id == TrainingCode.session_id)
            .where(
                TrainingCode.user_id.in_(user_ids),
                TrainingSession.trainer_id != ts.trainer_id,
            )
        )
    )


def add_trainees(s: Session, ts: TrainingSession, usernames: list[str], now: datetime) -> None:
    """Ordinary trainee accounts (an admin's), or code accounts of the trainer's own sessions.

    Code account names are guessable (`trainee-<session>-<code>`): another trainer's are refused
    with the same answer as a name that does not exist, and the attempt is audited.
    """
    users = {
        u.username: u for u in s.scalars(select(User).where(User.username.in_(set(usernames))))
    }
    foreign = _others_code_accounts(s, ts, [u.id for u in users.values()])
    if foreign:
        audit(
            "trainee_capture_refused",
            session=ts.id,
            trainer=ts.trainer_id,
            accounts=sorted(u.username for u in users.values() if u.id in foreign),
        )
    bad = [
        n
        for n in usernames
        if n not in users or users[n].role != Role.TRAINEE.value or users[n].id in foreign
    ]
    if bad:
        raise ApiError(
            "Это не учётные записи слушателей: " + ", ".join(sorted(set(bad))),
            code="not_trainees",
            details=sorted(set(bad)),
        )
    present = set(
        s.scalars(select(TrainingMember.user_id).where(TrainingMember.session_id == ts.id))
    )
    for user in {u.id: u for u in users.values()}.values():
        if user.id not in present:
            s.add(TrainingMember(session_id=ts.id, user_id=user.id, role="trainee", joined_at=now))
    s.flush()


def issue_codes(s: Session, ts: TrainingSession, count: int, now: datetime) -> list[str]:
    if ts.state == t.SessionState.STOPPED:
        raise Conflict("Занятие завершено: новые коды не нужны")
    codes = [new_code() for _ in range(count)]
    for code in codes:
        s.add(TrainingCode(session_id=ts.id, code_hash=_code_digest(code), created_at=now))
    s.flush()
    return codes


#: Allowed transitions of the trainer's controls: action -> states it may start from.
CONTROLS = {
    "start": {t.SessionState.READY},
    "pause": {t.SessionState.RUNNING},
    "resume": {t.SessionState.PAUSED},
    "stop": {t.SessionState.READY, t.SessionState.RUNNING, t.SessionState.PAUSED},
}


def control(s: Session, server: ServerContext, ts: TrainingSession, action: str, now: datetime):
    state = t.SessionState(ts.state)
    if state not in CONTROLS[action]:
        raise Conflict(
            f"Нельзя: занятие в состоянии «{t.SESSION_STATE_LABELS[state]}»", code="bad_state"
        )
    release_due(s, server, ts, now)  # everything the clock reached belongs before the change
    clock = SessionClock(ts.clock)
    if action in ("start", "resume"):
        clock.run(now, ts.speed)
        ts.state = t.SessionState.RUNNING.value
        ts.started_at = ts.started_at or now
    elif action == "pause":
        clock.pause(now)
        ts.state = t.SessionState.PAUSED.value
    else:
        clock.pause(now)
        ts.state = t.SessionState.STOPPED.value
        ts.stopped_at = now
    ts.clock = clock.to_json()
    s.flush()
    reproject_due(s, ts, now)
    release_due(s, server, ts, now)  # incidents at minute 0 arrive with the start


def set_speed(s: Session, server: ServerContext, ts: TrainingSession, speed: int, now: datetime):
    if ts.state == t.SessionState.STOPPED:
        raise Conflict("Занятие завершено", code="bad_state")
    release_due(s, server, ts, now)
    ts.speed = speed
    if ts.state == t.SessionState.RUNNING:
        clock = SessionClock(ts.clock)
        clock.run(now, speed)
        ts.clock = clock.to_json()
    s.flush()
    reproject_due(s, ts, now)


def redeem(s: Session, server: ServerContext, body: t.RedeemRequest, now: datetime):
    """A one-time code becomes a trainee account in its session, signed in at once.

    The code makes one person: the account's password is the workstation's `device_secret`, so
    the same workstation repeating the request (its answer lost, its local cache failed to open)
    signs into the same account again, while anyone else is told the code is used. Sign-in times
    are the real clock's (`now` is the session clock's, which tests move).
    """
    code = s.scalars(
        select(TrainingCode).where(TrainingCode.code_hash == _code_digest(body.code))
    ).one_or_none()
    ts = s.get(TrainingSession, code.session_id) if code else None
    if code is None or ts is None or ts.state == "stopped":
        raise Unauthorized("Код недействителен или уже использован", code="bad_code")
    real_now = datetime.now(UTC)
    if code.redeemed_at is not None:
        user = s.get(User, code.user_id) if code.user_id else None
        same_device = bool(body.device_secret) and user is not None
        if not (same_device and verify_password(user.password_hash, body.device_secret)):
            raise Unauthorized("Код недействителен или уже использован", code="bad_code")
    else:
        user = User(
            username=f"trainee-{ts.id}-{code.id}",
            full_name=body.full_name.strip() or "Слушатель",
            # Nobody knows the password unless the workstation sent its secret for retries.
            password_hash=hash_password(body.device_secret or secrets.token_urlsafe(24)),
            role=Role.TRAINEE.value,
            needs_approval=True,
            created_at=real_now,
        )
        s.add(user)
        s.flush()
        code.redeemed_at, code.user_id = now, user.id
        s.add(TrainingMember(session_id=ts.id, user_id=user.id, role="trainee", joined_at=now))
    refresh = new_refresh_token()
    sign_in = SignIn(
        user_id=user.id,
        token_hash=token_digest(refresh),
        created_at=real_now,
        expires_at=real_now + min(server.refresh_ttl, timedelta(days=7)),
    )
    s.add(sign_in)
    s.flush()
    return c.TokenPair(
        access_token=issue_access_token(server.secret, user.id, sign_in.id, server.access_ttl),
        refresh_token=refresh,
        expires_in=int(server.access_ttl.total_seconds()),
        user=c.UserOut(
            id=user.id,
            username=user.username,
            full_name=user.full_name,
            role=Role.TRAINEE,
            needs_approval=True,
        ),
    )
