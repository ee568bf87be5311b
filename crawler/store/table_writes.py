"""INSERT, upsert and UPDATE statements for one connection, built once per table and column set.

sqlite-utils' `insert_all`, `upsert` and `update` read the table's columns and keys again (PRAGMA table_info
and more) on every call, and a crawl makes tens of thousands of small ones: that, not SQLite,
was most of a registry crawl's store time. These write the same rows with statements built once
per (table, columns, mode) and run with `executemany`, which also lets sqlite3 reuse the prepared
statement. Values are serialised by sqlite-utils' own `jsonify_if_needed` (a dict, list or tuple
is JSON text, a date its ISO form), and an upsert is the form sqlite-utils uses with an SQLite
that has `ON CONFLICT`: it updates only the columns a record names. sqlite-utils still makes the
schema, migrates it, and adds a column a record brings that the table lacks (`alter`).

Within an open transaction a call adds no savepoint of its own: a statement that fails part way
leaves the rows before it, which the caller's savepoint (Store.page_transaction) undoes. Outside
one, a call is its own transaction, as in sqlite-utils.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

import sqlite_utils
from sqlite_utils.db import NotFoundError, PrimaryKeyRequired, jsonify_if_needed, quote_identifier

# Values sqlite3 stores as they are; anything else goes through jsonify_if_needed. A bool is an
# int subclass, stored as 0 or 1 either way, so it takes the slow path without changing anything.
PLAIN_TYPES = frozenset({str, int, float, bytes, type(None)})
# Statements kept per connection; a crawl uses a few dozen. Past this the cache starts again.
STATEMENTS_KEPT = 256
# INSERT ... ON CONFLICT ... DO UPDATE: SQLite 3.24. Older ones get sqlite-utils' own upsert.
ON_CONFLICT_SQLITE = (3, 24, 0)


def stored_value(value: Any) -> Any:
    return value if type(value) in PLAIN_TYPES else jsonify_if_needed(value)


def stored_row(record: dict[str, Any], columns: tuple[str, ...]) -> tuple[Any, ...]:
    """The record's values in `columns` order; a column the record lacks is NULL, as in sqlite-utils."""
    return tuple(stored_value(record.get(column)) for column in columns)


class TableWrites:
    """Inserts, upserts and updates on one connection, for tables that exist (crawler/store/schema.py)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.on_conflict = sqlite3.sqlite_version_info >= ON_CONFLICT_SQLITE
        # Table -> its primary key as the database has it, read once.
        self._keys: dict[str, tuple[str, ...]] = {}
        # (table, columns, mode) -> the statement.
        self._statements: dict[tuple[str, tuple[str, ...], str], str] = {}

    def insert(
        self,
        table: str,
        records: Iterable[dict[str, Any]],
        *,
        replace: bool = False,
        ignore: bool = False,
        alter: bool = False,
    ) -> None:
        """`db[table].insert_all(records, replace=, ignore=, alter=)`, with the same rows stored."""
        if replace and ignore:
            raise ValueError("Use either ignore=True or replace=True, not both")
        records = list(records)
        if not records:
            return
        columns = _columns_of(records)
        mode = "replace" if replace else "ignore" if ignore else "insert"
        rows = [stored_row(record, columns) for record in records]
        self._run(self._statement(table, columns, mode), rows, table, records, alter)

    def upsert(self, table: str, record: dict[str, Any], *, alter: bool = False) -> None:
        """`db[table].upsert(record, pk=<the table's key>, alter=)`: the columns the record names are
        written, the others of an existing row kept."""
        if not self.on_conflict:
            self.db[table].upsert(record, pk=self._key(table), alter=alter)
            return
        columns = tuple(record)
        missing = [column for column in self._key(table) if record.get(column) is None]
        if missing:
            raise PrimaryKeyRequired(f"upsert() requires a value for the primary key: {', '.join(missing)}")
        sql = self._statement(table, columns, "upsert")
        self._run(sql, [stored_row(record, columns)], table, [record], alter)

    def update(self, table: str, key: Any, updates: dict[str, Any], *, alter: bool = False) -> None:
        """`db[table].update(key, updates, alter=)`: the row with this primary key (a tuple for a
        compound key) gets these columns; NotFoundError when there is no such row."""
        key_values = list(key) if isinstance(key, (list, tuple)) else [key]
        if len(key_values) != len(self._key(table)):
            raise NotFoundError(f"{table} has a key of {len(self._key(table))} columns")
        if not updates:
            found = self.conn.execute(self._statement(table, (), "exists"), key_values).fetchone()
            if found is None:
                raise NotFoundError
            return
        columns = tuple(updates)
        sql = self._statement(table, columns, "update")
        # The key's values come after the new ones, as the statement's placeholders do.
        rows = [(*stored_row(updates, columns), *key_values)]
        # No row changed is no row with that key, and nothing written: sqlite-utils looks first.
        if self._run(sql, rows, table, [updates], alter) == 0:
            raise NotFoundError

    def _run(
        self, sql: str, rows: list[tuple[Any, ...]], table: str, records: list[dict[str, Any]], alter: bool
    ) -> int:
        """Runs the statement over the rows; returns the rows changed."""
        try:
            return self._execute(sql, rows)
        except sqlite3.OperationalError as exc:
            # What `alter=True` does: a column the table lacks fails the statement before any row
            # is written (so once per new column set, not per row); the table gains the records'
            # columns, typed by sqlite-utils from their values, and the statement runs again.
            if not (alter and " column" in exc.args[0]):
                raise
            self.db[table].add_missing_columns(records)
            return self._execute(sql, rows)

    def _execute(self, sql: str, rows: list[tuple[Any, ...]]) -> int:
        if self.conn.in_transaction:
            return self.conn.executemany(sql, rows).rowcount
        with self.db.atomic():
            return self.conn.executemany(sql, rows).rowcount

    def _statement(self, table: str, columns: tuple[str, ...], mode: str) -> str:
        found = self._statements.get((table, columns, mode))
        if found is None:
            if len(self._statements) >= STATEMENTS_KEPT:
                self._statements.clear()
            found = self._statements[(table, columns, mode)] = self._build(table, columns, mode)
        return found

    def _build(self, table: str, columns: tuple[str, ...], mode: str) -> str:
        if mode in ("update", "exists"):
            where = " and ".join(f"{quote_identifier(column)} = ?" for column in self._key(table))
            if mode == "exists":
                return f"select 1 from {quote_identifier(table)} where {where}"
            sets = ", ".join(f"{quote_identifier(column)} = ?" for column in columns)
            return f"update {quote_identifier(table)} set {sets} where {where}"
        names = ", ".join(quote_identifier(column) for column in columns)
        marks = ", ".join("?" for _ in columns)
        verb = {"replace": "INSERT OR REPLACE", "ignore": "INSERT OR IGNORE"}.get(mode, "INSERT")
        sql = f"{verb} INTO {quote_identifier(table)} ({names}) VALUES ({marks})"
        if mode != "upsert":
            return sql
        key = self._key(table)
        updated = [quote_identifier(column) for column in columns if column not in key]
        conflict = ", ".join(quote_identifier(column) for column in key)
        if not updated:
            return f"{sql} ON CONFLICT({conflict}) DO NOTHING"
        assignments = ", ".join(f"{column} = excluded.{column}" for column in updated)
        return f"{sql} ON CONFLICT({conflict}) DO UPDATE SET {assignments}"

    def _key(self, table: str) -> tuple[str, ...]:
        if table not in self._keys:
            self._keys[table] = tuple(self.db[table].pks)
        return self._keys[table]


def _columns_of(records: list[dict[str, Any]]) -> tuple[str, ...]:
    """Every column any record names, in the order they first appear."""
    first = tuple(records[0])
    if all(len(record) == len(first) and tuple(record) == first for record in records[1:]):
        return first
    seen = dict.fromkeys(first)
    for record in records[1:]:
        seen.update(dict.fromkeys(record))
    return tuple(seen)
