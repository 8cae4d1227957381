"""The workstation's local cache: an encrypted SQLite file per profile (server + user)."""
