"""A loader's title without the site's name a web page's title ends with (…工作报告_宜阳县人民政府):
one owner for the HTML loader's <title> and a PDF's metadata title (a page printed to PDF keeps it)."""
from __future__ import annotations

import re

from zhibiao.datafiles import load_yaml

_WORDS = load_yaml("zhibiao.load", "data", "web_page.yaml")["site_name_words"]
SITE_NAME_END = re.compile(rf"[_|｜\-–—]\s*[^_|｜\-–—]*(?:{'|'.join(map(re.escape, _WORDS))})[^_|｜\-–—]*$")


def without_site_name(title: str) -> str:
    """The title before a separator and a site's name ending it, else the title as it is."""
    return SITE_NAME_END.split(title.strip())[0].strip()
