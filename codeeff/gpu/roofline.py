"""Peak figures of known GPUs, for "achieved fraction of peak" (vendor datasheet values).

A device missing here gets no fraction (reported as not measured), never a guess.
"""

from __future__ import annotations

HOPPER_FLOPS = {"float32": 67e12, "float16": 989e12, "bfloat16": 989e12,
                "float8_e4m3fn": 1979e12, "float8_e5m2": 1979e12}  # fmt: skip
# name fragment -> (HBM bytes/s, {dtype: dense FLOP/s})
PEAKS: dict[str, tuple[float, dict[str, float]]] = {
    "H200": (4.8e12, HOPPER_FLOPS),
    "H100 SXM": (3.35e12, HOPPER_FLOPS),
    "A100": (2.0e12, {"float32": 19.5e12, "float16": 312e12, "bfloat16": 312e12}),
}


def peak_for(device_name: str | None) -> tuple[float, dict[str, float]] | None:
    for fragment, peak in PEAKS.items():
        if device_name and fragment in device_name:
            return peak
    return None


def compute_dtype(params: dict) -> str:
    """The dtype whose FLOP peak a level is held to: `compute_dtype` where the inputs'
    dtype is not the one the level names (fp8 operands with a bf16 output), else its
    `dtype`, else float32."""
    return params.get("compute_dtype") or params.get("dtype") or "float32"


def fraction_of_peak(device_name: str | None, dtype: str, bytes_moved: int | None,
                     flops: int | None, seconds: float) -> dict[str, float | None]:  # fmt: skip
    """Achieved bandwidth and FLOP rate as fractions of the device's peak."""
    peak = peak_for(device_name)
    if peak is None or not seconds > 0:
        return {"bandwidth": None, "flops": None}
    bandwidth, flop_rates = peak
    return {
        "bandwidth": bytes_moved / seconds / bandwidth if bytes_moved else None,
        "flops": flops / seconds / flop_rates[dtype] if flops and dtype in flop_rates else None,
    }
