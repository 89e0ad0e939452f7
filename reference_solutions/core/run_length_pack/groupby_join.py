from itertools import groupby


def run_length_pack(text: str) -> str:
    # itertools.groupby cuts the runs; each run is measured by materialising it.
    return "".join(char + str(len(list(run))) for char, run in groupby(text))
