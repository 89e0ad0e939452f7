"""The leaderboard's tables as files: Parquet (runs.parquet, tasks.parquet,
samples.parquet) or a Hugging Face `datasets` folder (a DatasetDict with the splits
runs, tasks and samples, from `save_to_disk`), so that results load with
`pyarrow.parquet.read_table` or `datasets.load_from_disk` and can be pushed to a hub.
The schema is in docs/leaderboard.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from codeeff.leaderboard.tables import Leaderboard

TABLES = ("runs", "tasks", "samples")


def _arrow_tables(board: Leaderboard) -> dict[str, Any]:
    """One Arrow table per leaderboard table; every row has every column (None where a
    run's kind has no such metric), so one schema holds runs of several kinds."""
    import pyarrow as pa

    tables = {}
    for name, rows in zip(TABLES, (board.run_rows, board.task_rows, board.sample_rows),
                          strict=True):  # fmt: skip
        names = list(dict.fromkeys(key for row in rows for key in row))
        tables[name] = pa.table({key: [row.get(key) for row in rows] for key in names})
    return tables


def write_parquet(board: Leaderboard, folder: Path) -> list[Path]:
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in _arrow_tables(board).items():
        pq.write_table(table, folder / f"{name}.parquet")
        written.append(folder / f"{name}.parquet")
    return written


def write_datasets(board: Leaderboard, folder: Path) -> Path:
    """A DatasetDict (splits runs, tasks, samples) saved with `save_to_disk`."""
    try:
        from datasets import Dataset, DatasetDict
    except ImportError:
        raise RuntimeError("the datasets export needs: pip install 'codeeff[import]'") from None
    splits = {name: Dataset(table) for name, table in _arrow_tables(board).items()}
    DatasetDict(splits).save_to_disk(str(folder))
    return folder
