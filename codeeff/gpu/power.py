"""The GPU's power state while a level is timed, read through NVML (`nvidia-ml-py`).

An H200 at its 700 W cap lowers its SM clock by several percent from one burst to the
next (bench/results/gpu_tasks_h200.md): a compute-bound level measured there has a wider
run-to-run spread than one at full clock, so the level record says so. The runner takes
a sample right after every timed burst (the clocks and the throttle reasons are the
state of that moment; the power reading is NVML's own short average), in this trusted
process, never in a worker. Without NVML (the package or the driver library missing)
the record says "not measured" and why.
"""

from __future__ import annotations

import statistics
from typing import Any

# NVML's clock-event (throttle) reason bits, by the names the reports use.
REASONS = {
    0x1: "gpu_idle", 0x2: "applications_clocks", 0x4: "sw_power_cap", 0x8: "hw_slowdown",
    0x10: "sync_boost", 0x20: "sw_thermal", 0x40: "hw_thermal", 0x80: "hw_power_brake",
    0x100: "display_clocks",
}  # fmt: skip
# The reasons that mean the clock was held down by a power (or thermal) limit.
CAPPING = frozenset({"sw_power_cap", "hw_slowdown", "sw_thermal", "hw_thermal", "hw_power_brake"})


def reason_names(mask: int) -> list[str]:
    return [name for bit, name in REASONS.items() if mask & bit]


class PowerMonitor:
    """NVML's view of one GPU, found by its UUID (the worker's CUDA device 0)."""

    def __init__(self, uuid: str | None, why_not: str = ""):
        """`why_not`: make a monitor that samples nothing, for that reason."""
        self.why_not = f"not measured: {why_not}" if why_not else ""
        self.handle = None
        if why_not:
            return
        try:
            import pynvml

            pynvml.nvmlInit()
            if uuid:  # torch writes it without NVML's "GPU-" prefix
                self.handle = pynvml.nvmlDeviceGetHandleByUUID(f"GPU-{uuid}".encode())
            else:
                self.handle = pynvml.nvmlDeviceGetHandleByIndex(0)
            self.nvml = pynvml
            self.limit_w = pynvml.nvmlDeviceGetEnforcedPowerLimit(self.handle) / 1000
        except ImportError:
            self.why_not = "not measured: the nvidia-ml-py package is not installed"
        except Exception as error:  # NVML missing or refusing: said, never fatal
            self.why_not = f"not measured: NVML failed ({type(error).__name__}: {error})"
            self.handle = None

    def sample(self) -> dict[str, Any] | None:
        if self.handle is None:
            return None
        nvml = self.nvml
        try:
            reasons = nvml.nvmlDeviceGetCurrentClocksEventReasons(self.handle)
        except AttributeError:  # nvidia-ml-py before the rename
            reasons = nvml.nvmlDeviceGetCurrentClocksThrottleReasons(self.handle)
        return {
            "sm_mhz": nvml.nvmlDeviceGetClockInfo(self.handle, nvml.NVML_CLOCK_SM),
            "mem_mhz": nvml.nvmlDeviceGetClockInfo(self.handle, nvml.NVML_CLOCK_MEM),
            "power_w": nvml.nvmlDeviceGetPowerUsage(self.handle) / 1000,
            "reasons": int(reasons),
        }


def _spread(values: list[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def summarize(samples: list[dict[str, Any]], monitor: PowerMonitor) -> dict[str, Any]:
    """A level's power state from its samples: clocks and power (min, median, max), every
    throttle reason seen, and whether a power limit held the clock down in any sample
    (`power_capped`, with the share of samples)."""
    if monitor.handle is None:
        return {"measured": False, "why": monitor.why_not}
    if not samples:
        return {"measured": False, "why": "not measured: no sample was taken"}
    mask = 0
    capped = 0
    for sample in samples:
        mask |= sample["reasons"]
        capped += bool(CAPPING & set(reason_names(sample["reasons"])))
    return {
        "measured": True,
        "samples": len(samples),
        "sm_clock_mhz": _spread([s["sm_mhz"] for s in samples]),
        "mem_clock_mhz": _spread([s["mem_mhz"] for s in samples]),
        "power_w": _spread([s["power_w"] for s in samples]),
        "power_limit_w": monitor.limit_w,
        "throttle_reasons": reason_names(mask),
        "power_capped": capped > 0,
        "power_capped_share": capped / len(samples),
    }
