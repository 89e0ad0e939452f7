#!/usr/bin/env bash
# Builds codeeff's sandbox image without a container registry: a Debian root file system
# made by debootstrap from a Debian mirror, turned into the image by the same setup.sh
# and strip.py the Dockerfile runs (the lists: image.env), and imported with the
# Dockerfile's own LABEL/ENV/USER/WORKDIR lines.
# Prints the image's tag as the last line of its output (everything else goes to stderr):
#
#   tag=$(sudo sandbox/build_offline.sh)
#
# The tag's version is a hash of the recipe files, so a changed recipe gives a new tag.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RECIPE_FILES=(Dockerfile build_offline.sh image.env setup.sh strip.py)
REPOSITORY=codeeff-sandbox
# shellcheck source=image.env
. "$here/image.env"

usage() {
    cat <<EOF
usage: $0 [options]

Builds the image codeeff's docker backend runs sandboxes in (see README.md here) from
Debian packages: debootstrap, chroot, docker import. Needs root, debootstrap and a
running Docker daemon; reaches a Debian mirror, no registry.

  --mirror URL           Debian mirror (default \$CODEEFF_SANDBOX_MIRROR, else
                         http://deb.debian.org/debian)
  --security-mirror URL  mirror of the security updates (default
                         \$CODEEFF_SANDBOX_SECURITY_MIRROR, else
                         http://deb.debian.org/debian-security)
  --no-updates           the release as the mirror's $SUITE suite has it: no
                         updates, no apt inside the root file system (for a
                         mirror the chroot cannot reach, as file://); the tag
                         gets "-point"
  --tag TAG              image tag (default $REPOSITORY:<recipe hash>)
  --force                build even if the tag exists (it is replaced)
  --print-tag            print the tag and exit
  --print-recipe         print the recipe hash and exit (the Dockerfile's RECIPE)
  -h, --help             this text
EOF
}

die() {
    echo "build_offline.sh: error: $*" >&2
    exit 1
}

say() {
    echo "build_offline.sh: $*" >&2
}

# sha256 over each recipe file's name and bytes, NUL-separated, in this order; 12 digits.
recipe_hash() {
    local file
    for file in "${RECIPE_FILES[@]}"; do
        printf '%s\0' "$file"
        cat "$here/$file"
        printf '\0'
    done | sha256sum | cut -c1-12
}

mirror=${CODEEFF_SANDBOX_MIRROR:-http://deb.debian.org/debian}
security_mirror=${CODEEFF_SANDBOX_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
updates=1
tag=
force=0
print=
while (($#)); do
    case $1 in
    --mirror) mirror=${2:?--mirror needs a URL}; shift ;;
    --mirror=*) mirror=${1#*=} ;;
    --security-mirror) security_mirror=${2:?--security-mirror needs a URL}; shift ;;
    --security-mirror=*) security_mirror=${1#*=} ;;
    --no-updates) updates=0 ;;
    --tag) tag=${2:?--tag needs a name}; shift ;;
    --tag=*) tag=${1#*=} ;;
    --force) force=1 ;;
    --print-tag) print=tag ;;
    --print-recipe) print=recipe ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
done

for file in "${RECIPE_FILES[@]}"; do
    [[ -f $here/$file ]] || die "$here/$file is missing"
done
recipe=$(recipe_hash)
if [[ -z $tag ]]; then
    tag=$REPOSITORY:$recipe
    ((updates)) || tag+=-point
fi
case $print in
tag) echo "$tag"; exit 0 ;;
recipe) echo "$recipe"; exit 0 ;;
esac

[[ $(id -u) == 0 ]] || die "needs root (debootstrap and chroot): run it with sudo"
command -v debootstrap >/dev/null ||
    die "debootstrap is not installed: apt-get install -y debootstrap docker.io"
command -v docker >/dev/null ||
    die "docker is not installed: apt-get install -y debootstrap docker.io"
docker info >/dev/null 2>&1 ||
    die "the Docker daemon does not answer: start it (systemctl start docker, or" \
        "dockerd >/tmp/dockerd.log 2>&1 &) and check \`docker info\`"

if docker image inspect "$tag" >/dev/null 2>&1 && ((!force)); then
    say "$tag exists already (--force rebuilds it)"
    echo "$tag"
    exit 0
fi

# The image's configuration: the final stage's LABEL, ENV, USER and WORKDIR lines of the
# Dockerfile (one line each), for `docker import --change`.
changes=()
stage=0
while IFS= read -r line; do
    case $line in
    FROM\ *) stage=$((stage + 1)); changes=() ;;
    LABEL\ * | ENV\ * | USER\ * | WORKDIR\ *)
        changes+=(--change "${line//\$\{RECIPE\}/$recipe}") ;;
    esac
done <"$here/Dockerfile"
((${#changes[@]})) || die "no LABEL/ENV/USER/WORKDIR lines in $here/Dockerfile"
((stage == 2)) || die "$here/Dockerfile should have two stages (build, then scratch)"

work=
cleanup() {
    local status=$? mount_point
    if [[ -n $work && -d $work ]]; then
        # Whatever a failed step left mounted below the work folder (/proc, /sys), first.
        while read -r mount_point; do
            umount -l "$mount_point" || true
        done < <(awk -v w="$work" '$5 == w || index($5, w "/") == 1 { print $5 }' \
            /proc/self/mountinfo | sort -r)
        rm -rf --one-file-system "$work"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/var/tmp}/codeeff-sandbox.XXXXXX")
rootfs=$work/rootfs

say "debootstrap $SUITE (minbase + ${PACKAGES// /, }) from $mirror"
if ! debootstrap --variant=minbase --include="${PACKAGES// /,}" "$SUITE" "$rootfs" "$mirror" >&2
then
    tail -n 20 "$rootfs/debootstrap/debootstrap.log" >&2 2>/dev/null || true
    die "debootstrap failed (the lines above; its log goes with the temporary folder)"
fi

say "setup.sh in the root file system"
mkdir "$rootfs/codeeff-build"
cp "$here/image.env" "$here/setup.sh" "$here/strip.py" "$rootfs/codeeff-build/"
if ((updates)); then
    cat >"$rootfs/etc/apt/sources.list" <<EOF
deb $mirror $SUITE main
deb $mirror $SUITE-updates main
deb $security_mirror $SUITE-security main
EOF
fi
mount -t proc proc "$rootfs/proc"
chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin SETUP_APT="$updates" \
    /bin/sh /codeeff-build/setup.sh >&2 || die "setup.sh failed (the lines above)"
umount "$rootfs/proc"
rm -rf "$rootfs/codeeff-build"  # strip.py's last step; in case it changes

# What debootstrap took from this host, and device nodes: Docker provides /dev,
# /etc/hosts, /etc/hostname and /etc/resolv.conf when a container starts.
find "$rootfs/dev" -mindepth 1 -delete
for file in hosts hostname resolv.conf; do
    : >"$rootfs/etc/$file"
done

say "docker import as $tag"
tar -C "$rootfs" --numeric-owner -c . | docker import "${changes[@]}" - "$tag" >/dev/null
say "built in $((SECONDS - started)) s: $(docker image inspect --format '{{.Size}}' "$tag" |
    awk '{ printf "%.1f MB", $1 / 1e6 }')"
echo "$tag"
