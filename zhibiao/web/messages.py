"""English messages a page shows, in Chinese for a Chinese page (zhibiao/web/messages_zh.yaml): a
document the loaders could not read, an upload refused, a query parameter out of range. The
loaders and the validation library speak English; the web is the layer that knows the reader's
language."""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _table() -> tuple[list[tuple[re.Pattern, str]], dict[str, str], list[tuple[re.Pattern, str]]]:
    from zhibiao.datafiles import load_yaml

    data = load_yaml("zhibiao.web", "messages_zh.yaml")
    return ([(re.compile(p["en"]), p["zh"]) for p in data["problems"]], data["validation"],
            [(re.compile(p["en"]), p["zh"]) for p in data["messages"]])


@lru_cache(maxsize=1)
def _fields() -> dict[str, str]:
    from zhibiao.datafiles import load_yaml

    return load_yaml("zhibiao.web", "messages_zh.yaml")["fields"]


def problem(name: str, message: str, lang: str) -> str:
    """``name: problem`` (an upload's name and the loader's reason) in ``lang``; a reason not in the
    table stays as it is."""
    if lang != "zh" or not message.startswith(f"{name}: "):
        return message
    reason = message[len(name) + 2:]
    for pattern, zh in _table()[0]:
        m = pattern.fullmatch(reason)
        if m:  # (a list of formats, "TXT, HTML, …" in English, is "TXT、HTML、…" in Chinese)
            said = {k: v.replace(", ", "、") if k == "formats" and v else v for k, v in m.groupdict().items()}
            return f"{name}：{zh.format(**said)}"
    return message


def problem_at(message: str, lang: str) -> str:
    """``address: problem`` (a fetched address's or its attachment's failure: an "add by address"
    job's results) in ``lang``: the name is what comes before the first ": " when it holds no space."""
    name = message.split(": ", 1)[0] if ": " in message else ""
    return problem(name, message, lang) if name and not any(c.isspace() for c in name) else message


def said(message: str, lang: str) -> str:
    """A whole message of the API (an address refused, a write without the token, a job's own
    failure) in ``lang``; one not in the table stays as it is."""
    if lang != "zh":
        return message
    for pattern, zh in _table()[2]:
        m = pattern.fullmatch(message)
        if m:
            return zh.format(**m.groupdict())
    return message


def validation(errors: list[dict], lang: str) -> str:
    """A request's validation errors as one line: ``年份（year）：应大于或等于 1949`` (the parameter's
    own name kept: it is what a caller of the API writes), ``year: Input should be …`` in English."""
    said = []
    for e in errors:
        where = ".".join(str(x) for x in e.get("loc", ())[1:])
        text = e.get("msg", "")
        if lang == "zh":
            label = _fields().get(where.split(".", 1)[0]) if where else None
            where = f"{label}（{where}）" if label else where
            zh = _table()[1].get(e.get("type", ""))
            if zh:
                try:
                    text = zh.format(**(e.get("ctx") or {}))
                except (KeyError, IndexError):
                    pass  # a context the entry does not expect: the English
        if lang == "zh":
            said.append(f"{where}：{text}" if where else text)
        else:
            said.append(f"{where}: {text}" if where else text)
    return "；".join(said) if lang == "zh" else "; ".join(said)
