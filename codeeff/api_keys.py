"""API keys of the sandbox API (`codeeff serve`): created, listed and revoked with
`codeeff keys`, kept in a JSON file that holds only their SHA-256 hashes.

A key is `ce_<id>_<secret>`: the id names it in logs, listings and the jobs it owns
without revealing it; the secret is 32 random bytes, shown once when it is made. The
server compares hashes in constant time, so a wrong key learns nothing from timing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path

PREFIX = "ce_"


@dataclass
class ApiKey:
    key_id: str
    name: str
    sha256: str
    created_at: float
    revoked: bool = False
    # Whether this key's results show a failed edge case's input, expected and actual
    # answer (off by default: a benchmark's keys must not learn its edge cases).
    show_failed_cases: bool = False


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def load_keys(path: Path) -> list[ApiKey]:
    if not path.exists():
        return []
    return [ApiKey(**entry) for entry in json.loads(path.read_text(encoding="utf-8"))]


def _save(path: Path, keys: list[ApiKey]) -> None:
    """Write atomically (a server may read the file at any moment), readable by the owner
    only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(json.dumps([asdict(key) for key in keys], indent=1), encoding="utf-8")
    temporary.chmod(0o600)
    temporary.replace(path)


def create_key(path: Path, name: str, show_failed_cases: bool = False) -> tuple[ApiKey, str]:
    """A new key, stored hashed; returns it and the token, which is not kept anywhere."""
    keys = load_keys(path)
    key_id = secrets.token_hex(4)
    while any(key.key_id == key_id for key in keys):
        key_id = secrets.token_hex(4)
    token = f"{PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
    key = ApiKey(key_id, name, _digest(token), time.time(), show_failed_cases=show_failed_cases)
    _save(path, [*keys, key])
    return key, token


def revoke_key(path: Path, key_id: str) -> bool:
    """Revoke a key by id; False if there is no such key."""
    keys = load_keys(path)
    found = [key for key in keys if key.key_id == key_id]
    for key in found:
        key.revoked = True
    if found:
        _save(path, keys)
    return bool(found)


def authenticate(keys: list[ApiKey], token: str | None) -> ApiKey | None:
    """The live key whose hash the token has, or None."""
    if not token or not token.startswith(PREFIX):
        return None
    digest = _digest(token)
    match = None
    for key in keys:  # every key compared, whichever matches: the time says nothing
        if hmac.compare_digest(key.sha256, digest) and not key.revoked:
            match = key
    return match
