#!/usr/bin/env bash
# The container image for real: build it (Containerfile), run `meldpost migrate`, then
# `meldpost web` and `meldpost worker` as two containers against a PostgreSQL of our own, and wait
# for a healthy /api/health with a live worker. Prints one JSON line: image size, build time,
# time from `podman run` to healthy. Needs podman and runc (Debian packages; installed here with
# apt-get when run as root). Everything it starts, it stops: containers by ID, PostgreSQL by PID.
#
#   scripts/container-smoke.sh            build and test
#   KEEP_IMAGE=0 scripts/container-smoke.sh   also remove the image afterwards
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
IMAGE=${IMAGE:-localhost/meldpost:smoke}
NODE_IMAGE=docker.io/library/node:20-bookworm-slim
work=$(mktemp -d /tmp/meldpost-container-XXXXXX)
chmod 755 "$work"
containers=()
pg_pid=
export CONTAINERS_CONF=$work/containers.conf
# runc, not crun, and no default rlimits: on machines that mix cgroup v1 and v2 crun and setting
# rlimits are refused.
podman() { command podman --runtime runc "$@"; }

cleanup() {
  for id in "${containers[@]}"; do podman rm -f "$id" >/dev/null 2>&1 || true; done
  podman volume rm -f "meldpost-smoke-$$" >/dev/null 2>&1 || true
  if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then kill -TERM "$pg_pid"; wait "$pg_pid" 2>/dev/null || true; fi
  [ "${KEEP_IMAGE:-1}" = 1 ] || podman rmi -f "$IMAGE" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- podman, configured as it works on a machine that mixes cgroup v1 and v2 ------------------
if ! command -v podman >/dev/null || ! command -v runc >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends podman runc debootstrap >/dev/null
  else
    echo "podman en runc ontbreken: sudo apt-get install -y podman runc debootstrap" >&2
    exit 1
  fi
fi
printf '[containers]\ndefault_ulimits = []\n' >"$work/containers.conf"

# --- the base image: the official Node.js image, or a local stand-in under its name ----------
if ! podman image exists "$NODE_IMAGE" && ! timeout 60 podman pull -q "$NODE_IMAGE" >/dev/null 2>&1; then
  echo "Geen registry bereikbaar: $NODE_IMAGE wordt lokaal gemaakt (debootstrap + Node $(node -v))" >&2
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  rootfs=$work/rootfs
  debootstrap --variant=minbase bookworm "$rootfs" >"$work/debootstrap.log" 2>&1
  # Node and npm as the official image has them (/usr/local), and its non-root user `node`.
  node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  install -m 755 "$(readlink -f "$(command -v node)")" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/lib/node_modules"
  cp -a "$node_prefix/lib/node_modules/npm" "$rootfs/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  chroot "$rootfs" useradd --uid 1000 --create-home --shell /bin/bash node
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | podman import --change 'CMD ["node"]' - "$NODE_IMAGE" >/dev/null
  rm -rf "$rootfs"
fi

# --- build ---------------------------------------------------------------------------------------
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
build_started=$(date +%s%N)
# The host's npm cache, and the CA the host's npm trusts (a TLS-inspecting proxy's), if any.
build_args=(--network=host -v "$HOME/.npm:/root/.npm")
ca_file=${NODE_EXTRA_CA_CERTS:-$(npm config get cafile 2>/dev/null || true)}
if [ -n "$ca_file" ] && [ "$ca_file" != null ] && [ -f "$ca_file" ]; then
  build_args+=(-v "$ca_file:/etc/ssl/certs/build-ca.crt:ro" --build-arg NODE_EXTRA_CA_CERTS=/etc/ssl/certs/build-ca.crt)
fi
podman build "${build_args[@]}" -t "$IMAGE" -f Containerfile . >"$work/build.log" 2>&1 ||
  { tail -40 "$work/build.log" >&2; exit 1; }
build_ms=$(ms_since "$build_started")
image_bytes=$(podman image inspect "$IMAGE" --format '{{.Size}}')

# --- a PostgreSQL of our own (the embedded-postgres binaries, as a standalone server) ---------
pg_port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
node --import tsx scripts/standalone-postgres.ts "$work/pg" "$pg_port" >"$work/pg.log" 2>&1 &
pg_pid=$!
for _ in $(seq 1 120); do grep -q '^ready ' "$work/pg.log" && break; sleep 0.5; done
grep -q '^ready ' "$work/pg.log" || { cat "$work/pg.log" >&2; exit 1; }
database_url=$(sed -n 's/^ready //p' "$work/pg.log")

web_port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
key() { head -c 32 /dev/urandom | base64; }
envfile=$work/meldpost.env
cat >"$envfile" <<ENV
DATABASE_URL=$database_url
MELDPOST_ENCRYPTION_KEY=$(key)
MELDPOST_PSEUDONYM_KEY=$(key)
NEXTAUTH_SECRET=$(key)
NEXTAUTH_URL=http://127.0.0.1:$web_port
PORT=$web_port
HOST=127.0.0.1
WORKER_HEARTBEAT_SEC=2
LOG_LEVEL=warn
MELDPOST_HEALTH_TOKEN=container-smoke-health-token-0123456789
ENV
podman volume create "meldpost-smoke-$$" >/dev/null
run=(podman run --network=host --read-only --env-file "$envfile" -v "meldpost-smoke-$$:/data")

# --- migrate, then web and worker; time until healthy ----------------------------------------
started=$(date +%s%N)
"${run[@]}" --rm "$IMAGE" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
grep -q 'Migraties toegepast' "$work/migrate.log" || { cat "$work/migrate.log" >&2; exit 1; }
containers+=("$("${run[@]}" -d "$IMAGE" web)")
containers+=("$("${run[@]}" -d --no-healthcheck "$IMAGE" worker)")
healthy=
for _ in $(seq 1 240); do
  # Health details (the worker's heartbeat) only with the monitoring token.
  body=$(curl -fsS -H "Authorization: Bearer container-smoke-health-token-0123456789" \
    "http://127.0.0.1:$web_port/api/health" 2>/dev/null || true)
  if echo "$body" | grep -q '"alive":true'; then healthy=1; break; fi
  sleep 0.5
done
start_ms=$(ms_since "$started")
if [ -z "$healthy" ]; then
  for id in "${containers[@]}"; do podman logs "$id" 2>&1 | tail -20 >&2; done
  echo "Niet gezond binnen 120 s" >&2
  exit 1
fi
# The image's own HEALTHCHECK agrees, run as podman would.
podman healthcheck run "${containers[0]}" >/dev/null
# Non-root, and the root filesystem is read-only.
user=$(podman exec "${containers[0]}" id -u)
[ "$user" != 0 ] || { echo "de container draait als root" >&2; exit 1; }
if podman exec "${containers[0]}" touch /app/probe 2>/dev/null; then echo "root-bestandssysteem is schrijfbaar" >&2; exit 1; fi
printf '{"image":"%s","imageMB":%d,"buildMs":%d,"migrateWebWorkerToHealthyMs":%d,"uid":%s}\n' \
  "$IMAGE" $((image_bytes / 1000000)) "$build_ms" "$start_ms" "$user"
