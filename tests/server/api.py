"""A thin HTTP client for server tests: real requests over loopback, nothing mocked."""

from __future__ import annotations

import uuid
from typing import Any

import requests


class Api:
    def __init__(self, base: str, username: str | None = None, password: str = "demo"):
        self.base = base.rstrip("/")
        self.http = requests.Session()
        self.token: str | None = None
        self.refresh_token: str | None = None
        self.user: dict[str, Any] = {}
        if username:
            self.login(username, password)

    def login(self, username: str, password: str = "demo") -> requests.Response:
        r = self.http.post(
            f"{self.base}/api/v1/auth/login",
            json={"username": username, "password": password},
            timeout=10,
        )
        if r.status_code == 200:
            body = r.json()
            self.token, self.refresh_token = body["access_token"], body["refresh_token"]
            self.user = body["user"]
        return r

    def request(self, method: str, path: str, **kw) -> requests.Response:
        headers = kw.pop("headers", {})
        if self.token:
            headers.setdefault("Authorization", f"Bearer {self.token}")
        return self.http.request(method, f"{self.base}{path}", headers=headers, timeout=30, **kw)

    def get(self, path: str, **kw) -> requests.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw) -> requests.Response:
        return self.request("POST", path, **kw)

    def changes(self, cursor: int = 0, limit: int = 200) -> dict[str, Any]:
        r = self.get("/api/v1/changes", params={"cursor": cursor, "limit": limit})
        assert r.status_code == 200, r.text
        return r.json()

    def all_incidents(self, page: int = 500) -> dict[int, dict[str, Any]]:
        cursor, seen = 0, {}
        while True:
            body = self.changes(cursor, page)
            for item in body["items"]:
                seen[item["id"]] = item
            for gone in body["removed"]:
                seen.pop(gone, None)
            cursor = body["cursor"]
            if not body["has_more"]:
                return seen

    def mutate(self, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        r = self.post("/api/v1/mutations", json={"mutations": list(mutations)})
        assert r.status_code == 200, r.text
        return r.json()["results"]

    def one(self, type_: str, incident_id: int, payload: dict | None = None, **kw) -> dict:
        return self.mutate(mutation(type_, incident_id, payload, **kw))[0]


def mutation(type_: str, incident_id: int, payload: dict | None = None, **kw) -> dict[str, Any]:
    return {
        "mutation_id": str(kw.pop("mutation_id", uuid.uuid4())),
        "type": type_,
        "incident_id": incident_id,
        "payload": payload or {},
        **kw,
    }


class ApiFactory:
    """`api("operator1")` gives a signed-in client; `api()` an anonymous one."""

    def __init__(self, base: str):
        self.base = base

    def __call__(self, username: str | None = None, password: str = "demo") -> Api:
        return Api(self.base, username, password)
