"""A training session's clock in one line, as both the trainee's banner and the trainer's window
show it: «Занятие «…» · 12 из 60 мин · ×2 · Пауза»."""

from __future__ import annotations

from cur_desktop.models.training import SESSION_STATE_LABELS, SessionOut

from .i18n import tr


def session_line(session: SessionOut | None) -> str:
    if session is None:
        return tr("занятие ещё не назначено")
    state = tr(SESSION_STATE_LABELS[session.state])
    minute = min(session.minute, session.duration)
    clock = tr("{0} из {1} мин").format(int(minute), int(session.duration))
    return f"{tr('Занятие')} «{session.title}» · {clock} · ×{session.speed} · {state}"
