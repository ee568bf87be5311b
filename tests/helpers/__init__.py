"""Code the tests share; conftest.py keeps only fixtures and hooks.

paths           REPO, SHARED (../shared), SAMPLE_PORTAL, shared_file()
cli             run `nianbao` in a subprocess; assert a user error is one line, exit 2
crawl           run `nianbao crawl` on a URL; open the database it wrote
ports           a free loopback port for a server a test starts
datasette       build the demo database; a real `nianbao serve` on loopback
redis           Debian's redis-server on a free port for one test
known_reports   a small store of known reports for the views and canned queries
seed_figures    hand-read figures of seeds 003 and 004
table_builders  complete 2019/2021 statistics tables as HTML, every cell distinct
figure_sets     complete, consistent v2019/v2021 figure sets for the validator

The fixture portals (builders, saved site, loopback server) are their own package: tests/portals/.
"""
