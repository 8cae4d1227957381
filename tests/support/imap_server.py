"""The small IMAP server is product code now (the demo's local mailbox serves over it):
cur_server/demo/imap_server.py. Tests import it from here as before."""

from cur_server.demo.imap_server import ImapServer, Mailbox

__all__ = ["ImapServer", "Mailbox"]
