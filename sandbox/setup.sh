#!/bin/sh
# Turns a Debian root file system into codeeff's sandbox image. Run as root INSIDE that
# file system, from /codeeff-build with image.env and strip.py beside it: both recipes
# (the Dockerfile's RUN, build_offline.sh's chroot) copy the three there and run this,
# so they install and remove the same things. Not for a host: strip.py deletes the shells,
# the tools and the package managers of the system it runs in.
#
#   SETUP_APT=0  skip apt (update, upgrade, install): the packages are there already
#                (build_offline.sh --no-updates: debootstrap --include installed them)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
if [ "$here" != /codeeff-build ] || [ ! -f /etc/debian_version ]; then
    echo "setup.sh: refusing to run outside an image build (it runs in /codeeff-build of" \
        "the image's root file system, and wrecks the system it runs in)" >&2
    exit 1
fi
. "$here/image.env"
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin

# 1. The packages, with the release's latest fixes (the same in both recipes).
if [ "${SETUP_APT:-1}" != 0 ]; then
    apt_get="apt-get -y -o Dpkg::Use-Pty=0 -o Dpkg::Options::=--force-confold"
    $apt_get update
    $apt_get upgrade
    # shellcheck disable=SC2086  # a list of names
    $apt_get install --no-install-recommends $PACKAGES
fi
# shellcheck disable=SC2086
dpkg-query -W $PACKAGES $KEEP_PACKAGES >/dev/null  # fails loudly if one is missing

# 2. The unprivileged user: fixed ids, no home, no login shell, no password.
if ! grep -q "^$SANDBOX_USER:" /etc/passwd; then
    echo "$SANDBOX_USER:x:$SANDBOX_GID:" >>/etc/group
    echo "$SANDBOX_USER:!::" >>/etc/gshadow
    printf '%s:x:%s:%s:codeeff sandbox:/nonexistent:/usr/sbin/nologin\n' \
        "$SANDBOX_USER" "$SANDBOX_UID" "$SANDBOX_GID" >>/etc/passwd
    echo "$SANDBOX_USER:!:::::::" >>/etc/shadow
fi
for file in /etc/passwd /etc/shadow /etc/group /etc/gshadow; do
    sed -i '/^_apt:/d' "$file"  # apt's download user goes with apt
done

# 3. Everything else goes (strip.py), done by the one program that stays: python3. It
#    deletes this folder too; nothing may run here after it (no rm, no sh are left).
export PACKAGES KEEP_PACKAGES INSTALL_ONLY_PACKAGES STRIP_PATHS
exec /usr/bin/python3 -I -S "$here/strip.py"
