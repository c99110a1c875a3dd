"""A small reader of gettext .po files: enough to check a catalogue is complete."""

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False


def read_po(path: Path) -> list[Entry]:
    """Every entry but the header, in file order."""
    entries = []
    entry = Entry()
    current = None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if current is not None:
                entries.append(entry)
            entry, current = Entry(), None
            continue
        if line.startswith("#~"):
            entry.obsolete = True
            continue
        if line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            _append(entry, current, ast.literal_eval(line))
            continue
        current = keyword
        _append(entry, current, ast.literal_eval(rest), start=True)
    return [e for e in entries if e.msgid and not e.obsolete]


def _append(entry: Entry, keyword: str, text: str, start: bool = False) -> None:
    if keyword.startswith("msgstr"):
        index = int(keyword[7:-1]) if "[" in keyword else 0
        entry.msgstr[index] = ("" if start else entry.msgstr.get(index, "")) + text
    elif keyword == "msgctxt":
        entry.msgctxt = ("" if start else entry.msgctxt or "") + text
    else:
        name = "msgid_plural" if keyword == "msgid_plural" else "msgid"
        setattr(entry, name, ("" if start else getattr(entry, name)) + text)
