"""Scrapy add-ons (ADDONS in crawler/settings.py): the NIANBAO_* environment, and the optional browser."""
