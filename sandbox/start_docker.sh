#!/usr/bin/env bash
# Everything the docker backend's tests need, on a fresh Debian machine as root (what the
# README's test command and .ci/run do): Docker and debootstrap from Debian's packages,
# the Docker daemon started here if none answers, and the sandbox image built offline
# (build_offline.sh; skipped when the recipe's tag exists). Idempotent.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap >/dev/null
fi
if ! docker info >/dev/null 2>&1; then
    # No daemon answers: start one (its log beside the other temporary files).
    nohup dockerd >"${TMPDIR:-/tmp}/codeeff-dockerd.log" 2>&1 &
    for _ in $(seq 120); do
        docker info >/dev/null 2>&1 && break
        sleep 0.5
    done
    docker info >/dev/null 2>&1 || {
        echo "start_docker.sh: dockerd did not start; its log:" >&2
        tail -20 "${TMPDIR:-/tmp}/codeeff-dockerd.log" >&2
        exit 1
    }
fi
"$here/build_offline.sh" >/dev/null
