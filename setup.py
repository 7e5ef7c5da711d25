"""Only what pyproject.toml cannot say: the examples/ folder of a checkout ships inside the wheel
as the package data of ``zhibiao.examples`` (zhibiao/cli/demo.py finds it there when installed)."""
from setuptools import find_packages, setup

setup(packages=find_packages(include=["zhibiao*"]) + ["zhibiao.examples"],
      package_dir={"zhibiao.examples": "examples"})
