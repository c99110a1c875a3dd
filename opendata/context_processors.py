"""The download formats, for the domain pages that link to their data's files."""

from .spreadsheets import DOWNLOAD_LABELS


def downloads(request):
    return {"download_formats": DOWNLOAD_LABELS}
