# scrapyd-deploy builds the egg it uploads to Scrapyd with `python setup.py bdist_egg`, and writes
# a setup.py of its own (no package data, wrong name) where none exists. Everything is declared in
# pyproject.toml; this file only hands the build to it.
from setuptools import setup

setup()
