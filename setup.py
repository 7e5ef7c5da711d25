"""Only what pyproject.toml cannot say: the examples/ folder of a checkout ships inside the wheel
as the package data of ``zhibiao.examples`` (zhibiao/cli/demo.py finds it there when installed),
and the modules where a document's time goes are compiled to C extensions with mypyc (see
``compiled_modules``)."""
import glob
import os
import shutil
import sys
import sysconfig

from setuptools import find_namespace_packages, setup

# The modules compiled with mypyc: where a document's time goes — the extraction rules, the
# normalisation of a text and the catalogue's matching (plain Python over strings; compiled, the same
# code takes a quarter to a third less CPU). Each keeps its .py beside its compiled module;
# zhibiao/compiled.py imports the sources instead when the two differ (it looks one folder below
# zhibiao/: compile nothing deeper). Left interpreted: the packages' __init__ modules and
# text/scan.py (it compiles patterns from re's internals, at import only). (extract/pipeline.py is
# compiled too since the twentieth session: its loops over a document's targets and results, −0.75 %
# of the seeds' instructions; and load/html.py, its walks over a page's elements: −4.9 % of an HTML
# page's instructions.)
COMPILED = ["zhibiao/extract/*.py", "zhibiao/text/normalize.py", "zhibiao/text/offsets.py", "zhibiao/text/chinese.py",
            "zhibiao/text/document.py", "zhibiao/catalog/matcher.py", "zhibiao/catalog/annotate.py",
            "zhibiao/catalog/regions.py", "zhibiao/load/html.py"]
INTERPRETED = {"zhibiao/extract/__init__.py"}


def can_compile() -> str | None:
    """Why C extensions cannot be built here (None: they can)."""
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    if not shutil.which(compiler):
        return f"no C compiler ({compiler})"
    if not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")):
        return "no Python headers (Debian: apt install python3-dev)"
    return None


def compiled_modules():
    """The C extensions of :data:`COMPILED` (none when ZHIBIAO_COMPILE=0, without a C compiler, or
    without mypyc): they then run as plain Python, with the same results."""
    if os.environ.get("ZHIBIAO_COMPILE", "1") == "0":
        return []
    missing = can_compile()
    if missing:
        print(f"zhibiao: {missing}: the compiled modules stay plain Python (slower)", file=sys.stderr)
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("zhibiao: mypyc is not installed: the compiled modules stay plain Python", file=sys.stderr)
        return []
    paths = sorted(p for pattern in COMPILED for p in glob.glob(pattern) if p not in INTERPRETED)
    # The C compiler's optimisation level: 3 for every installation; the wheel test asks for 0, as
    # it checks what the wheel ships and that it runs, not how fast (-O0 compiles the one large C
    # file in a fraction of the time).
    opt_level = os.environ.get("ZHIBIAO_COMPILE_OPT", "3")
    if opt_level not in ("0", "1", "2", "3"):
        sys.exit(f"zhibiao: ZHIBIAO_COMPILE_OPT must be 0, 1, 2 or 3, not {opt_level!r}")
    return mypycify(paths, opt_level=opt_level, debug_level="0", group_name="zhibiao_compiled")


# Namespace packages too: the data folders (catalog/data, extract/data, web/templates, web/static,
# store/migrations) have no __init__.py, and their files ship only as package data of a package.
setup(packages=find_namespace_packages(include=["zhibiao*"], exclude=["*.__pycache__"]) + ["zhibiao.examples"],
      package_dir={"zhibiao.examples": "examples"},
      ext_modules=compiled_modules())
