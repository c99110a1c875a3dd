"""Signals of the content apps."""

from django.dispatch import Signal

# Sent after a write that bypasses the models' own signals (a bulk import), so
# that everything that follows content (the page cache) hears of it once.
content_written = Signal()
