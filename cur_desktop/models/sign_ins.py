"""The wire contract of the admins' sign-in watch (`GET /api/v1/admin/sign-ins`): who is locked
out now and the latest failed sign-ins. Like `contract.py`, fields are only ever added."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from .contract import WireModel


class SignInLockout(WireModel):
    kind: Literal["user", "address"] = Field(description="Locked by user name or by address")
    key: str = Field(description="The user name (case-folded) or the client address")
    failures: int
    until: datetime


class SignInFailure(WireModel):
    at: datetime
    username: str
    address: str


class SignInWatch(WireModel):
    lockouts: list[SignInLockout]
    recent_failures: list[SignInFailure] = Field(description="Newest first")
