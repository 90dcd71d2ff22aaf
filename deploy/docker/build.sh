#!/usr/bin/env bash
# Builds the three images — silo, frontend, agent — from this repository, tagged with one version:
#
#   deploy/docker/build.sh [VERSION]
#
# VERSION defaults to `git describe --tags --always --dirty` (else 0.0.0-dev). The images are named
# <PLANEKEEPER_IMAGE_PREFIX>-silo, -frontend and -agent (prefix default `planekeeper`; give a registry path such as
# registry.example.com/planekeeper to push there) and labelled with the version, the source (PLANEKEEPER_IMAGE_SOURCE,
# default the git remote `origin`) and the git revision. PLANEKEEPER_IMAGE_PUSH=true pushes them after building.
# DOCKER names the command (default docker; podman works too). See docs/deploy.md, "Images".
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo_root"

docker=${DOCKER:-docker}
git_info() { git -C "$repo_root" "$@" 2>/dev/null || true; }
version=${1:-$(git_info describe --tags --always --dirty)}
version=${version:-0.0.0-dev}
revision=$(git_info rev-parse HEAD)
source_url=${PLANEKEEPER_IMAGE_SOURCE:-$(git_info remote get-url origin)}
prefix=${PLANEKEEPER_IMAGE_PREFIX:-planekeeper}

for program in silo frontend agent; do
  image="$prefix-$program:$version"
  echo "build.sh: building $image" >&2
  "$docker" build \
    --file "deploy/docker/$program.Dockerfile" \
    --build-arg "VERSION=$version" \
    --build-arg "SOURCE=${source_url:-unknown}" \
    --build-arg "REVISION=${revision:-unknown}" \
    --tag "$image" \
    .
  if [ "${PLANEKEEPER_IMAGE_PUSH:-false}" = "true" ]; then
    "$docker" push "$image"
  fi
done
echo "build.sh: built $prefix-silo, $prefix-frontend and $prefix-agent at $version" >&2
