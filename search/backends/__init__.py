"""Search backends of the site (see docs/search.md).

- ``search.backends.database``: Wagtail's database backend (SQLite FTS5, PostgreSQL) that folds
  accents and case in queries, to match the folded copy of the text pages index.
- ``search.backends.elasticsearch``: Wagtail's Elasticsearch 9 backend with one index per
  language (a language analyzer, accent-folded copies of the text), an all-languages index, a
  short timeout and a fallback to the database backend when the cluster is unreachable.
"""
