"""Portals served on 127.0.0.1: the bundled sample portal for `nianbao demo` and the tests, and
the generated portal of the crawl benchmark."""
