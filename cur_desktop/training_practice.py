"""Single-machine practice (`cur-desktop --training SCENARIO`): the reference server in-process
with the demo region's reference data but no citizens' incidents, a session made from the
scenario by the demo trainer, one code redeemed, the clock started — and the trainee's window.

Its data folder (`<user data>/practice`) is apart from the demo's and the real profiles'."""

from __future__ import annotations

from pathlib import Path

from .demo import DEMO_CACHE_PASSPHRASE, DEMO_PASSWORD
from .models.private_files import private_folder
from .models.training import SessionOut
from .sync import training
from .sync.client import ApiClient, RequestRejected
from .sync.credentials import CredentialStore
from .sync.profile import data_root
from .sync.training_workspace import redeem_workspace
from .sync.workspace import Workspace

TRAINER = "trainer1"
PRACTICE_FOLDER = "practice"


class ScenarioRefused(Exception):
    """The server refused the scenario; the message names each problem with its line."""

    def __init__(self, scenario: str, exc: RequestRejected):
        lines = [f"{scenario}: {exc.message}"]
        for p in exc.details if isinstance(exc.details, list) else []:
            if f"строка {p.get('line')}" in exc.message:
                continue  # the server's message already lists it
            head = f"строка {p['line']}" if p.get("line") else "файл"
            where = f": {p['where']}" if p.get("where") else ""
            lines.append(f"  {head}{where}: {p.get('message', '')}")
        super().__init__("\n".join(lines))


class TrainingPractice:
    def __init__(self, root: Path | None = None):
        from cur_server.context import sqlite_url_for
        from cur_server.embedded import EmbeddedServer
        from cur_server.migrate import upgrade
        from cur_server.seed import seed_demo

        self.root = root or data_root() / PRACTICE_FOLDER
        private_folder(self.root, root=data_root())
        url = sqlite_url_for(self.root / "server.db")
        upgrade(url)
        seed_demo(url, 0)  # reference data and accounts only: no citizens' incidents at all
        self.server = EmbeddedServer(url).start()
        self.session: SessionOut | None = None

    @property
    def url(self) -> str:
        return self.server.url

    def begin(self, scenario: str, credentials: CredentialStore) -> Workspace:
        """A session from `scenario` (a bundled name or a YAML file), started, with the trainee
        signed in. Blocking: call off the UI thread. A bad scenario raises RequestRejected with
        the problems by line in `details`."""
        trainer = ApiClient(self.url)
        trainer.login(TRAINER, DEMO_PASSWORD)
        path = Path(scenario)
        try:
            if path.suffix in (".yaml", ".yml") or path.exists():
                text = path.read_text(encoding="utf-8")
                made = training.create_session(trainer, scenario_text=text)
            else:
                made = training.create_session(trainer, scenario=scenario)
        except RequestRejected as exc:
            raise ScenarioRefused(scenario, exc) from exc
        code = training.issue_codes(trainer, made.id, 1)[0]
        workspace = redeem_workspace(
            self.root / "profiles",
            self.url,
            code,
            "Слушатель",
            credentials=credentials,
            passphrase=None if credentials.persistent else DEMO_CACHE_PASSPHRASE,
        )
        self.session = training.control(trainer, made.id, "start")
        return workspace

    def stop(self) -> None:
        self.server.stop()
