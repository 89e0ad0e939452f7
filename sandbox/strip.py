"""Strips the sandbox image's root file system down to what a candidate needs.

Run last by setup.sh, as root inside that file system, with the image's own python3 (the
one program that stays, so it can delete the shell and the tools it would otherwise run
on). The lists come from image.env, through setup.sh's environment.

- Kept: the packages of PACKAGES and KEEP_PACKAGES and every package they depend on
  (Pre-Depends, Depends; alternatives and virtual packages resolved to what is
  installed), except INSTALL_ONLY_PACKAGES, which only maintainer scripts need.
- Deleted: the files of every other installed package (as dpkg lists them, and what it
  diverted: a file that a kept package lists too, under any path, stays), the links
  left dangling in the program folders, then STRIP_PATHS, the documents but
  the copyright files, numpy's tests; every set-user-id and set-group-id bit is cleared.
- Frozen: the alternatives (links through /etc/alternatives point at their choice).
- Recorded: the kept packages and versions, in MANIFEST (dpkg's own database goes).
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import stat
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD_DIR = "/codeeff-build"
STATUS = "/var/lib/dpkg/status"
INFO_DIR = "/var/lib/dpkg/info"
DIVERSIONS = "/var/lib/dpkg/diversions"
MANIFEST = "/usr/share/doc/codeeff-sandbox/packages"
DOC_DIR = "/usr/share/doc"
TESTS_UNDER = "/usr/lib/python3/dist-packages"
ALTERNATIVES = "/etc/alternatives"
LINK_DIRS = ("/usr/bin", "/usr/sbin", "/usr/local/bin")


def fail(message: str) -> None:
    sys.exit(f"strip.py: error: {message}")


def words(name: str) -> list[str]:
    return os.environ.get(name, "").split()


def installed_packages() -> dict[str, dict[str, str]]:
    """dpkg's status file: the fields of every installed package, by name."""
    packages = {}
    with open(STATUS, encoding="utf-8") as handle:
        for paragraph in handle.read().split("\n\n"):
            fields: dict[str, str] = {}
            key = None
            for line in paragraph.splitlines():
                if line[:1] in (" ", "\t") and key is not None:
                    fields[key] += "\n" + line
                elif ":" in line:
                    key, _, value = line.partition(":")
                    fields[key] = value.strip()
            if fields.get("Status", "").endswith(" installed"):
                packages[fields["Package"]] = fields
    return packages


def bare_name(entry: str) -> str:
    """`python3:any (>= 3.11~)` -> `python3`."""
    return re.sub(r"\(.*?\)|\[.*?\]", "", entry).split(":")[0].strip()


def dependency_groups(fields: dict[str, str]) -> list[list[str]]:
    """Each Pre-Depends and Depends entry as its list of alternatives."""
    groups = []
    for field in ("Pre-Depends", "Depends"):
        for group in fields.get(field, "").split(","):
            alternatives = [bare_name(entry) for entry in group.split("|")]
            alternatives = [name for name in alternatives if name]
            if alternatives:
                groups.append(alternatives)
    return groups


def needed_packages(
    packages: dict[str, dict[str, str]], roots: list[str], install_only: set[str]
) -> set[str]:
    """The roots and what they depend on, transitively (install_only not followed)."""
    providers: dict[str, list[str]] = {}
    for name, fields in packages.items():
        for entry in fields.get("Provides", "").split(","):
            if bare_name(entry):
                providers.setdefault(bare_name(entry), []).append(name)
    keep: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in keep or name in install_only:
            continue
        if name not in packages:
            fail(f"{name} is not installed")
        keep.add(name)
        for alternatives in dependency_groups(packages[name]):
            candidates = [
                found
                for wanted in alternatives
                for found in ([wanted] if wanted in packages else providers.get(wanted, []))
            ]
            if not candidates:
                fail(f"{name} needs one of {alternatives}, and none is installed")
            todo.append(next((found for found in candidates if found in keep), candidates[0]))
    return keep


def listed_paths(name: str) -> list[str]:
    """The paths dpkg installed for a package (its files, links and directories)."""
    paths = []
    pattern = glob.escape(f"{INFO_DIR}/{name}")
    for list_file in glob.glob(f"{pattern}.list") + glob.glob(f"{pattern}:*.list"):
        with open(list_file, encoding="utf-8", errors="surrogateescape") as handle:
            paths += [line.rstrip("\n") for line in handle if line.strip() not in ("", "/.")]
    return paths


def canonical(path: str) -> str:
    """The path with its directories' links resolved (merged /usr: /bin/x is /usr/bin/x),
    the last part left as it is."""
    return os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))


def diversions() -> list[tuple[str, str, str]]:
    """dpkg's diversions: (the diverting package's path, where the diverted file went,
    the diverting package)."""
    if not os.path.exists(DIVERSIONS):
        return []
    with open(DIVERSIONS, encoding="utf-8", errors="surrogateescape") as handle:
        lines = handle.read().splitlines()
    return [tuple(lines[index : index + 3]) for index in range(0, len(lines) - 2, 3)]


def remove_packages(packages: dict[str, dict[str, str]], keep: set[str]) -> int:
    """Delete the files of every installed package not kept; its directories too, when
    they are empty then. Returns how many files went."""
    kept = {canonical(path) for name in keep for path in listed_paths(name)}
    doomed = {name: listed_paths(name) for name in sorted(set(packages) - keep)}
    for path, diverted_to, package in diversions():  # dash's /bin/sh, say
        if package in keep:
            kept |= {canonical(path), canonical(diverted_to)}
        else:
            doomed.setdefault(package, []).extend((path, diverted_to))
    directories, removed = set(), 0
    for paths in doomed.values():
        for path in paths:
            if os.path.isdir(path):  # links to directories too: merged /usr lists /bin
                directories.add(path)
            elif os.path.lexists(path) and canonical(path) not in kept:
                os.unlink(path)
                removed += 1
    for path in sorted(directories, key=lambda path: path.count("/"), reverse=True):
        if os.path.islink(path) or canonical(path) in kept:
            continue
        try:
            os.rmdir(path)
        except OSError:  # not empty: it holds kept or unlisted files
            pass
    return removed


def freeze_alternatives() -> int:
    """Links to /etc/alternatives/X replaced by links to what X chooses, and the folder
    removed: update-alternatives went with dpkg, and a library is then found with /usr
    alone (the docker backend's bwrap binds /usr and ld.so.cache, no /etc: numpy's
    libblas.so.3 and liblapack.so.3 are alternatives). Returns how many were replaced."""
    frozen = 0
    for directory, subdirectories, files in os.walk("/usr"):
        for name in files + subdirectories:  # a link to a directory is listed as one
            path = os.path.join(directory, name)
            if os.path.islink(path) and os.readlink(path).startswith(ALTERNATIVES + "/"):
                target = os.path.realpath(path)
                if os.path.exists(target):  # the dangling ones go in remove_dangling_links
                    os.unlink(path)
                    os.symlink(target, path)
                    frozen += 1
    return frozen


def remove_dangling_links() -> None:
    """Links left pointing at removed files (alternatives: pager -> more)."""
    for directory in filter(os.path.isdir, LINK_DIRS):
        for name in os.listdir(directory):
            path = os.path.join(directory, name)
            if os.path.islink(path) and not os.path.exists(path):
                os.unlink(path)


def remove_path(path: str) -> None:
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.unlink(path)


def remove_documents() -> None:
    """Everything under /usr/share/doc but the copyright files (and the folders left)."""
    for directory, subdirectories, files in os.walk(DOC_DIR, topdown=False):
        for name in files + [name for name in subdirectories
                             if os.path.islink(os.path.join(directory, name))]:  # fmt: skip
            if name != "copyright":
                os.unlink(os.path.join(directory, name))
        if directory != DOC_DIR and not os.listdir(directory):
            os.rmdir(directory)


def remove_tests() -> None:
    """The packages' test suites (numpy's: not importable API; numpy.testing stays)."""
    for directory, subdirectories, _ in os.walk(TESTS_UNDER):
        if "tests" in subdirectories:
            shutil.rmtree(os.path.join(directory, "tests"))
            subdirectories.remove("tests")


def clear_set_id_bits() -> int:
    """No set-user-id or set-group-id files on the root file system (no-new-privileges
    disarms them at run time anyway)."""
    root_device, cleared = os.lstat("/").st_dev, 0
    for directory, subdirectories, files in os.walk("/"):
        subdirectories[:] = [
            name for name in subdirectories
            if os.lstat(os.path.join(directory, name)).st_dev == root_device
        ]  # fmt: skip
        for name in files:
            path = os.path.join(directory, name)
            mode = os.lstat(path).st_mode
            if stat.S_ISREG(mode) and mode & (stat.S_ISUID | stat.S_ISGID):
                os.chmod(path, stat.S_IMODE(mode) & ~(stat.S_ISUID | stat.S_ISGID))
                cleared += 1
    return cleared


def main() -> None:
    if HERE != BUILD_DIR or os.getuid() != 0 or not os.path.exists(STATUS):
        fail(f"runs only from {BUILD_DIR} of an image's root file system, as root (setup.sh)")
    packages = installed_packages()
    keep = needed_packages(
        packages, words("PACKAGES") + words("KEEP_PACKAGES"), set(words("INSTALL_ONLY_PACKAGES"))
    )
    manifest = sorted(
        f"{name} {packages[name]['Version']} {packages[name].get('Architecture', '')}\n"
        for name in keep
    )
    removed = remove_packages(packages, keep)
    print(f"strip.py: kept {len(keep)} packages, removed {len(packages) - len(keep)} "
          f"({removed} files): {' '.join(sorted(set(packages) - keep))}")  # fmt: skip
    for pattern in words("STRIP_PATHS"):
        for path in glob.glob(pattern):
            remove_path(path)
    print(f"strip.py: froze {freeze_alternatives()} alternatives")
    remove_path(ALTERNATIVES)
    remove_dangling_links()
    remove_documents()
    remove_tests()
    print(f"strip.py: cleared the set-id bits of {clear_set_id_bits()} files")
    os.makedirs(os.path.dirname(MANIFEST), exist_ok=True)
    with open(MANIFEST, "w", encoding="utf-8") as handle:
        handle.writelines(manifest)
    subprocess.run(["/sbin/ldconfig"], check=True)  # the loader's cache without removed libraries
    shutil.rmtree(BUILD_DIR)


if __name__ == "__main__":
    main()
