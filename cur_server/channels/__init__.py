"""The channel layer: messages come in from the citizens' channels, approved replies go back.

Each channel is an adapter (`adapter.ChannelAdapter`) with one job per direction: `fetch` hands
new messages to the `intake`, `deliver` sends one queued reply. Everything shared lives here
once: deduplication and threading (`intake`), the exactly-once delivery queue (`delivery`), the
configuration with its secrets (`config`), the process that runs the adapters (`runner`).
"""
