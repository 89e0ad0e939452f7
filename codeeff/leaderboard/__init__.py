"""`codeeff leaderboard`: the runs of one or more stores as a static site (site.py, with
plots.py's SVG) or as Parquet and `datasets` tables (export.py), all from the same
tables (tables.py), which hold `codeeff report`'s figures."""
