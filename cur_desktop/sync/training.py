"""Client calls of training mode: the trainer's sessions, controls, live view and scorecard, and a
trainee's sign-in by one-time code.

Plain blocking functions over an `ApiClient`: run them off the UI thread (the network pool), as
every other call. Errors are the client's typed `SyncError`s: a `RequestRejected` with status
403 means the role may not do this, 404 that the session is not the caller's, 409 that its state
does not allow it (e.g. pausing a stopped session), 422 with code `invalid_scenario` that the
scenario was refused — `details` lists `{line, where, message}` per problem.

A trainee's workstation needs nothing from here beyond `redeem_code`: once signed in, the usual
sync engine pulls the session's incidents (the server releases them on its clock) and pushes the
trainee's mutations, which stay inside the session.
"""

from __future__ import annotations

from typing import Literal

from cur_desktop.models import contract as c
from cur_desktop.models.training import (
    CodesOut,
    LiveView,
    Participant,
    ScenarioList,
    Scorecard,
    SessionList,
    SessionOut,
)

from .client import ApiClient

BASE = "/training"
Action = Literal["start", "pause", "resume", "stop"]


def scenarios(client: ApiClient) -> ScenarioList:
    """The bundled scenarios, for the trainer's «new session» dialog."""
    return client.get(f"{BASE}/scenarios", ScenarioList)


def create_session(
    client: ApiClient,
    *,
    scenario: str | None = None,
    scenario_text: str | None = None,
    title: str | None = None,
    speed: int | None = None,
) -> SessionOut:
    """A session from a bundled scenario by name, or from the YAML text of a file."""
    body = {"scenario": scenario, "scenario_text": scenario_text, "title": title, "speed": speed}
    return client.post(f"{BASE}/sessions", SessionOut, {k: v for k, v in body.items() if v})


def sessions(client: ApiClient) -> SessionList:
    """A trainer's own sessions, or the sessions a trainee takes part in; newest first."""
    return client.get(f"{BASE}/sessions", SessionList)


def session(client: ApiClient, session_id: int) -> SessionOut:
    return client.get(f"{BASE}/sessions/{session_id}", SessionOut)


def add_trainees(client: ApiClient, session_id: int, usernames: list[str]) -> SessionOut:
    """Existing trainee accounts join the session."""
    return client.post(
        f"{BASE}/sessions/{session_id}/trainees", SessionOut, {"usernames": usernames}
    )


def issue_codes(client: ApiClient, session_id: int, count: int) -> list[str]:
    """One-time codes to hand out; shown once (the server keeps only their hashes)."""
    return client.post(f"{BASE}/sessions/{session_id}/codes", CodesOut, {"count": count}).codes


def redeem_code(
    client: ApiClient, code: str, full_name: str, device_secret: str | None = None
) -> c.TokenPair:
    """Sign a trainee in with a one-time code: an account bound to that session only.

    Repeating the call with the same `device_secret` gives the same account back (safe retry).
    """
    body = {"code": code, "full_name": full_name}
    if device_secret:
        body["device_secret"] = device_secret
    pair = client._call("POST", f"{c.API_PREFIX}{BASE}/redeem", c.TokenPair, auth=False, json=body)
    client._take(pair)
    return pair


def control(client: ApiClient, session_id: int, action: Action) -> SessionOut:
    return client.post(f"{BASE}/sessions/{session_id}/{action}", SessionOut, {})


def set_speed(client: ApiClient, session_id: int, speed: int) -> SessionOut:
    """×1, ×2 or ×5; SLA due times of unanswered incidents follow the new pace."""
    return client._call(
        "PUT",
        f"{c.API_PREFIX}{BASE}/sessions/{session_id}/speed",
        SessionOut,
        json={"speed": speed},
    )


def live_view(client: ApiClient, session_id: int) -> LiveView:
    """Each trainee's incidents, SLA states and sent replies; poll it every few seconds."""
    return client.get(f"{BASE}/sessions/{session_id}/live", LiveView)


def scorecard(client: ApiClient, session_id: int) -> Scorecard:
    return client.get(f"{BASE}/sessions/{session_id}/scorecard", Scorecard)


def comment(client: ApiClient, session_id: int, user_id: int, text: str) -> Participant:
    """The trainer's comment on a trainee for the scorecard; an empty text removes it."""
    return client._call(
        "PUT",
        f"{c.API_PREFIX}{BASE}/sessions/{session_id}/comments/{user_id}",
        Participant,
        json={"text": text},
    )


def scorecard_file(client: ApiClient, session_id: int, kind: Literal["csv", "pdf"]) -> bytes:
    """The scorecard rendered by the server, to save as a file."""
    path = f"{c.API_PREFIX}{BASE}/sessions/{session_id}/scorecard.{kind}"
    status, body, response = client._send("GET", path)
    if status == 401 and client.refresh_token:
        client.refresh()
        status, body, response = client._send("GET", path)
    client._raise_for(status, body, response)
    return body
