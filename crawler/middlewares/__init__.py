"""Downloader middlewares: one behaviour per module, enabled by priority in crawler/settings.py."""
