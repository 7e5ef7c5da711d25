"""The CLI's words in the command's language (zhibiao/cli/labels.yaml): table headers, the values
of a few columns and the phrases around the tables. Only the text output is translated; CSV and
JSON keep their machine names."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _labels() -> dict:
    from zhibiao.datafiles import load_yaml

    return load_yaml("zhibiao.cli", "labels.yaml")


class Words:
    def __init__(self, lang: str):
        self.lang = "en" if lang == "en" else "zh"

    def column(self, key: str) -> str:
        entry = _labels()["columns"].get(key)
        return entry[self.lang] if entry else key

    def value(self, column: str, value: object) -> object:
        """A column's value in words (raised → 提高), or as it is."""
        entry = _labels()["values"].get(column, {}).get(str(value))
        return entry[self.lang] if entry else value

    def __call__(self, key: str, **values: object) -> str:
        return _labels()["phrases"][key][self.lang].format(**values)
