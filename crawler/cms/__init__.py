"""Adapters for the content-management systems government portals run on."""
