"""`codeeff leaderboard`: a site built from stores of real evaluations (reference tiers
and a mixed samples file, on two suites, in two stores), opened in a real headless
Chromium; and the Parquet and `datasets` exports read back against `codeeff report`."""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import shutil
from pathlib import Path

import pytest

from codeeff.cli import main
from codeeff.store import Store
from tests.fixtures.mini_suite import CRASH, EXPERT, NAIVE, SLOW, WRONG, write_mini_suite

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# Where CI keeps the screenshot (an artefact path; the checkout ignores it).
ARTIFACTS = Path(
    os.environ.get("CODEEFF_ARTIFACTS", Path(__file__).resolve().parents[1] / "artifacts")
)


def _evaluate(root: Path, db: Path, suite: str, label: str, solutions: dict[str, list[str]],
              tiers: bool) -> None:  # fmt: skip
    samples = root / f"{label}.jsonl"
    lines = [{"task_id": f"{suite}/{task}", "solution": source}
             for task, sources in solutions.items() for source in sources]  # fmt: skip
    samples.write_text("".join(json.dumps(line) + "\n" for line in lines))
    arguments = ["evaluate", "--samples", str(samples), "--suite", suite, "--root", str(root),
                 "--db", str(db), "--label", label, "--quiet"]  # fmt: skip
    assert main(arguments + ([] if tiers else ["--no-tiers"])) == 0


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> list[Path]:
    """Two stores: suite `mini` (an expert run with tiers, a naive run, a mixed run) and
    suite `minib` (an expert run), as two machines would leave them."""
    root = tmp_path_factory.mktemp("board")
    # `main` puts --root into CODEEFF_ROOT (for the workers it spawns): put it back after,
    # or every later test in this process would search this folder first.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CODEEFF_ROOT", os.environ.get("CODEEFF_ROOT", ""))
        return _evaluated_stores(root)


def _evaluated_stores(root: Path) -> list[Path]:
    write_mini_suite(root, {"alpha": 60_000, "beta": 80_000})
    write_mini_suite(root, {"gamma": 70_000}, suite="minib")
    first, second = root / "first.db", root / "second.db"
    _evaluate(root, first, "mini", "expert-model", {"alpha": [EXPERT], "beta": [EXPERT]}, True)
    _evaluate(root, first, "mini", "naive-model", {"alpha": [NAIVE], "beta": [NAIVE]}, False)
    _evaluate(root, first, "mini", "mixed-model",
              {"alpha": [EXPERT, WRONG, SLOW], "beta": [CRASH, EXPERT, NAIVE]}, False)  # fmt: skip
    _evaluate(root, second, "minib", "expert-model", {"gamma": [EXPERT, EXPERT]}, False)
    return [first, second]


def _report(db: Path) -> list[dict]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["report", "--db", str(db), "--format", "json"]) == 0
    return json.loads(out.getvalue())


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


def test_the_exports_read_back_with_the_figures_report_gives(stores, tmp_path):
    import datasets
    import pyarrow.parquet as pq

    assert main(["leaderboard", *[f"--db={db}" for db in stores], "--format", "parquet",
                 "-o", str(tmp_path / "parquet")]) == 0  # fmt: skip
    assert main(["leaderboard", *[f"--db={db}" for db in stores], "--format", "datasets",
                 "-o", str(tmp_path / "hf")]) == 0  # fmt: skip
    reported = {run["run"]["run_id"]: run for db in stores for run in _report(db)}
    runs = pq.read_table(tmp_path / "parquet" / "runs.parquet").to_pylist()
    loaded = datasets.load_from_disk(str(tmp_path / "hf"))
    assert runs == loaded["runs"].to_list()
    assert sorted(row["run_id"] for row in runs) == sorted(reported)
    for row in runs:
        summary = reported[row["run_id"]]["summary"]
        for metric in ("pass@1", "eff@1", "speedup", "beyond@1", "net", "nmu", "ntmu"):
            name = metric.replace("@", "_at_")
            assert _same(row[name], summary.get(metric)), (row["model"], metric)
            interval = summary["ci95"].get(metric) or [None, None]
            assert _same(row[f"{name}_ci_low"], interval[0])
            assert _same(row[f"{name}_ci_high"], interval[1])
    tasks = pq.read_table(tmp_path / "parquet" / "tasks.parquet").to_pylist()
    for row in tasks:
        task = reported[row["run_id"]]["tasks"][row["task_id"]]
        assert _same(row["eff_at_1"], task["eff@1"]) and row["n"] == task["n"]
    samples = loaded["samples"].to_list()
    assert len(samples) == 2 + 2 + 6 + 2
    mixed = [s["verdict"] for s in samples if s["run_id"] in
             {r["run_id"] for r in runs if r["model"] == "mixed-model"}]  # fmt: skip
    assert sorted(mixed) == sorted(["OK", "WA", "TLE", "RE", "OK", "TLE"])


def test_the_site_opens_in_chromium_sorts_plots_and_requests_nothing(stores, tmp_path):
    assert CHROMIUM and CHROMEDRIVER, "the test needs chromium and chromium-driver (apt)"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    # The second machine's sandboxes lacked seccomp: its run is marked.
    second = tmp_path / "second.db"
    shutil.copy(stores[1], second)
    with Store(second) as store:
        (run,) = store.runs()
        held = dict(run["machine"]["sandbox_guarantees"], seccomp=False)
        store.update_machine(run["run_id"], sandbox_guarantees=held)
    site = tmp_path / "site"
    assert main(["leaderboard", f"--db={stores[0]}", f"--db={second}", "-o", str(site)]) == 0
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,2400",
                 "--disable-dev-shm-usage"):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.get((site / "index.html").as_uri())
        rows = driver.find_elements(By.CSS_SELECTOR, "#runs tr.run")
        assert len(rows) == 4  # every run is a row
        headers = driver.find_elements(By.CSS_SELECTOR, "#runs th")
        eff = next(h for h in headers if h.text.strip() == "eff@1")
        column = headers.index(eff)

        def column_values() -> list[str]:
            return [row.find_elements(By.TAG_NAME, "td")[column].get_attribute("data-value")
                    for row in driver.find_elements(By.CSS_SELECTOR, "#runs tr.run")]  # fmt: skip

        eff.click()
        ascending = [float(v) for v in column_values()]
        assert ascending == sorted(ascending) and ascending[0] < ascending[-1]
        eff.click()
        assert [float(v) for v in column_values()] == sorted(ascending, reverse=True)
        marked = driver.find_elements(By.CSS_SELECTOR, "#runs tr.run .warn")
        assert [m.find_element(By.XPATH, "ancestor::tr").get_attribute("data-suite")
                for m in marked] == ["minib"]  # fmt: skip
        clean = driver.find_element(By.CSS_SELECTOR, "#runs tr.run[data-suite='mini']")
        clean.find_element(By.TAG_NAME, "button").click()  # its machine, one click away
        details = driver.find_element(By.CSS_SELECTOR, "tr.details:not([hidden])")
        assert "every sandbox guarantee held" in details.text and "seccomp" in details.text
        marked[0].find_element(By.XPATH, "ancestor::tr").find_element(By.TAG_NAME, "button").click()
        shown = driver.find_elements(By.CSS_SELECTOR, "tr.details:not([hidden])")
        assert any("missing: seccomp" in row.text for row in shown)
        suite_filter = driver.find_element(By.ID, "suite-filter")
        suite_filter.find_element(By.CSS_SELECTOR, "option[value='minib']").click()
        visible = [row for row in driver.find_elements(By.CSS_SELECTOR, "#runs tr.run")
                   if row.is_displayed()]  # fmt: skip
        assert len(visible) == 1
        svgs = driver.find_elements(By.CSS_SELECTOR, ".plot svg")
        assert len(svgs) >= 4  # scatter, a heatmap per suite, speedup distribution
        for svg in svgs:
            assert svg.size["width"] > 0 and svg.size["height"] > 0
            assert svg.find_elements(By.CSS_SELECTOR, "circle, rect, line")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        suite_filter.find_element(By.CSS_SELECTOR, "option[value='']").click()
        assert driver.save_screenshot(str(ARTIFACTS / "leaderboard.png"))
        first_run = rows[0].find_element(By.TAG_NAME, "a").get_attribute("href")
        driver.get(first_run)
        assert driver.find_elements(By.CSS_SELECTOR, "#tasks tr.task")
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        assert errors == []
        requested = [
            json.loads(entry["message"])["message"]["params"]["request"]["url"]
            for entry in driver.get_log("performance")
            if json.loads(entry["message"])["message"]["method"] == "Network.requestWillBeSent"
        ]  # fmt: skip
        assert requested and all(url.startswith("file://") for url in requested), requested
    finally:
        driver.quit()


def test_a_recorded_h200_run_shows_speedup_over_eager_and_share_of_peak_per_task(tmp_path):
    """The GPU plots from a real run: the triton experts measured on an H200, its store's
    rows kept in tests/fixtures (CI has no GPU). The device's sandboxes had no cgroups:
    the run is marked."""
    import gzip

    from codeeff.leaderboard.site import write_site
    from codeeff.leaderboard.tables import collect
    from codeeff.store import StoredResult

    recorded = json.loads(gzip.decompress((FIXTURES / "h200_triton_run.json.gz").read_bytes()))
    run = recorded["run"]
    db = tmp_path / "gpu.db"
    with Store(db) as store:
        store.ensure_run(run["run_id"], run["label"], run["suite"], run["config"],
                         run["machine"], run["samples_path"])  # fmt: skip
        for result in recorded["results"]:
            store.add_result(StoredResult(**result))
    board = collect([db])
    (row,) = board.run_rows
    assert row["kind"] == "triton" and "cgroup_memory" in row["missing_guarantees"]
    page = write_site(board, tmp_path / "site").read_text()
    speedups = page[page.index("speedup over PyTorch eager") : page.index("% of the GPU")]
    peaks = page[page.index("% of the GPU") :]
    tasks = board.runs[0]["tasks"]
    assert speedups.count("<rect") == sum(t["speedup_eager"] is not None for t in tasks.values())
    assert peaks.count("<rect") == len(tasks) == 10
    for task_id, task in tasks.items():
        title = f"{row['model']} ({row['run_id'][:6]}): {task['speedup_eager']:.3g}</title>"
        assert title in speedups, task_id
    assert "&#9888;" in page
