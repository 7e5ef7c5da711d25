"""Only what pyproject.toml cannot say: the examples/ folder of a checkout ships inside the wheel
as the package data of ``zhibiao.examples`` (zhibiao/cli/demo.py finds it there when installed)."""
from setuptools import find_namespace_packages, setup

# Namespace packages too: the data folders (catalog/data, extract/data, web/templates, web/static,
# store/migrations) have no __init__.py, and their files ship only as package data of a package.
setup(packages=find_namespace_packages(include=["zhibiao*"], exclude=["*.__pycache__"]) + ["zhibiao.examples"],
      package_dir={"zhibiao.examples": "examples"})
