"""Every answer says when the server sent it (`X-Server-Time`, from the shared contract), so a
workstation whose clock is off counts deadlines by the server's time. Plain ASGI: it only adds
a header as the answer starts, without buffering the body."""

from __future__ import annotations

import time

from cur_desktop.models import contract as c

HEADER = c.SERVER_TIME_HEADER.lower().encode("latin-1")


class ServerTime:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def stamped(message):
            if message["type"] == "http.response.start":
                value = c.server_time_value(time.time()).encode("latin-1")
                message["headers"] = [*message.get("headers", []), (HEADER, value)]
            await send(message)

        await self.app(scope, receive, stamped)
