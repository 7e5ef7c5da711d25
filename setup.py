"""Only what pyproject.toml cannot say: the examples/ folder of a checkout ships inside the wheel
as the package data of ``zhibiao.examples`` (zhibiao/cli/demo.py finds it there when installed),
and the extraction rules are compiled to C extensions with mypyc (see ``compiled_rules``)."""
import glob
import os
import shutil
import sys
import sysconfig

from setuptools import find_namespace_packages, setup

# The modules compiled with mypyc: the extraction rules, where a document's time goes (plain Python
# over strings; compiled, the same code takes ~30 % less CPU). Each keeps its .py beside its compiled
# module; zhibiao/extract/compiled.py imports the sources instead when the two differ. Left
# interpreted: that module itself (it decides before the others are imported), the package's
# __init__, and pipeline.py and metadata.py (glue, and little of the time).
COMPILED = ["zhibiao/extract/*.py"]
INTERPRETED = {"zhibiao/extract/__init__.py", "zhibiao/extract/compiled.py", "zhibiao/extract/pipeline.py",
               "zhibiao/extract/metadata.py"}


def can_compile() -> str | None:
    """Why C extensions cannot be built here (None: they can)."""
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    if not shutil.which(compiler):
        return f"no C compiler ({compiler})"
    if not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")):
        return "no Python headers (Debian: apt install python3-dev)"
    return None


def compiled_rules():
    """The C extensions of :data:`COMPILED` (none when ZHIBIAO_COMPILE=0, without a C compiler, or
    without mypyc): the rules then run as plain Python, with the same results."""
    if os.environ.get("ZHIBIAO_COMPILE", "1") == "0":
        return []
    missing = can_compile()
    if missing:
        print(f"zhibiao: {missing}: the extraction rules stay plain Python (slower)", file=sys.stderr)
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("zhibiao: mypyc is not installed: the extraction rules stay plain Python", file=sys.stderr)
        return []
    paths = sorted(p for pattern in COMPILED for p in glob.glob(pattern) if p not in INTERPRETED)
    return mypycify(paths, opt_level="3", debug_level="0", group_name="zhibiao_rules")


# Namespace packages too: the data folders (catalog/data, extract/data, web/templates, web/static,
# store/migrations) have no __init__.py, and their files ship only as package data of a package.
setup(packages=find_namespace_packages(include=["zhibiao*"], exclude=["*.__pycache__"]) + ["zhibiao.examples"],
      package_dir={"zhibiao.examples": "examples"},
      ext_modules=compiled_rules())
