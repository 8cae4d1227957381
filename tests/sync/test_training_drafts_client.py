"""A trainee's heartbeat carries the draft to the trainer through the client calls: a draft
change is due at once, an over-long draft is cut to what the server takes instead of failing
the heartbeat, and the trainer reads it in the live view."""

from __future__ import annotations

from cur_desktop.models.contract import MAX_REPLY_CHARS
from cur_desktop.models.team import Activity
from cur_desktop.sync import team, training
from cur_desktop.sync.client import ApiClient
from tests.server.training_support import install_clock


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_drafts_go_with_the_heartbeat_to_the_trainer(server):
    install_clock(server)
    trainer = ApiClient(server.url, timeout=(2.0, 10.0))
    trainer.login("trainer1", "demo")
    made = training.create_session(trainer, scenario="ordinary_shift")
    code = training.issue_codes(trainer, made.id, 1)[0]
    training.control(trainer, made.id, "start")
    trainee = ApiClient(server.url, timeout=(2.0, 10.0))
    training.redeem_code(trainee, code, "Сидорова Анна")
    iid = trainee.changes(0).items[0].id

    beats = team.PresenceReporter(trainee, interval=30, clock=FakeClock())
    beats.set(iid, Activity.VIEWING, ("final", ""))
    assert beats.beat() is not None and not beats.due()
    assert beats.set(iid, Activity.WRITING, ("final", "Здравствуйте"))  # typing: at once
    assert beats.beat() is not None

    def drafts() -> list[str]:
        view = training.live_view(trainer, made.id)
        return [d.text for i in view.unassigned + view.trainees[0].incidents for d in i.drafts]

    assert drafts() == ["Здравствуйте"]
    long = "я" * (MAX_REPLY_CHARS + 500)
    assert beats.set(iid, Activity.WRITING, ("interim", long)) and beats.beat() is not None
    assert drafts() == [long[:MAX_REPLY_CHARS]]
    assert beats.set(iid, Activity.VIEWING, ("interim", "")) and beats.beat() is not None
    assert drafts() == []
