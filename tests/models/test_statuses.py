"""The lifecycle table itself: complete, labelled, and every case can reach an end."""

from __future__ import annotations

import pytest

from cur_desktop.models.statuses import (
    STATUS_LABELS,
    TRANSITIONS,
    Status,
    TransitionError,
    check_transition,
)


def _reachable(start: Status) -> set[Status]:
    seen, todo = {start}, [start]
    while todo:
        for nxt in TRANSITIONS[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_every_status_has_a_label_and_a_row():
    assert set(STATUS_LABELS) == set(Status) == set(TRANSITIONS)
    assert all(label and label[0].isupper() for label in STATUS_LABELS.values())


def test_no_status_leads_to_itself():
    assert all(s not in targets for s, targets in TRANSITIONS.items())


def test_everything_is_reachable_from_new_and_every_case_can_close():
    assert _reachable(Status.NEW) == set(Status)
    for status in Status:
        assert Status.CLOSED in _reachable(status) or status == Status.CLOSED


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (Status.NEW, Status.ANSWERED),
        (Status.NEW, Status.CLOSED),
        (Status.IN_PROGRESS, Status.RESOLVED),
        (Status.ANSWERED, Status.CLOSED),
        (Status.CLOSED, Status.IN_PROGRESS),
        (Status.REJECTED, Status.CLOSED),
    ],
)
def test_shortcuts_are_refused_with_a_readable_message(current, target):
    with pytest.raises(TransitionError) as info:
        check_transition(current, target)
    assert STATUS_LABELS[current] in str(info.value)
    assert STATUS_LABELS[target] in str(info.value)


def test_a_reply_alone_never_resolves():
    """Resolved (the action is done) only follows answered: a text is not an action."""
    sources = {s for s, targets in TRANSITIONS.items() if Status.RESOLVED in targets}
    assert sources == {Status.ANSWERED}
